using Ace.Core.Atoms;
using Ace.Core.Primitives;
using Ace.Core.TestUtilities;

namespace Ace.Core.Atoms.Tests;

/// <summary>Random and crystalline structures for the tests.</summary>
internal static class TestStructures
{
    /// <summary>A random, strongly skewed, randomly rotated cell with heights of order <paramref name="scale"/>.</summary>
    public static Cell SkewedCell(Random random, double scale)
    {
        double L() => scale * (0.6 + 0.8 * random.NextDouble());
        double S() => scale * (random.NextDouble() - 0.5) * 1.4;
        var a = new Vec3(L(), 0, 0);
        var b = new Vec3(S(), L(), 0);
        var c = new Vec3(S(), S(), L());
        var q = RandomGeometry.Rotation(random);
        Vec3 R(Vec3 v)
        {
            var (x, y, z) = RandomGeometry.Apply(q, v.X, v.Y, v.Z);
            return new Vec3(x, y, z);
        }
        return new Cell(R(a), R(b), R(c));
    }

    /// <summary>
    /// Random atoms in <paramref name="cell"/>, some deliberately outside it (fractional coordinates in [-1.5, 2.5))
    /// so that wrapping is exercised.
    /// </summary>
    public static Structure RandomInCell(Random random, Cell cell, Pbc pbc, int atoms, Element[] species)
    {
        var elements = new Element[atoms];
        var positions = new Vec3[atoms];
        for (int i = 0; i < atoms; i++)
        {
            elements[i] = species[random.Next(species.Length)];
            double Frac() => random.NextDouble() < 0.2 ? -1.5 + 4 * random.NextDouble() : random.NextDouble();
            positions[i] = cell.ToCartesian(new Vec3(Frac(), Frac(), Frac()));
        }
        return new Structure(elements, positions, cell, pbc);
    }

    /// <summary>Diamond-structure silicon: an n x n x n supercell of the 8-atom cubic cell with lattice constant a.</summary>
    public static Structure Diamond(int n, double a = 5.431) => Crystals.Diamond(Element.FromSymbol("Si"), a, n);
}
