using Ace.Core.Primitives;

namespace Ace.Core.Atoms.Tests;

public class SymmetricTensor3Tests
{
    /// <summary>
    /// For E = sum_k (c . d_k)^2 + |d_k|^3 (not rotation invariant, so d_k (x) g_k is not symmetric), the virial of
    /// the gradients g_k = dE/dd_k is minus the derivative of E under the symmetric strain d -> (1 + e) d.
    /// </summary>
    [Test]
    public void Virial_of_energy_gradients_is_minus_the_strain_derivative()
    {
        var random = new Random(3);
        var c = new Vec3(0.3, -0.7, 0.5);
        var d = Enumerable.Range(0, 7).Select(_ => new Vec3(random.NextDouble() * 4 - 2, random.NextDouble() * 4 - 2, random.NextDouble() * 4 - 2)).ToArray();
        double Energy(IEnumerable<Vec3> displacements) => displacements.Sum(x => Vec3.Dot(c, x) * Vec3.Dot(c, x) + Math.Pow(x.Norm, 3));
        var g = d.Select(x => 2 * Vec3.Dot(c, x) * c + 3 * x.Norm * x).ToArray();

        var virial = SymmetricTensor3.Virial(d, g);

        const double h = 1e-5;
        // Voigt order xx yy zz yz xz xy: the strain with e_ab = e_ba = step (diagonal: e_aa = step).
        (int A, int B)[] voigt = [(0, 0), (1, 1), (2, 2), (1, 2), (0, 2), (0, 1)];
        foreach (var (a, b) in voigt)
        {
            Vec3 Strain(Vec3 x, double step)
            {
                Span<double> v = [x.X, x.Y, x.Z];
                Span<double> moved = [x.X, x.Y, x.Z];
                double shear = a == b ? step : step / 2;
                moved[a] += shear * v[b];
                if (a != b)
                {
                    moved[b] += shear * v[a];
                }
                return new Vec3(moved[0], moved[1], moved[2]);
            }
            double derivative = (Energy(d.Select(x => Strain(x, h))) - Energy(d.Select(x => Strain(x, -h)))) / (2 * h);
            Assert.That(virial[a, b], Is.EqualTo(-derivative).Within(1e-7 * Math.Max(1, Math.Abs(derivative))), $"component ({a}, {b})");
        }
        var twice = virial + virial;
        Assert.That(twice, Is.EqualTo(2 * virial));
        Assert.Throws<ArgumentException>(() => SymmetricTensor3.Virial(d, g.AsSpan(1)));
    }
}
