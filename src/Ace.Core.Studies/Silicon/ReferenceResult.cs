using System.Collections.Immutable;
using Ace.Core.Atoms;
using Ace.Core.Primitives;

namespace Ace.Core.Studies;

/// <summary>The energy, forces and virial a reference potential assigns to a structure.</summary>
/// <param name="Energy">The total energy in eV.</param>
/// <param name="Forces">The force on every atom in eV/Angstrom.</param>
/// <param name="Virial">The virial in eV (ASE convention: minus the strain derivative of the energy).</param>
public sealed record ReferenceResult(double Energy, ImmutableArray<Vec3> Forces, SymmetricTensor3 Virial);

/// <summary>Labelling structures with a reference potential's predictions (shared by the reference potentials).</summary>
internal static class ReferenceLabel
{
    /// <summary>
    /// A copy of <paramref name="structure"/> (with <paramref name="configType"/> when given) labelled with the energy,
    /// forces and, for periodic structures, virial that <paramref name="evaluate"/> assigns to it.
    /// </summary>
    public static Structure Apply(Structure structure, string? configType, Func<Structure, ReferenceResult> evaluate)
    {
        ArgumentNullException.ThrowIfNull(structure);
        var typed = configType is null ? structure : new Structure(structure.Elements, structure.Positions, structure.Cell, structure.Pbc)
        {
            ConfigType = configType,
            Info = structure.Info,
            AtomProperties = structure.AtomProperties,
        };
        var result = evaluate(typed);
        return typed.WithReferenceData(result.Energy, result.Forces, structure.Pbc.Any ? result.Virial : null);
    }
}
