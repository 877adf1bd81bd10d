using Ace.Core.Primitives.Radial;
using Ace.Core.Primitives.Transforms;

namespace Ace.Core.Primitives.Tests.Radial;

public class EnvelopedLegendreBasisTests
{
    private const double R0 = 2.2;
    private const double Cutoff = 6.0;

    private static EnvelopedLegendreBasis Basis(int count = 12) => new(new AgnesiTransform(R0, Cutoff, 1, 3), count);

    [Test]
    public void MatchesTheDefinition()
    {
        // ACE1x: Agnesi (1, 3) with a = 2/7, envelope (r/r0)^-2 - (rc/r0)^-2 + 2 (rc/r0)^-3 (r/r0 - rc/r0), Legendre in y.
        var basis = Basis(5);
        Assert.That(basis.Transform.A, Is.EqualTo(2.0 / 7.0).Within(1e-15));
        var v = new double[5];
        var d = new double[5];
        foreach (double r in new[] { 0.7, 1.9, 3.3, 5.2, 5.99 })
        {
            basis.Evaluate(r, v, d);
            double s = r / R0, sc = Cutoff / R0;
            double e = Math.Pow(s, -2) - Math.Pow(sc, -2) + 2 * Math.Pow(sc, -3) * (s - sc);
            double X(double t) => 1 / (1 + 2.0 / 7.0 * Math.Pow(t / R0, 3) / (1 + Math.Pow(t / R0, 2)));
            double y = 1 - 2 * (X(r) - X(Cutoff)) / (1 - X(Cutoff));
            double[] legendre = [1, y, (3 * y * y - 1) / 2, (5 * y * y * y - 3 * y) / 2, (35 * Math.Pow(y, 4) - 30 * y * y + 3) / 8];
            for (int n = 0; n < 5; n++)
            {
                double expected = e * legendre[n] * Math.Sqrt((2 * n + 1) / 2.0);
                Assert.That(v[n], Is.EqualTo(expected).Within(1e-12 * Math.Max(1, Math.Abs(expected))), $"n = {n} at r = {r}");
            }
        }
    }

    [Test]
    public void Derivatives_MatchFiniteDifferences()
    {
        var basis = Basis();
        FunctionFamilyChecks.DerivativesMatchFiniteDifferences(basis.Count, basis.Evaluate, [0.8, 1.5, 2.2, 3.3, 4.7, 5.8], "r");
    }

    [Test]
    public void Value_and_slope_vanish_at_the_cutoff_and_the_envelope_is_repulsive_inside()
    {
        var basis = Basis();
        FunctionFamilyChecks.VanishesAt(basis.Count, basis.Evaluate, [Cutoff, 6.3, double.PositiveInfinity]);
        var v = new double[basis.Count];
        var d = new double[basis.Count];
        basis.Evaluate(Cutoff - 1e-6, v, d);
        Assert.That(v.Max(Math.Abs), Is.LessThan(1e-10));
        Assert.That(d.Max(Math.Abs), Is.LessThan(1e-5));
        double previous = double.PositiveInfinity;
        for (double r = 0.5; r < Cutoff; r += 0.25)
        {
            double e = basis.Envelope(r, out double de);
            Assert.That(e, Is.GreaterThan(0).And.LessThan(previous), $"the envelope falls monotonically, r = {r}");
            Assert.That(de, Is.LessThan(0));
            previous = e;
        }
    }

    [Test]
    public void Batch_AgreesWithPointEvaluation()
    {
        var basis = Basis(9);
        var r = new[] { 0.6, 1.1, 2.5, 4.0, 5.9, 6.0, 7.5 };
        var values = new double[basis.Count * r.Length];
        var derivatives = new double[basis.Count * r.Length];
        basis.Evaluate(r, values, derivatives);
        var v = new double[basis.Count];
        var d = new double[basis.Count];
        for (int j = 0; j < r.Length; j++)
        {
            basis.Evaluate(r[j], v, d);
            for (int n = 0; n < basis.Count; n++)
            {
                Assert.That(values[n * r.Length + j], Is.EqualTo(v[n]));
                Assert.That(derivatives[n * r.Length + j], Is.EqualTo(d[n]));
            }
        }
    }
}
