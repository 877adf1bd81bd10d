using Ace.Core.Primitives.Angular;
using Ace.Core.Primitives.Coupling;
using Ace.Core.Primitives.Quadrature;

namespace Ace.Core.Primitives.Tests.Coupling;

public class RealGauntTests
{
    private const int LMax = 6;

    /// <summary>
    /// Real harmonics (RealSphericalHarmonics) on a product grid, Gauss-Legendre in cos theta x uniform phi, exact for
    /// the triple products of degree up to 3 LMax.
    /// </summary>
    private static (double[][] Values, double[] Weights) Grid(int lMax)
    {
        const int nTheta = 16, nPhi = 40;
        var rule = GaussLegendre.Create(nTheta);
        var nodes = rule.Nodes.ToArray();
        var weights = rule.Weights.ToArray();
        var values = new List<double[]>();
        var w = new List<double>();
        for (int i = 0; i < nTheta; i++)
        {
            double s = Math.Sqrt(1 - nodes[i] * nodes[i]);
            for (int k = 0; k < nPhi; k++)
            {
                double phi = 2 * Math.PI * k / nPhi;
                var y = new double[RealSphericalHarmonics.Count(lMax)];
                RealSphericalHarmonics.Evaluate(lMax, s * Math.Cos(phi), s * Math.Sin(phi), nodes[i], y);
                values.Add(y);
                w.Add(weights[i] * 2 * Math.PI / nPhi);
            }
        }
        return (values.ToArray(), w.ToArray());
    }

    [Test]
    public void MatchesQuadratureOfRealHarmonics()
    {
        var (values, weights) = Grid(LMax);
        int checkedNonZero = 0;
        for (int l1 = 0; l1 <= LMax; l1++)
        {
            for (int l2 = 0; l2 <= LMax; l2++)
            {
                for (int l = 0; l <= LMax; l++)
                {
                    for (int m1 = -l1; m1 <= l1; m1++)
                    {
                        for (int m2 = -l2; m2 <= l2; m2++)
                        {
                            for (int m = -l; m <= l; m++)
                            {
                                int i1 = RealSphericalHarmonics.Index(l1, m1), i2 = RealSphericalHarmonics.Index(l2, m2), i3 = RealSphericalHarmonics.Index(l, m);
                                double quadrature = 0;
                                for (int p = 0; p < weights.Length; p++)
                                {
                                    quadrature += weights[p] * values[p][i1] * values[p][i2] * values[p][i3];
                                }
                                double gaunt = RealGaunt.Coefficient(l1, m1, l2, m2, l, m);
                                Assert.That(gaunt, Is.EqualTo(quadrature).Within(1e-14), $"({l1} {m1}; {l2} {m2}; {l} {m})");
                                if (Math.Abs(gaunt) > 1e-3)
                                {
                                    checkedNonZero++;
                                }
                            }
                        }
                    }
                }
            }
        }
        Assert.That(checkedNonZero, Is.GreaterThan(1000), "the comparison covered many non-zero coefficients");
    }

    [Test]
    public void SelectionRulesAndSymmetry()
    {
        var random = new Random(5);
        for (int trial = 0; trial < 500; trial++)
        {
            int l1 = random.Next(0, 10), l2 = random.Next(0, 10), l = random.Next(0, 20);
            int m1 = random.Next(-l1, l1 + 1), m2 = random.Next(-l2, l2 + 1), m = random.Next(-l, l + 1);
            double g = RealGaunt.Coefficient(l1, m1, l2, m2, l, m);
            if (((l1 + l2 + l) & 1) == 1 || l < Math.Abs(l1 - l2) || l > l1 + l2)
            {
                Assert.That(g, Is.Zero);
            }
            Assert.That(RealGaunt.Coefficient(l2, m2, l1, m1, l, m), Is.EqualTo(g).Within(1e-15));
            Assert.That(RealGaunt.Coefficient(l, m, l2, m2, l1, m1), Is.EqualTo(g).Within(1e-15));
        }
    }

    [Test]
    public void ProductWithConstantHarmonicIsIdentity()
    {
        for (int l = 0; l <= 12; l++)
        {
            for (int m = -l; m <= l; m++)
            {
                for (int mp = -l; mp <= l; mp++)
                {
                    double expected = m == mp ? 1 / Math.Sqrt(4 * Math.PI) : 0.0;
                    Assert.That(RealGaunt.Coefficient(0, 0, l, m, l, mp), Is.EqualTo(expected).Within(1e-15));
                }
            }
        }
    }

    [Test]
    public void OutOfRangeArgumentsThrow()
    {
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => RealGaunt.Coefficient(-1, 0, 1, 0, 1, 0))!.ParamName, Is.EqualTo("l1"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => RealGaunt.Coefficient(1, 0, 1, 2, 1, 0))!.ParamName, Is.EqualTo("m2"));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RealGaunt.Coefficient(1, 0, 1, 0, 2, -3));
        Assert.That(e!.ParamName, Is.EqualTo("m"));
        Assert.That(e.Message, Does.Contain("-3"));
    }
}
