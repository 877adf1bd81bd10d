using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Potentials;
using Ace.Core.Primitives;
using Ace.Core.Trust;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Ace.Core.Benchmarks.Trust;

/// <summary>
/// The silicon bulk of the trust benchmarks (no data files needed): rattled 2 x 2 x 2 diamond supercells (64 atoms,
/// a = 5.33 .. 5.53 A, rattle 0.3 A) and a body-order-4 basis with a pair basis (r_cut 5 A, D = 16, 12, 8; pair degree 8).
/// </summary>
internal static class TrustBenchmarkData
{
    public static AceBasis Basis { get; } = LinearAce.Basis("Si").Cutoff(5.0).Radial(r0: 2.3)
        .PairBasis(8, new TransformedJacobiRadialSpecification(2.3, 5.0)).MaxBodyOrder(4).TotalDegree(16, 12, 8).Build();

    public static List<Structure> Bulk(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            var cell = Crystals.Supercell(Crystals.Diamond(Element.FromSymbol("Si"), 5.43 + 0.2 * (random.NextDouble() - 0.5)), 2, 2, 2);
            return cell.WithPositions(cell.Positions.Select(p => p + 0.3 * new Vec3(random.NextDouble() - 0.5, random.NextDouble() - 0.5, random.NextDouble() - 0.5)));
        }).ToList();
    }
}

/// <summary>Active-set construction (Gram pass + MaxVol passes) over 64 structures of 64 atoms (4,096 environments); a few single runs.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ActiveSetConstructionBenchmarks
{
    private List<Structure> _training = [];

    /// <summary>Generates the training structures.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _training = TrustBenchmarkData.Bulk(64, seed: 1);
        var set = LinearAce.ActiveSet(TrustBenchmarkData.Basis).Build(_training)["Si"];
        Console.WriteLine($"ActiveSetConstructionBenchmarks: {set.EnvironmentCount} environments, {set.FeatureCount} features, rank {set.Rank}");
    }

    /// <summary>Builds the active set.</summary>
    [Benchmark]
    public int Build() => LinearAce.ActiveSet(TrustBenchmarkData.Basis).Build(_training)["Si"].Rank;
}

/// <summary>
/// Per-structure cost on one 64-atom bulk structure: the energy (baseline), energy and forces, the extrapolation grade
/// of every atom, and the committee spread (8 members). Divide by 64 for the cost per atom.
/// </summary>
public class GradeEvaluationBenchmarks
{
    private LinearAcePotential? _potential;
    private Structure? _probe;

    /// <summary>Fits nothing: random coefficients, an active set of 32 structures and an 8-member committee of random deviations.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var basis = TrustBenchmarkData.Basis;
        var random = new Random(3);
        var coefficients = Enumerable.Range(0, basis.FunctionCount).Select(k => (random.NextDouble() - 0.5) / (1 + 0.05 * k)).ToArray();
        var deviations = Enumerable.Range(0, 8).Select(_ => coefficients.Select(c => 0.01 * c * (random.NextDouble() - 0.5)).ToArray()).ToArray();
        _potential = new LinearAcePotential(basis, coefficients)
            .WithActiveSet(LinearAce.ActiveSet(basis).Build(TrustBenchmarkData.Bulk(32, seed: 1)))
            .WithCommittee(PotentialCommittee.FromDeviations(deviations, seed: 0));
        _probe = TrustBenchmarkData.Bulk(1, seed: 7)[0];
    }

    /// <summary>The energy alone.</summary>
    [Benchmark(Baseline = true)]
    public double Energy() => _potential!.Energy(_probe!);

    /// <summary>Energy, forces and virial.</summary>
    [Benchmark]
    public double EnergyAndForces() => _potential!.Evaluate(_probe!).Energy;

    /// <summary>The grade of every atom (site features, then b M per atom).</summary>
    [Benchmark]
    public double MaxGrade() => _potential!.MaxGrade(_probe!);

    /// <summary>The committee's standard deviations (8 extra force evaluations).</summary>
    [Benchmark]
    public double Uncertainty() => _potential!.Uncertainty(_probe!).EnergyStandardDeviation;
}
