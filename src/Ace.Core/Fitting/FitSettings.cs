using Ace.Core.Atoms;
using Ace.Core.Sites;

namespace Ace.Core.Fitting;

/// <summary>The assembly settings of a fit (immutable snapshot of a <see cref="FitBuilder"/>).</summary>
internal sealed record FitSettings(
    double[] ReferenceBySpecies,
    FitWeights DefaultWeights,
    IReadOnlyDictionary<string, FitWeights> ConfigTypeWeights,
    WeightOverrideKeys OverrideKeys,
    EnergyScaling Scaling,
    int MaxDegreeOfParallelism,
    IProgress<AssemblyProgress>? Progress)
{
    /// <summary>Structures with atoms closer than this (Angstrom) are rejected before assembly (<see cref="FitBuilder.MinimumSeparation"/>).</summary>
    public double MinimumSeparation { get; init; } = Structure.DefaultMinimumSeparation;

    /// <summary>Rows per rank-k update of streamed normal equations (<see cref="FitBuilder.AssemblyBatchRows"/>); null: <see cref="RowBatcher.DefaultBatchRows"/>.</summary>
    public int? BatchRows { get; init; }

    /// <summary>Factors of every energy and force weight (<see cref="PacemakerLoss"/>; 1 and 1 otherwise).</summary>
    public (double Energy, double Forces) WeightScale { get; init; } = (1, 1);

    /// <summary>
    /// The weights of structure <paramref name="index"/>: each from its own info (<see cref="OverrideKeys"/>), else its
    /// config_type's, else the default.
    /// </summary>
    /// <exception cref="TrainingDataException">An info weight is not a finite non-negative number.</exception>
    public (double Energy, double Forces, double Virial) WeightsOf(Structure structure, int index)
    {
        var byType = structure.ConfigType is { } t && ConfigTypeWeights.TryGetValue(t, out var w) ? w : DefaultWeights;
        return ((WeightOverrideKeys.Read(structure, index, OverrideKeys.Energy) ?? byType.Energy) * WeightScale.Energy,
            (WeightOverrideKeys.Read(structure, index, OverrideKeys.Forces) ?? byType.Forces) * WeightScale.Forces,
            WeightOverrideKeys.Read(structure, index, OverrideKeys.Virial) ?? byType.Virial);
    }

    /// <summary>The sum of the reference energies E0 of the atoms of <paramref name="structure"/> (elements of <paramref name="geometry"/>).</summary>
    public double ReferenceEnergyOf(Structure structure, BasisGeometry geometry)
    {
        double reference = 0;
        foreach (var element in structure.Elements)
        {
            reference += ReferenceBySpecies[geometry.SpeciesOf(element)];
        }
        return reference;
    }

    /// <summary>The factor of the energy and virial rows of a structure with <paramref name="atoms"/> atoms.</summary>
    public double EnergyFactor(int atoms) => Scaling == EnergyScaling.PerAtom ? 1.0 / atoms : 1.0 / Math.Sqrt(atoms);
}
