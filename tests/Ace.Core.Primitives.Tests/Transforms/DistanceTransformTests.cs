using Ace.Core.Primitives.Transforms;
using Ace.Core.TestUtilities;

namespace Ace.Core.Primitives.Tests.Transforms;

public class DistanceTransformTests
{
    private static IEnumerable<TestCaseData> Transforms()
    {
        yield return new TestCaseData(new AgnesiTransform(2.35, 5.0)).SetArgDisplayNames("Agnesi(2,4)");
        yield return new TestCaseData(new AgnesiTransform(1.1, 4.0, 1, 3)).SetArgDisplayNames("Agnesi(1,3)");
        yield return new TestCaseData(new AgnesiTransform(3.0, 6.5, 3, 7, 0.4)).SetArgDisplayNames("Agnesi(3,7,a)");
        yield return new TestCaseData(new ScaledExponentialTransform(5.25, 5.0)).SetArgDisplayNames("ScaledExp");
        yield return new TestCaseData(IdentityTransform.Instance).SetArgDisplayNames("Identity");
    }

    [TestCaseSource(nameof(Transforms))]
    public void Derivative_MatchesFiniteDifference(IDistanceTransform transform)
    {
        foreach (double r in new[] { 0.01, 0.3, 1.0, 2.0, 2.35, 3.7, 4.9, 5.6, 9.0 })
        {
            transform.Transform(r, out double derivative);
            double fd = FiniteDifference.Derivative(t => transform.Transform(t, out _), r, 1e-4);
            Assert.That(FiniteDifference.RelativeError(derivative, fd, 1e-2), Is.LessThan(1e-8), $"r = {r}: {derivative} vs {fd}");
        }
    }

    [TestCaseSource(nameof(Transforms))]
    public void Batch_AgreesWithScalar(IDistanceTransform transform)
    {
        var random = new Random(17);
        var r = new double[67];
        for (int j = 0; j < r.Length; j++)
        {
            r[j] = 7.0 * random.NextDouble();
        }

        r[0] = 0.0;
        var values = new double[r.Length];
        var derivatives = new double[r.Length];
        transform.Transform(r, values, derivatives);
        for (int j = 0; j < r.Length; j++)
        {
            double value = transform.Transform(r[j], out double derivative);
            Assert.That(values[j], Is.EqualTo(value).Within(1e-15 * Math.Max(1, Math.Abs(value))), $"value {j}");
            Assert.That(derivatives[j], Is.EqualTo(derivative).Within(1e-15 * Math.Max(1, Math.Abs(derivative))), $"derivative {j}");
        }
    }

    [Test]
    public void Agnesi_MapsZeroToMinusOneAndCutoffToPlusOne()
    {
        var transform = new AgnesiTransform(2.35, 5.0);
        Assert.That(transform.Transform(0.0, out double d0), Is.EqualTo(-1.0).Within(1e-15));
        Assert.That(d0, Is.EqualTo(0.0), "x'(0) = 0 for p = 2");
        Assert.That(transform.Transform(5.0, out _), Is.EqualTo(1.0).Within(1e-15));
        Assert.That(transform.A, Is.EqualTo(10.0 / 13).Within(1e-16));
        Assert.That(AgnesiTransform.DefaultA(1, 3), Is.EqualTo(2.0 / 7).Within(1e-16));
        Assert.That((transform.R0, transform.Cutoff, transform.P, transform.Q), Is.EqualTo((2.35, 5.0, 2, 4)));
    }

    [Test]
    public void Agnesi_IsIncreasingAndItsSlopePeaksAtR0ForTheDefaultA()
    {
        foreach (var (p, q) in new[] { (2, 4), (1, 3), (2, 6) })
        {
            const double r0 = 2.0;
            var transform = new AgnesiTransform(r0, 1000.0, p, q);
            double Slope(double r)
            {
                transform.Transform(r, out double d);
                return d;
            }

            Assert.That(Slope(r0), Is.GreaterThan(0));
            Assert.That(FiniteDifference.Derivative(Slope, r0, 1e-3), Is.EqualTo(0).Within(1e-7 * Slope(r0)), $"({p},{q})");
            Assert.That(Slope(r0), Is.GreaterThan(Slope(0.9 * r0)).And.GreaterThan(Slope(1.1 * r0)));
        }
    }

    [Test]
    public void ScaledExponential_MatchesFormula()
    {
        var transform = new ScaledExponentialTransform(5.25, 4.5);
        Assert.That(transform.Transform(0.0, out _), Is.EqualTo(-1.0).Within(1e-15));
        Assert.That(transform.Transform(4.5, out _), Is.EqualTo(1.0).Within(1e-15));
        double r = 1.7;
        double expected = 1 - 2 * (Math.Exp(-5.25 * r / 4.5) - Math.Exp(-5.25)) / (1 - Math.Exp(-5.25));
        Assert.That(transform.Transform(r, out _), Is.EqualTo(expected).Within(1e-15));
        Assert.That((transform.Lambda, transform.Cutoff), Is.EqualTo((5.25, 4.5)));
    }

    [Test]
    public void BadParameters_Throw()
    {
        AssertThrows(() => new AgnesiTransform(0.0, 5.0), "r0", "0");
        AssertThrows(() => new AgnesiTransform(2.0, -1.5), "cutoff", "-1.5");
        AssertThrows(() => new AgnesiTransform(2.0, double.NaN), "cutoff", "NaN");
        AssertThrows(() => new AgnesiTransform(2.0, 5.0, 0, 4), "p", "0");
        AssertThrows(() => new AgnesiTransform(2.0, 5.0, 3, 3), "q", "3");
        AssertThrows(() => new AgnesiTransform(2.0, 5.0, 2, 4, -0.5), "a", "-0.5");
        AssertThrows(() => new ScaledExponentialTransform(0.0, 5.0), "lambda", "0");
        AssertThrows(() => new ScaledExponentialTransform(2.0, 0.0), "cutoff", "0");
    }

    [TestCaseSource(nameof(Transforms))]
    public void BadDistances_Throw(IDistanceTransform transform)
    {
        AssertThrows(() => transform.Transform(-0.25, out _), "r", "-0.25");
        AssertThrows(() => transform.Transform(double.NaN, out _), "r", "NaN");
        AssertThrows(() => transform.Transform(double.PositiveInfinity, out _), "r", "Infinity");
        var r = new double[] { 1, 2, 3, 4, 5, 6, -2.5, 1 };
        var e = AssertThrows(() => transform.Transform(r, new double[8], new double[8]), "r", "-2.5");
        Assert.That(e.Message, Does.Contain("r[6]"));
        AssertThrows(() => transform.Transform(new double[] { 1, 2, 3, 4, 5, double.NaN }, new double[6], new double[6]), "r", "NaN");
        AssertThrows(() => transform.Transform(new double[] { 1, 2 }, new double[1], new double[2]), "values", "1");
    }

    private static ArgumentException AssertThrows(TestDelegate action, string parameter, string value)
    {
        var e = Assert.Catch<ArgumentException>(action);
        Assert.That(e!.ParamName, Is.EqualTo(parameter));
        Assert.That(e.Message, Does.Contain(value));
        return e;
    }
}
