using Ace.Core.Atoms;
using Ace.Core.Primitives;
using Ace.Core.TestUtilities;

namespace Ace.Core.Studies.Tests;

/// <summary>
/// Finite-difference checks of a reference potential (the Stillinger-Weber potentials): forces are minus the position
/// gradient of the energy, the virial minus the symmetric strain derivative, each component to a relative tolerance.
/// </summary>
internal static class ReferenceDerivativeChecks
{
    /// <summary>Asserts every force component equals -dE/dx to 1e-6 relative (floor 1).</summary>
    public static void AssertForces(Func<Structure, double> energy, Func<Structure, ReferenceResult> evaluate, Structure structure)
    {
        var forces = evaluate(structure).Forces;
        for (int i = 0; i < structure.AtomCount; i++)
        {
            for (int axis = 0; axis < 3; axis++)
            {
                double Energy(double h)
                {
                    var moved = structure.Positions.ToArray();
                    moved[i] += h * Unit(axis);
                    return energy(structure.WithPositions(moved));
                }
                double fd = -FiniteDifference.Derivative(Energy, 0, 1e-5);
                Assert.That(forces[i][axis], Is.EqualTo(fd).Within(1e-6 * Math.Max(1, Math.Abs(fd))), $"atom {i}, axis {axis}");
            }
        }
    }

    /// <summary>Asserts every virial component (a, b) equals minus the strain derivative to 1e-5 relative (floor 1).</summary>
    public static void AssertVirial(Func<Structure, double> energy, Func<Structure, ReferenceResult> evaluate, Structure cell)
    {
        var virial = evaluate(cell).Virial;
        for (int a = 0; a < 3; a++)
        {
            for (int b = 0; b < 3; b++)
            {
                double Energy(double h)
                {
                    Vec3 Strain(Vec3 v) => v + (0.5 * h * v[b]) * Unit(a) + (0.5 * h * v[a]) * Unit(b);
                    var strained = cell.WithGeometry(new Cell(Strain(cell.Cell.A), Strain(cell.Cell.B), Strain(cell.Cell.C)), cell.Positions.Select(Strain));
                    return energy(strained);
                }
                double fd = -FiniteDifference.Derivative(Energy, 0, 1e-5);
                Assert.That(virial[a, b], Is.EqualTo(fd).Within(1e-5 * Math.Max(1, Math.Abs(fd))), $"component {a}{b}");
            }
        }
    }

    /// <summary>The unit vector along <paramref name="axis"/>.</summary>
    public static Vec3 Unit(int axis) => axis switch { 0 => new Vec3(1, 0, 0), 1 => new Vec3(0, 1, 0), _ => new Vec3(0, 0, 1) };
}
