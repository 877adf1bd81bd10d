using System.Numerics;
using Ace.Core.Primitives.Angular;
using Ace.Core.TestUtilities;

namespace Ace.Core.Primitives.Tests.Angular;

public class RealSphericalHarmonicsTests
{
    private static double[] Values(int lMax, double x, double y, double z)
    {
        var values = new double[RealSphericalHarmonics.Count(lMax)];
        RealSphericalHarmonics.Evaluate(lMax, x, y, z, values);
        return values;
    }

    [Test]
    public void Index_and_count_follow_the_l_squared_plus_l_plus_m_layout()
    {
        int k = 0;
        for (int l = 0; l <= 6; l++)
        {
            for (int m = -l; m <= l; m++, k++)
            {
                Assert.That(RealSphericalHarmonics.Index(l, m), Is.EqualTo(k));
            }
            Assert.That(RealSphericalHarmonics.Count(l), Is.EqualTo(k));
        }
    }

    [Test]
    public void Degree_one_is_sqrt_three_over_four_pi_times_y_z_x()
    {
        double c = Math.Sqrt(3.0 / (4.0 * Math.PI));
        double x = 0.3, y = -1.2, z = 0.7, r = Math.Sqrt(x * x + y * y + z * z);
        var values = Values(1, x, y, z);
        Assert.That(values[0], Is.EqualTo(1.0 / Math.Sqrt(4.0 * Math.PI)).Within(1e-15));
        Assert.That(values[RealSphericalHarmonics.Index(1, -1)], Is.EqualTo(c * y / r).Within(1e-15));
        Assert.That(values[RealSphericalHarmonics.Index(1, 0)], Is.EqualTo(c * z / r).Within(1e-15));
        Assert.That(values[RealSphericalHarmonics.Index(1, 1)], Is.EqualTo(c * x / r).Within(1e-15));
    }

    /// <summary>
    /// The complex Condon-Shortley harmonics Y_l^m (m &gt;= 0) for l &lt;= 3, written out from the textbook table
    /// (with their explicit (-1)^m signs), at polar angles (theta, phi).
    /// </summary>
    private static Complex CondonShortley(int l, int m, double theta, double phi)
    {
        double c = Math.Cos(theta), s = Math.Sin(theta), pi = Math.PI;
        double magnitude = (l, m) switch
        {
            (0, 0) => 0.5 * Math.Sqrt(1 / pi),
            (1, 0) => 0.5 * Math.Sqrt(3 / pi) * c,
            (1, 1) => -0.5 * Math.Sqrt(3 / (2 * pi)) * s,
            (2, 0) => 0.25 * Math.Sqrt(5 / pi) * (3 * c * c - 1),
            (2, 1) => -0.5 * Math.Sqrt(15 / (2 * pi)) * s * c,
            (2, 2) => 0.25 * Math.Sqrt(15 / (2 * pi)) * s * s,
            (3, 0) => 0.25 * Math.Sqrt(7 / pi) * (5 * c * c * c - 3 * c),
            (3, 1) => -0.125 * Math.Sqrt(21 / pi) * s * (5 * c * c - 1),
            (3, 2) => 0.25 * Math.Sqrt(105 / (2 * pi)) * s * s * c,
            (3, 3) => -0.125 * Math.Sqrt(35 / pi) * s * s * s,
            _ => throw new ArgumentOutOfRangeException(nameof(l)),
        };
        return magnitude * Complex.FromPolarCoordinates(1.0, m * phi);
    }

    [Test]
    public void Degrees_up_to_three_match_the_documented_map_from_Condon_Shortley_harmonics()
    {
        var random = new Random(11);
        for (int trial = 0; trial < 20; trial++)
        {
            var (x, y, z) = RandomGeometry.PointInShell(random, 0.5, 3.0);
            double r = Math.Sqrt(x * x + y * y + z * z);
            double theta = Math.Acos(z / r), phi = Math.Atan2(y, x);
            var values = Values(3, x, y, z);
            for (int l = 0; l <= 3; l++)
            {
                for (int m = -l; m <= l; m++)
                {
                    var complex = CondonShortley(l, Math.Abs(m), theta, phi);
                    double sign = Math.Abs(m) % 2 == 0 ? 1.0 : -1.0;
                    double expected = m > 0 ? Math.Sqrt(2) * sign * complex.Real
                        : m < 0 ? Math.Sqrt(2) * sign * complex.Imaginary
                        : complex.Real;
                    Assert.That(values[RealSphericalHarmonics.Index(l, m)], Is.EqualTo(expected).Within(1e-14),
                        $"l={l} m={m} at ({x}, {y}, {z})");
                }
            }
        }
    }

    [Test]
    public void Degrees_two_and_three_equal_their_cartesian_closed_forms()
    {
        double pi = Math.PI;
        double x = 0.48, y = -0.6, z = 0.64; // a unit vector
        var v = Values(3, 2.5 * x, 2.5 * y, 2.5 * z);
        var expected = new Dictionary<(int, int), double>
        {
            [(2, -2)] = 0.5 * Math.Sqrt(15 / pi) * x * y,
            [(2, -1)] = 0.5 * Math.Sqrt(15 / pi) * y * z,
            [(2, 0)] = 0.25 * Math.Sqrt(5 / pi) * (3 * z * z - 1),
            [(2, 1)] = 0.5 * Math.Sqrt(15 / pi) * x * z,
            [(2, 2)] = 0.25 * Math.Sqrt(15 / pi) * (x * x - y * y),
            [(3, -3)] = 0.25 * Math.Sqrt(35 / (2 * pi)) * (3 * x * x - y * y) * y,
            [(3, -2)] = 0.5 * Math.Sqrt(105 / pi) * x * y * z,
            [(3, -1)] = 0.25 * Math.Sqrt(21 / (2 * pi)) * y * (5 * z * z - 1),
            [(3, 0)] = 0.25 * Math.Sqrt(7 / pi) * (5 * z * z * z - 3 * z),
            [(3, 1)] = 0.25 * Math.Sqrt(21 / (2 * pi)) * x * (5 * z * z - 1),
            [(3, 2)] = 0.25 * Math.Sqrt(105 / pi) * (x * x - y * y) * z,
            [(3, 3)] = 0.25 * Math.Sqrt(35 / (2 * pi)) * (x * x - 3 * y * y) * x,
        };
        foreach (var ((l, m), value) in expected)
        {
            Assert.That(v[RealSphericalHarmonics.Index(l, m)], Is.EqualTo(value).Within(1e-14), $"l={l} m={m}");
        }
    }

    [TestCase(4)]
    [TestCase(10)]
    [TestCase(20)]
    public void Harmonics_are_orthonormal_on_the_sphere(int lMax)
    {
        var quadrature = new SphereQuadrature(lMax + 2, 2 * lMax + 3);
        int n = RealSphericalHarmonics.Count(lMax), points = quadrature.Count;
        var values = new double[n * points];
        RealSphericalHarmonics.Evaluate(lMax, quadrature.X, quadrature.Y, quadrature.Z, values);
        double worst = 0;
        for (int a = 0; a < n; a++)
        {
            var va = values.AsSpan(a * points, points);
            for (int b = a; b < n; b++)
            {
                var vb = values.AsSpan(b * points, points);
                double integral = 0;
                for (int j = 0; j < points; j++)
                {
                    integral += quadrature.Weights[j] * va[j] * vb[j];
                }
                worst = Math.Max(worst, Math.Abs(integral - (a == b ? 1.0 : 0.0)));
                Assert.That(double.IsFinite(integral), Is.True);
            }
        }
        Assert.That(worst, Is.LessThan(1e-12), $"largest deviation of the Gram matrix from the identity at lMax {lMax}");
    }

    [TestCase(6)]
    [TestCase(20)]
    [TestCase(RealSphericalHarmonics.MaxLMax)]
    public void Addition_theorem_holds(int lMax)
    {
        var random = new Random(5 + lMax);
        for (int trial = 0; trial < 20; trial++)
        {
            var (ux, uy, uz) = RandomGeometry.PointInShell(random, 0.2, 5.0);
            var (vx, vy, vz) = RandomGeometry.PointInShell(random, 0.2, 5.0);
            var yu = Values(lMax, ux, uy, uz);
            var yv = Values(lMax, vx, vy, vz);
            double cosine = (ux * vx + uy * vy + uz * vz)
                / Math.Sqrt((ux * ux + uy * uy + uz * uz) * (vx * vx + vy * vy + vz * vz));
            for (int l = 0; l <= lMax; l++)
            {
                double sum = 0;
                for (int m = -l; m <= l; m++)
                {
                    sum += yu[RealSphericalHarmonics.Index(l, m)] * yv[RealSphericalHarmonics.Index(l, m)];
                }
                double expected = (2 * l + 1) / (4 * Math.PI) * SphereQuadrature.Legendre(l, cosine);
                Assert.That(sum, Is.EqualTo(expected).Within(1e-13 * (2 * l + 1)), $"l={l}");
            }
        }
    }

    [TestCase(3)]
    [TestCase(10)]
    [TestCase(20)]
    public void Gradients_match_central_finite_differences(int lMax)
    {
        int n = RealSphericalHarmonics.Count(lMax);
        var random = new Random(100 + lMax);
        var values = new double[n];
        var gx = new double[n];
        var gy = new double[n];
        var gz = new double[n];
        var worst = new WorstDeviation();
        for (int trial = 0; trial < 5; trial++)
        {
            var (x, y, z) = RandomGeometry.PointInShell(random, 0.5, 2.0);
            RealSphericalHarmonics.EvaluateWithGradients(lMax, x, y, z, values, gx, gy, gz);
            // Each finite difference evaluates every component at once: component k of the derivative of the whole block.
            var dx = BlockDerivative(lMax, h => (x + h, y, z));
            var dy = BlockDerivative(lMax, h => (x, y + h, z));
            var dz = BlockDerivative(lMax, h => (x, y, z + h));
            for (int k = 0; k < n; k++)
            {
                worst.Add(gx[k], dx[k], lMax * lMax, () => $"d/dx of component {k}");
                worst.Add(gy[k], dy[k], lMax * lMax, () => $"d/dy of component {k}");
                worst.Add(gz[k], dz[k], lMax * lMax, () => $"d/dz of component {k}");
            }
        }
        worst.AssertBelow(1e-8);
    }

    /// <summary>The fourth-order central difference of every component along a line r(h), step 1e-4.</summary>
    private static double[] BlockDerivative(int lMax, Func<double, (double X, double Y, double Z)> point)
    {
        const double h = 1e-4;
        double[] Block(double t)
        {
            var (x, y, z) = point(t);
            return Values(lMax, x, y, z);
        }
        double[] m2 = Block(-2 * h), m1 = Block(-h), p1 = Block(h), p2 = Block(2 * h);
        var derivative = new double[m2.Length];
        for (int k = 0; k < derivative.Length; k++)
        {
            derivative[k] = (m2[k] - 8 * m1[k] + 8 * p1[k] - p2[k]) / (12 * h);
        }
        return derivative;
    }

    [Test]
    public void Gradients_are_orthogonal_to_r_and_scale_as_one_over_r_while_values_do_not_change()
    {
        const int lMax = 12;
        int n = RealSphericalHarmonics.Count(lMax);
        var random = new Random(3);
        double[] v1 = new double[n], x1 = new double[n], y1 = new double[n], z1 = new double[n];
        double[] v2 = new double[n], x2 = new double[n], y2 = new double[n], z2 = new double[n];
        for (int trial = 0; trial < 10; trial++)
        {
            var (x, y, z) = RandomGeometry.PointInShell(random, 0.1, 4.0);
            double r = Math.Sqrt(x * x + y * y + z * z);
            RealSphericalHarmonics.EvaluateWithGradients(lMax, x, y, z, v1, x1, y1, z1);
            RealSphericalHarmonics.EvaluateWithGradients(lMax, 3 * x, 3 * y, 3 * z, v2, x2, y2, z2);
            for (int k = 0; k < n; k++)
            {
                double norm = Math.Sqrt(x1[k] * x1[k] + y1[k] * y1[k] + z1[k] * z1[k]);
                Assert.That((x1[k] * x + y1[k] * y + z1[k] * z) / r, Is.EqualTo(0).Within(1e-13 * (1 + norm)), $"r . grad Y_{k}");
                Assert.That(v2[k], Is.EqualTo(v1[k]).Within(1e-14 * (1 + Math.Abs(v1[k]))));
                Assert.That(3 * x2[k], Is.EqualTo(x1[k]).Within(1e-13 * (1 + norm)));
                Assert.That(3 * y2[k], Is.EqualTo(y1[k]).Within(1e-13 * (1 + norm)));
                Assert.That(3 * z2[k], Is.EqualTo(z1[k]).Within(1e-13 * (1 + norm)));
            }
        }
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(7)]
    [TestCase(20)]
    public void Values_from_the_gradient_kernel_equal_values_from_the_value_kernel(int lMax)
    {
        int n = RealSphericalHarmonics.Count(lMax);
        var random = new Random(lMax);
        double[] values = new double[n], gx = new double[n], gy = new double[n], gz = new double[n];
        for (int trial = 0; trial < 10; trial++)
        {
            var (x, y, z) = RandomGeometry.PointInShell(random, 0.1, 4.0);
            RealSphericalHarmonics.EvaluateWithGradients(lMax, x, y, z, values, gx, gy, gz);
            var expected = Values(lMax, x, y, z);
            for (int k = 0; k < n; k++)
            {
                Assert.That(values[k], Is.EqualTo(expected[k]).Within(1e-13));
            }
        }
    }

    [Test]
    public void Points_on_the_z_axis_and_in_the_xy_plane_are_finite_with_correct_gradients()
    {
        const int lMax = 8;
        int n = RealSphericalHarmonics.Count(lMax);
        double[] values = new double[n], gx = new double[n], gy = new double[n], gz = new double[n];
        foreach (var (x, y, z) in new[] { (0.0, 0.0, 1.3), (0.0, 0.0, -0.4), (1.0, 0.0, 0.0), (0.0, -2.0, 0.0), (0.6, 0.8, 0.0) })
        {
            RealSphericalHarmonics.EvaluateWithGradients(lMax, x, y, z, values, gx, gy, gz);
            for (int k = 0; k < n; k++)
            {
                Assert.That(double.IsFinite(values[k]) && double.IsFinite(gx[k]) && double.IsFinite(gy[k]) && double.IsFinite(gz[k]), Is.True);
                Assert.That(gx[k], Is.EqualTo(FiniteDifference.Derivative(t => Values(lMax, t, y, z)[k], x, 1e-4)).Within(1e-7));
                Assert.That(gy[k], Is.EqualTo(FiniteDifference.Derivative(t => Values(lMax, x, t, z)[k], y, 1e-4)).Within(1e-7));
                Assert.That(gz[k], Is.EqualTo(FiniteDifference.Derivative(t => Values(lMax, x, y, t)[k], z, 1e-4)).Within(1e-7));
            }
        }
    }
}
