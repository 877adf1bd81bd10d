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

    /// <summary>The total energy in eV (cheaper than <see cref="Evaluate"/> where forces are not needed).</summary>
    /// <exception cref="ArgumentException">The structure contains an element the potential lacks.</exception>
    double Energy(Structure structure);
}
