using Ace.Core.Atoms;
using BenchmarkDotNet.Attributes;

namespace Ace.Core.Benchmarks.Atoms;

/// <summary>
/// Cell-list neighbour list of bulk diamond silicon (a = 5.431 A) at r_cut = 6 A: 97,336 atoms (about 10^5)
/// against a 1,000-atom baseline, so the ratio shows the scaling (linear would be about 97).
/// </summary>
[MemoryDiagnoser]
public class NeighbourListBenchmarks
{
    private const double Cutoff = 6.0;
    private Structure _small = null!;
    private Structure _large = null!;

    /// <summary>Builds the two supercells once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var si = Element.FromSymbol("Si");
        _small = Crystals.Diamond(si, 5.431, 5);
        _large = Crystals.Diamond(si, 5.431, 23);
    }

    /// <summary>1,000 atoms.</summary>
    [Benchmark(Baseline = true)]
    public int Silicon1000() => NeighbourList.Build(_small, Cutoff).PairCount;

    /// <summary>97,336 atoms.</summary>
    [Benchmark]
    public int Silicon97336() => NeighbourList.Build(_large, Cutoff).PairCount;
}
