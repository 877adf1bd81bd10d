using Ace.Core.Atoms;
using Ace.Core.Potentials;
using Ace.Core.Primitives;
using Ace.Core.TestUtilities;

namespace Ace.Core.Tests;

/// <summary>
/// Finite-difference checks of a potential's forces (minus the position gradient of the energy) and virial (minus the
/// symmetric strain derivative), shared by every potential's derivative tests.
/// </summary>
internal static class EnergyDerivativeChecks
{
    /// <summary>Asserts forces = -dE/dr for every atom and axis, relative to the largest force (which must be non-trivial).</summary>
    public static void AssertForcesAreMinusTheEnergyGradient(IPotential potential, Structure structure, double step, double tolerance = 1e-6)
    {
        var forces = potential.Evaluate(structure).Forces;
        double scale = forces.Max(f => f.Norm), worst = 0;
        for (int i = 0; i < structure.AtomCount; i++)
        {
            for (int axis = 0; axis < 3; axis++)
            {
                double fd = -FiniteDifference.Derivative(h => potential.Energy(Displace(structure, i, axis, h)), 0, step);
                worst = Math.Max(worst, Math.Abs(fd - forces[i][axis]) / scale);
            }
        }
        Assert.That(scale, Is.GreaterThan(1e-3), "the test potential must give non-trivial forces");
        Assert.That(worst, Is.LessThan(tolerance));
    }

    /// <summary>Asserts every virial component equals minus the energy's derivative under the matching symmetric strain.</summary>
    public static void AssertVirialIsMinusTheStrainDerivative(IPotential potential, Structure structure, double tolerance = 1e-6)
    {
        var virial = potential.Evaluate(structure).Virial;
        double scale = Math.Max(1e-3, Enumerable.Range(0, 9).Max(k => Math.Abs(virial[k / 3, k % 3])));
        foreach (var (a, b) in new[] { (0, 0), (1, 1), (2, 2), (1, 2), (0, 2), (0, 1) })
        {
            double derivative = FiniteDifference.Derivative(t => potential.Energy(Strain(structure, a, b, t)), 0, 1e-5);
            double expected = a == b ? -derivative : -0.5 * derivative;
            Assert.That(Math.Abs(virial[a, b] - expected) / scale, Is.LessThan(tolerance), $"virial component ({a},{b})");
        }
    }

    /// <summary>The structure with atom <paramref name="atom"/> moved by <paramref name="h"/> along <paramref name="axis"/>.</summary>
    public static Structure Displace(Structure s, int atom, int axis, double h)
    {
        var shift = axis switch { 0 => new Vec3(h, 0, 0), 1 => new Vec3(0, h, 0), _ => new Vec3(0, 0, h) };
        return s.WithPositions(s.Positions.Select((p, i) => i == atom ? p + shift : p));
    }

    /// <summary>The structure (positions and cell) under the symmetric strain t (e_ab + e_ba) / 2 (t e_aa on the diagonal).</summary>
    public static Structure Strain(Structure s, int a, int b, double t)
    {
        Vec3 Apply(Vec3 r)
        {
            Span<double> v = [r.X, r.Y, r.Z];
            Span<double> w = [r.X, r.Y, r.Z];
            w[a] += t * v[b];
            if (a != b)
            {
                w[b] += t * v[a];
            }
            return new Vec3(w[0], w[1], w[2]);
        }
        var cell = s.Cell.IsZero ? s.Cell : new Cell(Apply(s.Cell.A), Apply(s.Cell.B), Apply(s.Cell.C));
        return s.WithGeometry(cell, s.Positions.Select(Apply));
    }
}
