using System.Numerics;
using Ace.Core.Primitives.Angular;
using Ace.Core.Primitives.Coupling;
using Ace.Core.TestUtilities;

namespace Ace.Core.Primitives.Tests.Angular;

/// <summary>The complex Condon-Shortley harmonics: closed forms, the map to Ace.Core's real harmonics, gradients.</summary>
public class ComplexSphericalHarmonicsTests
{
    [Test]
    public void Low_degrees_equal_their_closed_forms()
    {
        var r = new Vec3(0.3, -1.1, 0.7);
        double n = r.Norm, x = r.X / n, y = r.Y / n, z = r.Z / n;
        var values = new Complex[9];
        ComplexSphericalHarmonics.Evaluate(2, r, values, [], [], []);
        double c = 1 / Math.Sqrt(4 * Math.PI);
        var xy = new Complex(x, y);
        var expected = new Dictionary<(int L, int M), Complex>
        {
            [(0, 0)] = c,
            [(1, 0)] = c * Math.Sqrt(3) * z,
            [(1, 1)] = -c * Math.Sqrt(1.5) * xy,
            [(1, -1)] = c * Math.Sqrt(1.5) * Complex.Conjugate(xy),
            [(2, 0)] = c * Math.Sqrt(5) / 2 * (3 * z * z - 1),
            [(2, 1)] = -c * Math.Sqrt(7.5) * z * xy,
            [(2, 2)] = c * Math.Sqrt(15.0 / 8) * xy * xy,
            [(2, -2)] = c * Math.Sqrt(15.0 / 8) * Complex.Conjugate(xy * xy),
        };
        foreach (var ((l, m), v) in expected)
        {
            Assert.That((values[l * l + l + m] - v).Magnitude, Is.LessThan(1e-15), $"Y_{l}^{m}");
        }
    }

    [Test]
    public void Real_harmonics_are_the_unitary_map_of_the_complex_ones([Values(0, 1, 3, 6, 10)] int lMax)
    {
        var random = new Random(lMax);
        for (int trial = 0; trial < 5; trial++)
        {
            var (x, y, z) = RandomGeometry.PointInShell(random, 0.5, 3);
            var complex = new Complex[(lMax + 1) * (lMax + 1)];
            var real = new double[complex.Length];
            ComplexSphericalHarmonics.Evaluate(lMax, new Vec3(x, y, z), complex, [], [], []);
            RealSphericalHarmonics.Evaluate(lMax, x, y, z, real);
            for (int l = 0; l <= lMax; l++)
            {
                for (int m = -l; m <= l; m++)
                {
                    var sum = Complex.Zero;
                    for (int mu = -l; mu <= l; mu++)
                    {
                        sum += RealHarmonicTransform.Element(l, m, mu) * complex[l * l + l + mu];
                    }
                    Assert.That(Math.Abs(sum.Real - real[l * l + l + m]) + Math.Abs(sum.Imaginary), Is.LessThan(1e-13), $"l {l} m {m}");
                }
            }
        }
    }

    [Test]
    public void Gradients_are_finite_difference_derivatives()
    {
        const int lMax = 6;
        int count = (lMax + 1) * (lMax + 1);
        var r = new Vec3(0.8, 0.4, -1.3);
        var v = new Complex[count];
        var gx = new Complex[count];
        var gy = new Complex[count];
        var gz = new Complex[count];
        ComplexSphericalHarmonics.Evaluate(lMax, r, v, gx, gy, gz);
        for (int axis = 0; axis < 3; axis++)
        {
            for (int k = 0; k < count; k++)
            {
                Complex At(double h)
                {
                    var shifted = axis == 0 ? r with { X = r.X + h } : axis == 1 ? r with { Y = r.Y + h } : r with { Z = r.Z + h };
                    var w = new Complex[count];
                    ComplexSphericalHarmonics.Evaluate(lMax, shifted, w, [], [], []);
                    return w[k];
                }
                var fd = (At(1e-6) - At(-1e-6)) / 2e-6;
                var g = axis == 0 ? gx[k] : axis == 1 ? gy[k] : gz[k];
                Assert.That((fd - g).Magnitude, Is.LessThan(1e-7), $"component {k}, axis {axis}");
            }
        }
    }

    [Test]
    public void Bad_input_is_rejected()
    {
        var values = new Complex[4];
        Assert.Throws<ArgumentException>(() => ComplexSphericalHarmonics.Evaluate(1, Vec3.Zero, values, [], [], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => ComplexSphericalHarmonics.Evaluate(-1, new Vec3(1, 0, 0), values, [], [], []));
        Assert.Throws<ArgumentException>(() => ComplexSphericalHarmonics.Evaluate(2, new Vec3(1, 0, 0), values, [], [], []));
    }
}
