using System.Numerics;
using Ace.Core.Primitives.Angular;
using Ace.Core.Primitives.Coupling;
using Ace.Core.TestUtilities;

namespace Ace.Core.Primitives.Tests.Coupling;

public class RealHarmonicTransformTests
{
    [TestCase(0)]
    [TestCase(1)]
    [TestCase(4)]
    [TestCase(9)]
    public void IsUnitary(int l)
    {
        var u = RealHarmonicTransform.Matrix(l);
        int n = 2 * l + 1;
        for (int a = 0; a < n; a++)
        {
            for (int b = 0; b < n; b++)
            {
                Complex rows = Complex.Zero, columns = Complex.Zero;
                for (int k = 0; k < n; k++)
                {
                    rows += u[a, k] * Complex.Conjugate(u[b, k]);
                    columns += Complex.Conjugate(u[k, a]) * u[k, b];
                }
                double expected = a == b ? 1.0 : 0.0;
                Assert.That((rows - expected).Magnitude, Is.LessThan(1e-15), $"U U^H at ({a},{b})");
                Assert.That((columns - expected).Magnitude, Is.LessThan(1e-15), $"U^H U at ({a},{b})");
            }
        }
    }

    [Test]
    public void ReproducesTheRealHarmonicsFromComplexOnes()
    {
        const int lMax = 8;
        var random = new Random(3);
        for (int trial = 0; trial < 20; trial++)
        {
            var (x, y, z) = RandomGeometry.PointInShell(random, 1.0, 1.0);
            var complexY = ReferenceHarmonics.Complex(lMax, x, y, z);
            var realY = ReferenceHarmonics.Real(lMax, x, y, z);
            for (int l = 0; l <= lMax; l++)
            {
                for (int m = -l; m <= l; m++)
                {
                    Complex sum = TransformRow(l, m, complexY);
                    Assert.That(sum.Real, Is.EqualTo(realY[ReferenceHarmonics.Index(l, m)]).Within(1e-14), $"l={l} m={m}");
                    Assert.That(sum.Imaginary, Is.EqualTo(0.0).Within(1e-14), $"l={l} m={m} imaginary part");
                    // The inverse map: Y_l^mu = sum_m conj(U[m, mu]) Y_real(l, m).
                    Complex back = Complex.Zero;
                    for (int mp = -l; mp <= l; mp++)
                    {
                        back += Complex.Conjugate(RealHarmonicTransform.Element(l, mp, m)) * realY[ReferenceHarmonics.Index(l, mp)];
                    }
                    Assert.That((back - complexY[ReferenceHarmonics.Index(l, m)]).Magnitude, Is.LessThan(1e-14));
                }
            }
        }
    }

    [Test]
    public void TransformOfComplexHarmonicsEqualsTheLibraryRealHarmonics()
    {
        // U applied to the complex Condon-Shortley harmonics gives RealSphericalHarmonics, and the definition
        // (sqrt2 (-1)^m Re/Im) written out in ReferenceHarmonics gives the same values.
        const int lMax = 12;
        var random = new Random(17);
        var library = new double[RealSphericalHarmonics.Count(lMax)];
        for (int trial = 0; trial < 20; trial++)
        {
            var (x, y, z) = RandomGeometry.PointInShell(random, 0.5, 2.0);
            RealSphericalHarmonics.Evaluate(lMax, x, y, z, library);
            var complexY = ReferenceHarmonics.Complex(lMax, x, y, z);
            var definition = ReferenceHarmonics.Real(lMax, x, y, z);
            for (int l = 0; l <= lMax; l++)
            {
                for (int m = -l; m <= l; m++)
                {
                    Complex sum = TransformRow(l, m, complexY);
                    int k = RealSphericalHarmonics.Index(l, m);
                    Assert.That(sum.Real, Is.EqualTo(library[k]).Within(1e-13), $"U Y_complex vs library, l={l} m={m}");
                    Assert.That(definition[k], Is.EqualTo(library[k]).Within(1e-13), $"definition vs library, l={l} m={m}");
                }
            }
        }
    }

    [Test]
    public void ConventionMatchesExplicitLowDegreePolynomials()
    {
        // Y_1(-1,0,1) = sqrt(3/4pi) (y, z, x); Y_2,-2 = sqrt(15/4pi) x y; Y_2,2 = sqrt(15/16pi) (x^2 - y^2).
        var (x, y, z) = (0.48, -0.6, 0.64);
        var real = ReferenceHarmonics.Real(2, x, y, z);
        double c1 = Math.Sqrt(3 / (4 * Math.PI));
        Assert.That(real[0], Is.EqualTo(1 / Math.Sqrt(4 * Math.PI)).Within(1e-15));
        Assert.That(real[1], Is.EqualTo(c1 * y).Within(1e-15));
        Assert.That(real[2], Is.EqualTo(c1 * z).Within(1e-15));
        Assert.That(real[3], Is.EqualTo(c1 * x).Within(1e-15));
        Assert.That(real[4], Is.EqualTo(Math.Sqrt(15 / (4 * Math.PI)) * x * y).Within(1e-15));
        Assert.That(real[5], Is.EqualTo(Math.Sqrt(15 / (4 * Math.PI)) * y * z).Within(1e-15));
        Assert.That(real[6], Is.EqualTo(Math.Sqrt(5 / (16 * Math.PI)) * (3 * z * z - 1)).Within(1e-15));
        Assert.That(real[7], Is.EqualTo(Math.Sqrt(15 / (4 * Math.PI)) * x * z).Within(1e-15));
        Assert.That(real[8], Is.EqualTo(Math.Sqrt(15 / (16 * Math.PI)) * (x * x - y * y)).Within(1e-15));
    }

    [Test]
    public void OutOfRangeArgumentsThrow()
    {
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => RealHarmonicTransform.Element(-1, 0, 0))!.ParamName, Is.EqualTo("l"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => RealHarmonicTransform.Element(2, 3, 0))!.ParamName, Is.EqualTo("m"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => RealHarmonicTransform.Element(2, 0, -3))!.ParamName, Is.EqualTo("mu"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => RealHarmonicTransform.Matrix(-2))!.Message, Does.Contain("-2"));
    }

    // sum_mu U[m, mu] Y_l^mu: row m of the transform applied to the complex harmonics of degree l.
    private static Complex TransformRow(int l, int m, Complex[] complexY)
    {
        Complex sum = Complex.Zero;
        for (int mu = -l; mu <= l; mu++)
        {
            sum += RealHarmonicTransform.Element(l, m, mu) * complexY[ReferenceHarmonics.Index(l, mu)];
        }

        return sum;
    }
}
