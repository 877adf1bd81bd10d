using Ace.Core.Basis;
using BenchmarkDotNet.Attributes;

namespace Ace.Core.Benchmarks.Purification;

/// <summary>
/// Time to build the purified silicon basis (correlation orders 1-4, total degree D = 24, 20, 16, 12; 930 functions), against
/// building the ordinary basis (the baseline). Target: under 10 s for the full purification.
/// </summary>
[MemoryDiagnoser]
public class PurificationBuildBenchmarks
{
    private AceBasisSpecification _specification = null!;

    [GlobalSetup]
    public void Setup() => _specification = PurificationBenchmarkBases.Silicon();

    [Benchmark(Baseline = true)]
    public AceBasis Ordinary() => AceBasis.Build(_specification);

    [Benchmark]
    public AceBasis PurifiedFull() => AceBasis.Build(_specification with { Purification = new PurificationOptions(PurificationKind.Full) });

    [Benchmark]
    public AceBasis PurifiedPure2b() => AceBasis.Build(_specification with { Purification = new PurificationOptions(PurificationKind.Pure2b) });
}

/// <summary>The bases the purification benchmarks use.</summary>
internal static class PurificationBenchmarkBases
{
    public const double R0 = 2.35;

    public const double Cutoff = 5.5;

    /// <summary>Silicon, correlation orders 1-4, D = 24, 20, 16, 12, transformed-Jacobi radial basis.</summary>
    public static AceBasisSpecification Silicon() =>
        new(["Si"], new TransformedJacobiRadialSpecification(R0, Cutoff), 4, new TotalDegreeSelection([24, 20, 16, 12]));
}
