using Ace.Core.Primitives.Polynomials;
using Ace.Core.Primitives.Quadrature;

namespace Ace.Core.Primitives.Tests.Polynomials;

public class PolynomialFamilyTests
{
    private static IEnumerable<TestCaseData> Families()
    {
        yield return new TestCaseData(new JacobiPolynomials(0, 0, 12)).SetArgDisplayNames("Legendre");
        yield return new TestCaseData(new JacobiPolynomials(4, 4, 15)).SetArgDisplayNames("Jacobi(4,4)");
        yield return new TestCaseData(new JacobiPolynomials(2, 6, 9)).SetArgDisplayNames("Jacobi(2,6)");
        yield return new TestCaseData(new JacobiPolynomials(-0.5, 0.25, 11)).SetArgDisplayNames("Jacobi(-0.5,0.25)");
        yield return new TestCaseData(new JacobiPolynomials(-0.9, -0.3, 3)).SetArgDisplayNames("Jacobi(-0.9,-0.3)");
        yield return new TestCaseData(new JacobiPolynomials(1, 1, 0)).SetArgDisplayNames("Jacobi degree 0");
        yield return new TestCaseData(new ChebyshevPolynomials(ChebyshevKind.FirstKind, 14)).SetArgDisplayNames("ChebyshevT");
        yield return new TestCaseData(new ChebyshevPolynomials(ChebyshevKind.SecondKind, 10)).SetArgDisplayNames("ChebyshevU");
    }

    [TestCaseSource(nameof(Families))]
    public void Derivatives_MatchFiniteDifferences(IPolynomialFamily family) =>
        FunctionFamilyChecks.DerivativesMatchFiniteDifferences(family.MaxDegree + 1, family.Evaluate,
            [-0.97, -0.5, 0.0, 0.123, 0.77, 0.99], "x", "k");

    [TestCaseSource(nameof(Families))]
    public void Batch_AgreesWithScalarAndReference(IPolynomialFamily family)
    {
        int n = family.MaxDegree + 1;
        var random = new Random(3);
        foreach (int count in new[] { 1, 4, 37 })
        {
            var x = new double[count];
            for (int j = 0; j < count; j++)
            {
                x[j] = 2 * random.NextDouble() - 1;
            }

            FamilyOnBatch reference = family switch
            {
                JacobiPolynomials jacobi => jacobi.EvaluateReference,
                ChebyshevPolynomials chebyshev => chebyshev.EvaluateReference,
                _ => throw new AssertionException("unknown family"),
            };
            var (values, derivatives, referenceValues, referenceDerivatives) =
                FunctionFamilyChecks.BatchAndReference(n, family.Evaluate, reference, x);
            Assert.That(values, Is.EqualTo(referenceValues).Within(1e-14));
            Assert.That(derivatives, Is.EqualTo(referenceDerivatives).Within(1e-13));
            var v = new double[n];
            var d = new double[n];
            for (int j = 0; j < count; j++)
            {
                family.Evaluate(x[j], v, d);
                for (int k = 0; k < n; k++)
                {
                    Assert.That(values[k * count + j], Is.EqualTo(v[k]).Within(1e-14 * Math.Max(1, Math.Abs(v[k]))));
                    Assert.That(derivatives[k * count + j], Is.EqualTo(d[k]).Within(1e-14 * Math.Max(1, Math.Abs(d[k]))));
                }
            }
        }
    }

    [TestCase(0.0, 0.0, 20)]
    [TestCase(4.0, 4.0, 20)]
    [TestCase(4.0, 2.0, 15)]
    [TestCase(-0.5, -0.5, 25)]
    [TestCase(0.3, -0.7, 18)]
    [TestCase(-0.95, 3.5, 12)]
    public void Jacobi_IsOrthonormal(double alpha, double beta, int maxDegree)
    {
        var family = new JacobiPolynomials(alpha, beta, maxDegree);
        var rule = GaussJacobi.Create(maxDegree + 2, alpha, beta);
        var gram = Gram(family, rule);
        for (int a = 0; a <= maxDegree; a++)
        {
            for (int b = 0; b <= maxDegree; b++)
            {
                Assert.That(gram[a, b], Is.EqualTo(a == b ? 1.0 : 0.0).Within(1e-12), $"({a}, {b})");
            }
        }
    }

    [Test]
    public void Jacobi_IsOrthonormalUnderAnIndependentLegendreRule()
    {
        // Polynomial weight (1 - x)^4 (1 + x)^2 integrated by Gauss-Legendre instead of the family's own Gauss-Jacobi rule.
        var family = new JacobiPolynomials(4, 2, 10);
        var rule = GaussLegendre.Create(20);
        var p = new double[11];
        var dp = new double[11];
        var gram = new double[11, 11];
        for (int i = 0; i < rule.Count; i++)
        {
            double x = rule.Nodes[i];
            family.Evaluate(x, p, dp);
            double w = rule.Weights[i] * Math.Pow(1 - x, 4) * Math.Pow(1 + x, 2);
            for (int a = 0; a <= 10; a++)
            {
                for (int b = 0; b <= 10; b++)
                {
                    gram[a, b] += w * p[a] * p[b];
                }
            }
        }

        for (int a = 0; a <= 10; a++)
        {
            for (int b = 0; b <= 10; b++)
            {
                Assert.That(gram[a, b], Is.EqualTo(a == b ? 1.0 : 0.0).Within(1e-12), $"({a}, {b})");
            }
        }
    }

    [TestCase(0, 0)]
    [TestCase(4, 4)]
    [TestCase(2, 5)]
    [TestCase(6, 1)]
    public void Jacobi_MatchesTheExplicitSumFormula(int alpha, int beta)
    {
        // P_n^(a,b)(x) = sum_s C(n+a, n-s) C(n+b, s) ((x-1)/2)^s ((x+1)/2)^(n-s), with squared norm
        // h_n = 2^(a+b+1) / (2n+a+b+1) * (n+a)! (n+b)! / ((n+a+b)! n!).
        const int maxDegree = 10;
        var family = new JacobiPolynomials(alpha, beta, maxDegree);
        var p = new double[maxDegree + 1];
        var dp = new double[maxDegree + 1];
        foreach (double x in new[] { -0.8, -0.1, 0.35, 0.9 })
        {
            family.Evaluate(x, p, dp);
            for (int n = 0; n <= maxDegree; n++)
            {
                double classical = 0;
                for (int s = 0; s <= n; s++)
                {
                    classical += Binomial(n + alpha, n - s) * Binomial(n + beta, s)
                        * Math.Pow((x - 1) / 2, s) * Math.Pow((x + 1) / 2, n - s);
                }

                double norm2 = Math.Pow(2, alpha + beta + 1) / (2 * n + alpha + beta + 1)
                    * Factorial(n + alpha) * Factorial(n + beta) / (Factorial(n + alpha + beta) * Factorial(n));
                double expected = classical / Math.Sqrt(norm2);
                Assert.That(p[n], Is.EqualTo(expected).Within(1e-12 * Math.Max(1, Math.Abs(expected))), $"x = {x}, n = {n}");
            }
        }
    }

    [Test]
    public void Chebyshev_MatchTrigonometricDefinitions()
    {
        var t = new ChebyshevPolynomials(ChebyshevKind.FirstKind, 20);
        var u = new ChebyshevPolynomials(ChebyshevKind.SecondKind, 20);
        var v = new double[21];
        var d = new double[21];
        foreach (double theta in new[] { 0.1, 0.9, 1.6, 2.5, 3.0 })
        {
            double x = Math.Cos(theta);
            t.Evaluate(x, v, d);
            for (int k = 0; k <= 20; k++)
            {
                Assert.That(v[k], Is.EqualTo(Math.Cos(k * theta)).Within(1e-13), $"T_{k}");
                // T_k' = k U_{k-1} = k sin(k theta) / sin(theta)
                Assert.That(d[k], Is.EqualTo(k * Math.Sin(k * theta) / Math.Sin(theta)).Within(1e-11 * (1 + k * k)), $"T_{k}'");
            }

            u.Evaluate(x, v, d);
            for (int k = 0; k <= 20; k++)
            {
                Assert.That(v[k], Is.EqualTo(Math.Sin((k + 1) * theta) / Math.Sin(theta)).Within(1e-12 * (k + 1)), $"U_{k}");
            }
        }
    }

    [TestCase(ChebyshevKind.FirstKind, -0.5)]
    [TestCase(ChebyshevKind.SecondKind, 0.5)]
    public void Chebyshev_AreOrthogonalWithTheirKnownNorms(ChebyshevKind kind, double exponent)
    {
        const int maxDegree = 16;
        var family = new ChebyshevPolynomials(kind, maxDegree);
        var gram = Gram(family, GaussJacobi.Create(maxDegree + 1, exponent, exponent));
        for (int a = 0; a <= maxDegree; a++)
        {
            for (int b = 0; b <= maxDegree; b++)
            {
                double expected = a != b ? 0.0 : kind == ChebyshevKind.FirstKind ? (a == 0 ? Math.PI : Math.PI / 2) : Math.PI / 2;
                Assert.That(gram[a, b], Is.EqualTo(expected).Within(1e-12), $"({a}, {b})");
            }
        }
    }

    [Test]
    public void BadArguments_Throw()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new JacobiPolynomials(-1.0, 0, 3));
        Assert.That((e!.ParamName, e.Message.Contains("-1", StringComparison.Ordinal)), Is.EqualTo(("alpha", true)));
        e = Assert.Throws<ArgumentOutOfRangeException>(() => new JacobiPolynomials(0, -2.5, 3));
        Assert.That((e!.ParamName, e.Message.Contains("-2.5", StringComparison.Ordinal)), Is.EqualTo(("beta", true)));
        e = Assert.Throws<ArgumentOutOfRangeException>(() => new JacobiPolynomials(0, 0, -1));
        Assert.That(e!.ParamName, Is.EqualTo("maxDegree"));
        e = Assert.Throws<ArgumentOutOfRangeException>(() => new ChebyshevPolynomials(ChebyshevKind.FirstKind, -3));
        Assert.That(e!.ParamName, Is.EqualTo("maxDegree"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChebyshevPolynomials((ChebyshevKind)7, 3));
        var family = new JacobiPolynomials(1, 1, 5);
        var a = Assert.Throws<ArgumentException>(() => family.Evaluate(0.5, new double[5], new double[6]));
        Assert.That(a!.ParamName, Is.EqualTo("values"));
        a = Assert.Throws<ArgumentException>(() => family.Evaluate(new double[3], new double[18], new double[17]));
        Assert.That(a!.ParamName, Is.EqualTo("derivatives"));
    }

    private static double[,] Gram(IPolynomialFamily family, GaussQuadratureRule rule) =>
        FunctionFamilyChecks.Gram(family.MaxDegree + 1, family.Evaluate, rule);

    private static double Factorial(int n)
    {
        double f = 1;
        for (int k = 2; k <= n; k++)
        {
            f *= k;
        }

        return f;
    }

    private static double Binomial(int n, int k) => k < 0 || k > n ? 0 : Factorial(n) / (Factorial(k) * Factorial(n - k));
}
