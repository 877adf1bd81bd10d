using System.Security.Cryptography;
using System.Text;
using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Fitting;
using Ace.Core.Potentials;
using Ace.Core.Serialization;

namespace Ace.Core.Cluster;

/// <summary>
/// Everything a worker needs to assemble rows exactly as the coordinator's fit would: the basis and reference
/// energies (as potential JSON with zero coefficients), the weights, weight keys, energy scaling and minimum
/// separation, and how the extended XYZ files are read. <see cref="Builder()"/> makes the <see cref="FitBuilder"/> that
/// both the coordinator (adding its solver) and every worker use, so the two cannot drift apart.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record AssemblySpec
{
    /// <summary>The basis and reference energies, as the JSON of a potential with zero coefficients.</summary>
    [Id(0)]
    public required string BasisJson { get; init; }

    /// <summary>The default weights: energy, forces, virial.</summary>
    [Id(1)]
    public required double[] DefaultWeights { get; init; }

    /// <summary>Weights by config_type: energy, forces, virial.</summary>
    [Id(2)]
    public Dictionary<string, double[]> ConfigTypeWeights { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The info keys of a structure's own energy, force and virial weights.</summary>
    [Id(3)]
    public string[] WeightKeys { get; init; } = ["energy_weight", "force_weight", "virial_weight"];

    /// <summary>True for the per-sqrt(atoms) energy scaling (<see cref="EnergyScaling.PerSqrtAtom"/>), false for per atom.</summary>
    [Id(4)]
    public bool ScaleEnergyPerSqrtAtoms { get; init; }

    /// <summary>The minimum interatomic separation in Angstrom (<see cref="FitBuilder.MinimumSeparation"/>).</summary>
    [Id(5)]
    public double MinimumSeparation { get; init; } = Structure.DefaultMinimumSeparation;

    /// <summary>The extended XYZ header key of the energy.</summary>
    [Id(6)]
    public string EnergyKey { get; init; } = "energy";

    /// <summary>The extended XYZ column of the forces (null: the reader's default).</summary>
    [Id(7)]
    public string? ForcesKey { get; init; }

    /// <summary>The spec of a fit of <paramref name="basis"/> with the given reference energies and default weights.</summary>
    public static AssemblySpec Create(AceBasis basis, IReadOnlyDictionary<string, double>? referenceEnergies, FitWeights weights)
    {
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentNullException.ThrowIfNull(weights);
        var potential = new LinearAcePotential(basis, new double[basis.FunctionCount], referenceEnergies);
        return new AssemblySpec
        {
            BasisJson = PotentialSerializer.ToJson(potential),
            DefaultWeights = [weights.Energy, weights.Forces, weights.Virial],
        };
    }

    /// <summary>This spec with the weights of the structures whose config_type is <paramref name="configType"/>.</summary>
    public AssemblySpec WithConfigTypeWeights(string configType, FitWeights weights)
    {
        ArgumentNullException.ThrowIfNull(configType);
        ArgumentNullException.ThrowIfNull(weights);
        var copy = new Dictionary<string, double[]>(ConfigTypeWeights, StringComparer.Ordinal) { [configType] = [weights.Energy, weights.Forces, weights.Virial] };
        return this with { ConfigTypeWeights = copy };
    }

    /// <summary>How the training files are read.</summary>
    public ExtendedXyzOptions ReadOptions => new() { EnergyKey = EnergyKey, ForcesKey = ForcesKey };

    /// <summary>The basis and reference energies (a potential with zero coefficients).</summary>
    public LinearAcePotential Template() => PotentialSerializer.FromJson(BasisJson);

    /// <summary>The fit builder of this spec (no solver set: the coordinator adds its own).</summary>
    public FitBuilder Builder() => Builder(Template());

    /// <summary>The fit builder of this spec over an already loaded <see cref="Template"/>.</summary>
    public FitBuilder Builder(LinearAcePotential template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var fit = LinearAce.Fit(template.Basis)
            .ReferenceEnergies([.. template.ReferenceEnergies.Select(p => (p.Key, p.Value))])
            .Weights(DefaultWeights[0], DefaultWeights[1], DefaultWeights[2])
            .WeightKeys(WeightKeys[0], WeightKeys[1], WeightKeys[2])
            .ScaleEnergy(ScaleEnergyPerSqrtAtoms ? EnergyScaling.PerSqrtAtom : EnergyScaling.PerAtom)
            .MinimumSeparation(MinimumSeparation);
        foreach (var (type, w) in ConfigTypeWeights.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            fit = fit.Weights(type, w[0], w[1], w[2]);
        }
        return fit;
    }

    /// <summary>A SHA-256 of the spec (lower-case hex), which names a job's checkpoint together with the data and the shard plan.</summary>
    public string Fingerprint()
    {
        var text = new StringBuilder(BasisJson);
        text.Append('\n').AppendJoin(',', DefaultWeights.Select(w => BitConverter.DoubleToInt64Bits(w)));
        foreach (var (type, w) in ConfigTypeWeights.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append('\n').Append(type).Append('=').AppendJoin(',', w.Select(x => BitConverter.DoubleToInt64Bits(x)));
        }
        text.Append('\n').AppendJoin(',', WeightKeys).Append('\n').Append(ScaleEnergyPerSqrtAtoms)
            .Append('\n').Append(BitConverter.DoubleToInt64Bits(MinimumSeparation)).Append('\n').Append(EnergyKey).Append('\n').Append(ForcesKey);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
