using Ace.Core.Primitives.Polynomials;
using Ace.Core.Primitives.Quadrature;

namespace Ace.Core.Primitives.Tests.Quadrature;

public class GaussJacobiTests
{
    [Test]
    public void GaussLegendre_MatchesKnownNodesAndWeights()
    {
        var two = GaussLegendre.Create(2);
        Assert.That(two.Nodes.ToArray(), Is.EqualTo(new[] { -1 / Math.Sqrt(3), 1 / Math.Sqrt(3) }).Within(1e-15));
        Assert.That(two.Weights.ToArray(), Is.EqualTo(new[] { 1.0, 1.0 }).Within(1e-15));

        var three = GaussLegendre.Create(3);
        Assert.That(three.Nodes.ToArray(), Is.EqualTo(new[] { -Math.Sqrt(0.6), 0.0, Math.Sqrt(0.6) }).Within(1e-15));
        Assert.That(three.Weights.ToArray(), Is.EqualTo(new[] { 5.0 / 9, 8.0 / 9, 5.0 / 9 }).Within(1e-15));

        var four = GaussLegendre.Create(4);
        double inner = Math.Sqrt(3.0 / 7 - 2.0 / 7 * Math.Sqrt(1.2)), outer = Math.Sqrt(3.0 / 7 + 2.0 / 7 * Math.Sqrt(1.2));
        double wInner = (18 + Math.Sqrt(30)) / 36, wOuter = (18 - Math.Sqrt(30)) / 36;
        Assert.That(four.Nodes.ToArray(), Is.EqualTo(new[] { -outer, -inner, inner, outer }).Within(1e-15));
        Assert.That(four.Weights.ToArray(), Is.EqualTo(new[] { wOuter, wInner, wInner, wOuter }).Within(1e-15));
    }

    [TestCase(1)]
    [TestCase(7)]
    [TestCase(20)]
    [TestCase(64)]
    public void GaussChebyshevFirstKind_MatchesClosedForm(int n)
    {
        var rule = GaussJacobi.Create(n, -0.5, -0.5);
        for (int i = 0; i < n; i++)
        {
            double node = -Math.Cos((2 * i + 1) * Math.PI / (2 * n));
            Assert.That(rule.Nodes[i], Is.EqualTo(node).Within(1e-14), $"node {i}");
            Assert.That(rule.Weights[i], Is.EqualTo(Math.PI / n).Within(1e-14 * Math.PI / n * 10), $"weight {i}");
        }
    }

    [TestCase(1)]
    [TestCase(9)]
    [TestCase(40)]
    public void GaussChebyshevSecondKind_MatchesClosedForm(int n)
    {
        var rule = GaussJacobi.Create(n, 0.5, 0.5);
        for (int i = 0; i < n; i++)
        {
            double t = (n - i) * Math.PI / (n + 1);
            Assert.That(rule.Nodes[i], Is.EqualTo(Math.Cos(t)).Within(1e-14), $"node {i}");
            double weight = Math.PI / (n + 1) * Math.Sin(t) * Math.Sin(t);
            Assert.That(rule.Weights[i], Is.EqualTo(weight).Within(1e-14), $"weight {i}");
        }
    }

    [Test]
    public void GaussLegendre_IsExactOnMonomials()
    {
        foreach (int n in new[] { 1, 2, 5, 12, 30 })
        {
            var rule = GaussLegendre.Create(n);
            for (int k = 0; k <= 2 * n - 1; k++)
            {
                double exact = k % 2 == 1 ? 0.0 : 2.0 / (k + 1);
                Assert.That(rule.Integrate(x => Math.Pow(x, k)), Is.EqualTo(exact).Within(1e-14), $"n = {n}, k = {k}");
            }

            // Degree 2n is not integrated exactly (visibly so for small n): the test can detect a wrong rule.
            if (n <= 12)
            {
                Assert.That(Math.Abs(rule.Integrate(x => Math.Pow(x, 2 * n)) - 2.0 / (2 * n + 1)), Is.GreaterThan(1e-12));
            }
        }
    }

    // The integral of (1 + x)^m (1 - x)^alpha (1 + x)^beta is 2^(a+b+m+1) B(alpha + 1, beta + m + 1), a product of
    // ratios we form exactly from the base weight integral: I_m = I_{m-1} * 2 (beta + m) / (alpha + beta + m + 1).
    [TestCase(0.0, 0.0, 6)]
    [TestCase(-0.5, 0.5, 8)]
    [TestCase(0.3, -0.7, 10)]
    [TestCase(4.0, 4.0, 9)]
    [TestCase(6.0, 2.0, 11)]
    [TestCase(-0.9, -0.95, 15)]
    [TestCase(2.5, 7.25, 25)]
    public void GaussJacobi_IsExactOnPowersOfOnePlusX(double alpha, double beta, int n)
    {
        var rule = GaussJacobi.Create(n, alpha, beta);
        double exact = JacobiPolynomials.WeightIntegral(alpha, beta);
        for (int m = 0; m <= 2 * n - 1; m++)
        {
            if (m > 0)
            {
                exact *= 2.0 * (beta + m) / (alpha + beta + m + 1);
            }

            double value = rule.Integrate(x => Math.Pow(1 + x, m));
            // (1 + x)^m amplifies a node error of a few ulps m-fold near x = 1: allow a few 1e-14 at m ~ 30.
            Assert.That(value, Is.EqualTo(exact).Within((1e-14 + 1e-15 * m) * exact), $"m = {m}");
        }
    }

    [TestCase(0.0, 0.0, 2.0)]
    [TestCase(-0.5, -0.5, Math.PI)]
    [TestCase(0.5, 0.5, Math.PI / 2)]
    [TestCase(1.0, 2.0, 4.0 / 3)] // 2^4 * 1! 2! / 4!
    [TestCase(4.0, 4.0, 256.0 / 315)] // 2^9 4! 4! / 9!
    public void WeightsSumToWeightIntegral(double alpha, double beta, double integral)
    {
        Assert.That(JacobiPolynomials.WeightIntegral(alpha, beta), Is.EqualTo(integral).Within(1e-15 * integral));
        foreach (int n in new[] { 1, 3, 17 })
        {
            var rule = GaussJacobi.Create(n, alpha, beta);
            double sum = 0;
            foreach (double w in rule.Weights)
            {
                Assert.That(w, Is.GreaterThan(0));
                sum += w;
            }

            Assert.That(sum, Is.EqualTo(integral).Within(1e-14 * integral));
            Assert.That(rule.Count, Is.EqualTo(n));
            Assert.That(rule.ExactDegree, Is.EqualTo(2 * n - 1));
        }
    }

    [Test]
    public void NodesAreAscendingAndAreRootsOfTheDegreeNPolynomial()
    {
        var rule = GaussJacobi.Create(25, 1.5, -0.25);
        var family = new JacobiPolynomials(1.5, -0.25, 25);
        var p = new double[26];
        var dp = new double[26];
        for (int i = 0; i < rule.Count; i++)
        {
            if (i > 0)
            {
                Assert.That(rule.Nodes[i], Is.GreaterThan(rule.Nodes[i - 1]));
            }

            family.Evaluate(rule.Nodes[i], p, dp);
            // |p_n(x_i)| is at most a few ulps times the slope.
            Assert.That(Math.Abs(p[25]), Is.LessThan(1e-14 * Math.Abs(dp[25])), $"node {i}");
        }
    }

    [Test]
    public void BadArguments_Throw()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => GaussJacobi.Create(0, 0, 0));
        Assert.That(e!.ParamName, Is.EqualTo("count"));
        Assert.That(e.Message, Does.Contain("0"));
        e = Assert.Throws<ArgumentOutOfRangeException>(() => GaussJacobi.Create(3, -1.0, 0));
        Assert.That(e!.ParamName, Is.EqualTo("alpha"));
        Assert.That(e.Message, Does.Contain("-1"));
        e = Assert.Throws<ArgumentOutOfRangeException>(() => GaussJacobi.Create(3, 0, double.NaN));
        Assert.That(e!.ParamName, Is.EqualTo("beta"));
        Assert.Throws<ArgumentOutOfRangeException>(() => GaussLegendre.Create(-2));
    }
}
