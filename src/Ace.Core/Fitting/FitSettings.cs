using Ace.Core.Atoms;

namespace Ace.Core.Fitting;

/// <summary>The assembly settings of a fit (immutable snapshot of a <see cref="FitBuilder"/>).</summary>
internal sealed record FitSettings(
    double[] ReferenceBySpecies,
    FitWeights DefaultWeights,
    IReadOnlyDictionary<string, FitWeights> ConfigTypeWeights,
    EnergyScaling Scaling,
    int MaxDegreeOfParallelism,
    IProgress<AssemblyProgress>? Progress)
{
    /// <summary>The weights of one structure: its own weights, else its config_type's, else the default.</summary>
    public (double Energy, double Forces, double Virial) WeightsOf(Structure structure)
    {
        var byType = structure.ConfigType is { } t && ConfigTypeWeights.TryGetValue(t, out var w) ? w : DefaultWeights;
        return (structure.EnergyWeight ?? byType.Energy, structure.ForceWeight ?? byType.Forces, structure.VirialWeight ?? byType.Virial);
    }

    /// <summary>The factor of the energy and virial rows of a structure with <paramref name="atoms"/> atoms.</summary>
    public double EnergyFactor(int atoms) => Scaling == EnergyScaling.PerAtom ? 1.0 / atoms : 1.0 / Math.Sqrt(atoms);
}
