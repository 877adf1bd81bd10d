using Ace.Core.Primitives.Quadrature;
using Ace.Core.Primitives.Radial;
using Ace.Core.Primitives.Transforms;

namespace Ace.Core.Primitives.Tests.Radial;

public class TransformedJacobiBasisTests
{
    private static TransformedJacobiBasis Default(int count = 12) => new(new AgnesiTransform(2.35, 5.5), count);

    private static IEnumerable<TestCaseData> Bases()
    {
        yield return new TestCaseData(Default()).SetArgDisplayNames("default(2,2)");
        yield return new TestCaseData(new TransformedJacobiBasis(new AgnesiTransform(1.1, 4.0, 1, 3), 8, 0, 1)).SetArgDisplayNames("(0,1)");
        yield return new TestCaseData(new TransformedJacobiBasis(new AgnesiTransform(3.0, 6.0), 10, 1, 3)).SetArgDisplayNames("(1,3)");
        yield return new TestCaseData(new TransformedJacobiBasis(new AgnesiTransform(2.0, 5.0), 1)).SetArgDisplayNames("count 1");
    }

    [TestCaseSource(nameof(Bases))]
    public void IsOrthonormalInY(TransformedJacobiBasis basis)
    {
        // R_a R_b is a polynomial in y of degree 2 (Count - 1 + PIn + PCut): Gauss-Legendre with enough nodes is exact.
        var rule = GaussLegendre.Create(basis.Count + basis.PIn + basis.PCut + 1);
        int n = basis.Count;
        var gram = FunctionFamilyChecks.Gram(n, basis.EvaluateAtY, rule);
        for (int a = 0; a < n; a++)
        {
            for (int b = 0; b < n; b++)
            {
                Assert.That(gram[a, b], Is.EqualTo(a == b ? 1.0 : 0.0).Within(1e-12), $"({a}, {b})");
            }
        }
    }

    [TestCaseSource(nameof(Bases))]
    public void RadialDerivatives_MatchFiniteDifferences(TransformedJacobiBasis basis) =>
        FunctionFamilyChecks.DerivativesMatchFiniteDifferences(basis.Count, basis.Evaluate,
            [0.05, 0.7, 1.5, 2.35, 3.1, 4.2, 0.98 * basis.Cutoff], "r");

    [TestCaseSource(nameof(Bases))]
    public void YDerivatives_MatchFiniteDifferences(TransformedJacobiBasis basis) =>
        FunctionFamilyChecks.DerivativesMatchFiniteDifferences(basis.Count, basis.EvaluateAtY, [-0.95, -0.3, 0.2, 0.9], "y");

    [Test]
    public void VanishesAtAndBeyondTheCutoff()
    {
        var basis = Default();
        FunctionFamilyChecks.VanishesAt(basis.Count, basis.Evaluate, [5.5, 5.5000001, 7.0, 1e300, double.PositiveInfinity]);
        var v = new double[basis.Count];
        var d = new double[basis.Count];

        // Continuity: values and derivatives approach zero just inside the cutoff (p_cut = 2).
        basis.Evaluate(5.5 - 1e-8, v, d);
        Assert.That(v.Max(Math.Abs), Is.LessThan(1e-10));
        Assert.That(d.Max(Math.Abs), Is.LessThan(1e-4));
        Assert.That(d.Max(Math.Abs), Is.GreaterThan(0), "not identically zero inside");
    }

    [TestCaseSource(nameof(Bases))]
    public void ProductCoefficients_ReproduceProducts(TransformedJacobiBasis basis)
    {
        var random = new Random(11);
        foreach (var (a, b) in new[] { (0, 0), (0, 3), (2, 5), (5, 2), (7, 7), (11, 4) })
        {
            var c = basis.ProductCoefficients(a, b);
            Assert.That(c, Has.Length.EqualTo(a + b + basis.PIn + basis.PCut + 1));
            Assert.That(basis.ProductLength(a, b), Is.EqualTo(c.Length));
            var big = basis.WithCount(Math.Max(c.Length, Math.Max(a, b) + 1));
            var v = new double[big.Count];
            var d = new double[big.Count];
            for (int trial = 0; trial < 10; trial++)
            {
                double r = basis.Cutoff * random.NextDouble();
                big.Evaluate(r, v, d);
                double sum = 0;
                for (int k = 0; k < c.Length; k++)
                {
                    sum += c[k] * v[k];
                }

                Assert.That(sum, Is.EqualTo(v[a] * v[b]).Within(1e-12 * Math.Max(1, Math.Abs(v[a] * v[b]))), $"({a}, {b}) at r = {r}");
            }

            // The expansion really needs its last coefficient (the length is tight).
            Assert.That(Math.Abs(c[^1]), Is.GreaterThan(1e-8), $"({a}, {b})");
        }

        Assert.That(basis.ProductCoefficients(3, 6), Is.EqualTo(basis.ProductCoefficients(6, 3)).Within(1e-14));
    }

    [Test]
    public void WithCount_KeepsTheFamily()
    {
        var basis = Default(5);
        var larger = basis.WithCount(9);
        Assert.That((larger.Count, larger.PIn, larger.PCut, larger.Transform), Is.EqualTo((9, 2, 2, basis.Transform)));
        IProductClosedRadialBasis closed = basis;
        Assert.That(closed.WithCount(3).Count, Is.EqualTo(3));
        var v5 = new double[5];
        var v9 = new double[9];
        var d5 = new double[5];
        var d9 = new double[9];
        basis.Evaluate(2.7, v5, d5);
        larger.Evaluate(2.7, v9, d9);
        Assert.That(v9.Take(5), Is.EqualTo(v5));
        Assert.That(d9.Take(5), Is.EqualTo(d5));
    }

    [TestCaseSource(nameof(Bases))]
    public void Batch_AgreesWithScalarReference(TransformedJacobiBasis basis)
    {
        var random = new Random(5);
        foreach (int count in new[] { 1, 3, 8, 301, 600 })
        {
            var r = new double[count];
            for (int j = 0; j < count; j++)
            {
                r[j] = 1.15 * basis.Cutoff * random.NextDouble();
            }

            r[0] = 0.0;
            if (count > 2)
            {
                r[1] = basis.Cutoff;
                r[2] = double.PositiveInfinity;
            }

            int size = basis.Count * count;
            var (values, derivatives, referenceValues, referenceDerivatives) =
                FunctionFamilyChecks.BatchAndReference(basis.Count, basis.Evaluate, basis.EvaluateReference, r);
            for (int i = 0; i < size; i++)
            {
                Assert.That(values[i], Is.EqualTo(referenceValues[i]).Within(1e-14 * Math.Max(1, Math.Abs(referenceValues[i]))));
                Assert.That(derivatives[i], Is.EqualTo(referenceDerivatives[i]).Within(1e-14 * Math.Max(1, Math.Abs(referenceDerivatives[i]))));
            }

            // The reference is the single-point path.
            var v = new double[basis.Count];
            var d = new double[basis.Count];
            int jj = count - 1;
            basis.Evaluate(r[jj], v, d);
            for (int k = 0; k < basis.Count; k++)
            {
                Assert.That(referenceValues[k * count + jj], Is.EqualTo(v[k]));
                Assert.That(referenceDerivatives[k * count + jj], Is.EqualTo(d[k]));
            }
        }
    }

    [Test]
    public void BadArguments_Throw()
    {
        var transform = new AgnesiTransform(2.0, 5.0);
        Expect(() => new TransformedJacobiBasis(transform, 0), "count", "0");
        Expect(() => new TransformedJacobiBasis(transform, 4, -1), "pIn", "-1");
        Expect(() => new TransformedJacobiBasis(transform, 4, 2, 0), "pCut", "0");
        Assert.Throws<ArgumentNullException>(() => new TransformedJacobiBasis(null!, 4));
        var basis = new TransformedJacobiBasis(transform, 4);
        Expect(() => basis.WithCount(-2), "count", "-2");
        Expect(() => basis.ProductCoefficients(-1, 2), "a", "-1");
        Expect(() => basis.ProductCoefficients(1, -3), "b", "-3");
        Expect(() => basis.Evaluate(-1e-3, new double[4], new double[4]), "r", "-0.001");
        Expect(() => basis.Evaluate(double.NaN, new double[4], new double[4]), "r", "NaN");
        Expect(() => basis.Evaluate(1.0, new double[3], new double[4]), "values", "3");
        Expect(() => basis.Evaluate(new[] { 1.0, 2.0, -4.0 }, new double[12], new double[12]), "r", "-4");
        Expect(() => basis.Evaluate(new[] { 1.0, 2.0, 3.0 }, new double[12], new double[11]), "derivatives", "11");
        Expect(() => basis.EvaluateAtY(1.5, new double[4], new double[4]), "y", "1.5");
    }

    private static void Expect(TestDelegate action, string parameter, string value)
    {
        var e = Assert.Catch<ArgumentException>(action);
        Assert.That(e!.ParamName, Is.EqualTo(parameter));
        Assert.That(e.Message, Does.Contain(value));
    }
}
