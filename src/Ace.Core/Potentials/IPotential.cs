using Ace.Core.Atoms;

namespace Ace.Core.Potentials;

/// <summary>
/// What every interatomic potential of the library offers, whatever its origin (fitted here, loaded from a
/// potential file, imported from another code): energies, forces and virials of structures. Implementations are
/// immutable and thread-safe.
/// </summary>
public interface IPotential
{
    /// <summary>The element symbols the potential knows, in its own order.</summary>
    IReadOnlyList<string> Elements { get; }

    /// <summary>The largest interaction cutoff in Angstrom: atoms farther apart do not interact.</summary>
    double Cutoff { get; }

    /// <summary>Energy, site energies, forces and virial of one structure.</summary>
    /// <exception cref="ArgumentException">The structure contains an element the potential lacks.</exception>
    PotentialEvaluation Evaluate(Structure structure);

    /// <summary>
    /// The interaction cutoff of every pair of <see cref="Elements"/> (Angstrom): the neighbour lists that
    /// <see cref="Evaluate(Structure, NeighbourList)"/> takes are built with these. By default every pair has
    /// <see cref="Cutoff"/>.
    /// </summary>
    PairCutoffs NeighbourCutoffs => new(
        from a in Elements
        from b in Elements
        select (Element.FromSymbol(a), Element.FromSymbol(b), Cutoff));

    /// <summary>
    /// <see cref="Evaluate(Structure)"/> with a neighbour list the caller keeps (e.g. a <see cref="SkinNeighbourList"/>
    /// reused over the steps of a trajectory). The list must hold exactly the pairs of <paramref name="structure"/>
    /// within <see cref="NeighbourCutoffs"/>. By default the list is ignored and the structure evaluated afresh;
    /// potentials that search neighbours themselves override this to skip the search.
    /// </summary>
    /// <exception cref="ArgumentException">The structure contains an element the potential lacks, or the list belongs to another structure.</exception>
    PotentialEvaluation Evaluate(Structure structure, NeighbourList neighbours) => Evaluate(structure);

    /// <summary>The total energy in eV (cheaper than <see cref="Evaluate(Structure)"/> where forces are not needed).</summary>
    /// <exception cref="ArgumentException">The structure contains an element the potential lacks.</exception>
    double Energy(Structure structure);
}
