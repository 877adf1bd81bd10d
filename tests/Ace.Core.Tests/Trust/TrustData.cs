using Ace.Core.Atoms;
using Ace.Core.Primitives;

namespace Ace.Core.Tests.Trust;

/// <summary>Structures for the trust tests: rattled bulk silicon near a = 5.43 A and the far-out probes.</summary>
internal static class TrustData
{
    public const double Lattice = 5.43;

    /// <summary>A one-element basis of body order 4 with a pair basis: 82 functions.</summary>
    public static Ace.Core.Basis.AceBasis Silicon { get; } = LinearAce.Basis("Si").Cutoff(5.0).Radial(r0: 2.3)
        .PairBasis(6, new Ace.Core.Basis.TransformedJacobiRadialSpecification(2.3, 5.0)).MaxBodyOrder(4).TotalDegree(12, 10, 8).Build();

    /// <summary>Rattled diamond cells (8 atoms) with lattice constants in [5.33, 5.53].</summary>
    public static List<Structure> RattledBulk(int count, int seed, string[]? elements = null)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => Rattled(random, Lattice + 0.2 * (random.NextDouble() - 0.5), 0.15, elements ?? ["Si"])).ToList();
    }

    public static Structure Rattled(Random random, double a, double amplitude, string[] elements)
    {
        var diamond = Crystals.Diamond(Element.FromSymbol("Si"), a);
        var positions = diamond.Positions.Select(p => p + amplitude * new Vec3(random.NextDouble() - 0.5, random.NextDouble() - 0.5, random.NextDouble() - 0.5));
        var species = Enumerable.Range(0, diamond.AtomCount).Select(i => Element.FromSymbol(elements[i % elements.Length]));
        return Structure.Periodic(species, positions, diamond.Cell);
    }

    public static Structure Bulk(double a) => Crystals.Diamond(Element.FromSymbol("Si"), a);

    public static Structure Dimer(double distance) =>
        Structure.Isolated([Element.FromSymbol("Si"), Element.FromSymbol("Si")], [new Vec3(0, 0, 0), new Vec3(0, 0, distance)]);
}
