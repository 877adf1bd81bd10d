using Ace.Core.Primitives;

namespace Ace.Core.Atoms;

/// <summary>Builders for simple crystals and supercells (test systems, benchmarks, dimer and bulk scans).</summary>
public static class Crystals
{
    private static readonly Vec3[] DiamondBasis =
    [
        new(0, 0, 0), new(0, 0.5, 0.5), new(0.5, 0, 0.5), new(0.5, 0.5, 0),
        new(0.25, 0.25, 0.25), new(0.25, 0.75, 0.75), new(0.75, 0.25, 0.75), new(0.75, 0.75, 0.25),
    ];

    /// <summary>
    /// The diamond structure (8 atoms in the conventional cubic cell of edge <paramref name="latticeConstant"/>),
    /// repeated <paramref name="repeats"/> times along each axis, periodic.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The lattice constant is not positive or repeats &lt; 1.</exception>
    public static Structure Diamond(Element element, double latticeConstant, int repeats = 1)
    {
        if (!double.IsFinite(latticeConstant) || latticeConstant <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(latticeConstant), latticeConstant, "the lattice constant must be positive");
        }
        var cell = Cell.Cubic(latticeConstant);
        var unit = Structure.Periodic(DiamondBasis.Select(_ => element), DiamondBasis.Select(cell.ToCartesian), cell);
        return Supercell(unit, repeats, repeats, repeats);
    }

    /// <summary>
    /// The structure repeated na x nb x nc times along its lattice vectors (atoms ordered by image, then by
    /// original index). Reference data, labels and info are not carried over; the result is periodic like the input.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A repeat count is below 1.</exception>
    /// <exception cref="ArgumentException">The structure has no cell.</exception>
    public static Structure Supercell(Structure structure, int na, int nb, int nc)
    {
        ArgumentNullException.ThrowIfNull(structure);
        ArgumentOutOfRangeException.ThrowIfLessThan(na, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(nb, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(nc, 1);
        if (structure.Cell.IsSingular)
        {
            throw new ArgumentException("a supercell needs a non-singular cell", nameof(structure));
        }
        var cell = structure.Cell;
        int count = structure.AtomCount * na * nb * nc;
        var elements = new Element[count];
        var positions = new Vec3[count];
        int k = 0;
        for (int a = 0; a < na; a++)
        {
            for (int b = 0; b < nb; b++)
            {
                for (int c = 0; c < nc; c++)
                {
                    var t = cell.Translation(new ImageShift(a, b, c));
                    for (int i = 0; i < structure.AtomCount; i++)
                    {
                        elements[k] = structure.Elements[i];
                        positions[k++] = structure.Positions[i] + t;
                    }
                }
            }
        }
        var big = new Cell(na * cell.A, nb * cell.B, nc * cell.C);
        return new Structure(elements, positions, big, structure.Pbc);
    }
}
