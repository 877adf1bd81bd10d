using Ace.Core.Primitives.Radial;
using Ace.Core.Primitives.Transforms;

namespace Ace.Core.Primitives.Tests.Radial;

public class ChebExpCosBasisTests
{
    private const double Lambda = 5.25;
    private const double Cutoff = 5.0;

    private static ChebExpCosBasis Basis(int count = 10) => new(new ScaledExponentialTransform(Lambda, Cutoff), count);

    [Test]
    public void MatchesTheDefinition()
    {
        var basis = Basis();
        var v = new double[basis.Count];
        var d = new double[basis.Count];
        foreach (double r in new[] { 0.0, 0.4, 1.3, 2.9, 4.4, 4.99 })
        {
            basis.Evaluate(r, v, d);
            double x = 1 - 2 * (Math.Exp(-Lambda * r / Cutoff) - Math.Exp(-Lambda)) / (1 - Math.Exp(-Lambda));
            double f = 0.5 * (1 + Math.Cos(Math.PI * r / Cutoff));
            Assert.That(v[0], Is.EqualTo(f).Within(1e-15), $"n = 0 at r = {r}");
            for (int n = 1; n < basis.Count; n++)
            {
                double expected = f * 0.5 * (1 - Math.Cos(n * Math.Acos(Math.Clamp(x, -1, 1))));
                Assert.That(v[n], Is.EqualTo(expected).Within(1e-13), $"n = {n} at r = {r}");
            }
        }
    }

    [Test]
    public void Derivatives_MatchFiniteDifferences()
    {
        var basis = Basis();
        FunctionFamilyChecks.DerivativesMatchFiniteDifferences(basis.Count, basis.Evaluate, [0.1, 0.9, 2.2, 3.3, 4.7], "r");
    }

    [Test]
    public void VanishesAtAndBeyondTheCutoff()
    {
        var basis = Basis();
        FunctionFamilyChecks.VanishesAt(basis.Count, basis.Evaluate, [Cutoff, 5.3, double.PositiveInfinity]);
        var v = new double[basis.Count];
        var d = new double[basis.Count];
        basis.Evaluate(Cutoff - 1e-6, v, d);
        Assert.That(v.Max(Math.Abs), Is.LessThan(1e-10));
        Assert.That(d.Max(Math.Abs), Is.LessThan(1e-5));
    }

    [Test]
    public void Batch_AgreesWithScalarReference()
    {
        var basis = Basis(13);
        var random = new Random(23);
        foreach (int count in new[] { 1, 5, 257, 515 })
        {
            var r = new double[count];
            for (int j = 0; j < count; j++)
            {
                r[j] = 1.2 * Cutoff * random.NextDouble();
            }

            r[0] = 0.0;
            var (values, derivatives, referenceValues, referenceDerivatives) =
                FunctionFamilyChecks.BatchAndReference(basis.Count, basis.Evaluate, basis.EvaluateReference, r);
            Assert.That(values, Is.EqualTo(referenceValues).Within(1e-14));
            Assert.That(derivatives, Is.EqualTo(referenceDerivatives).Within(1e-13));
            Assert.That(values.Max(Math.Abs), Is.GreaterThan(0.1), "the batch computed something");
        }
    }

    [Test]
    public void IsNotProductClosed() =>
        Assert.That(Basis(), Is.Not.InstanceOf<IProductClosedRadialBasis>());

    [Test]
    public void BadArguments_Throw()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ChebExpCosBasis(new ScaledExponentialTransform(1, 5), 0));
        Assert.That((e!.ParamName, e.Message.Contains('0', StringComparison.Ordinal)), Is.EqualTo(("count", true)));
        var basis = Basis(3);
        var a = Assert.Catch<ArgumentException>(() => basis.Evaluate(-2.0, new double[3], new double[3]));
        Assert.That((a!.ParamName, a.Message.Contains("-2", StringComparison.Ordinal)), Is.EqualTo(("r", true)));
        a = Assert.Catch<ArgumentException>(() => basis.Evaluate(new[] { 1.0, double.NaN }, new double[6], new double[6]));
        Assert.That((a!.ParamName, a.Message.Contains("r[1]", StringComparison.Ordinal)), Is.EqualTo(("r", true)));
        a = Assert.Catch<ArgumentException>(() => basis.Evaluate(new[] { 1.0, 2.0 }, new double[5], new double[6]));
        Assert.That(a!.ParamName, Is.EqualTo("values"));
    }
}
