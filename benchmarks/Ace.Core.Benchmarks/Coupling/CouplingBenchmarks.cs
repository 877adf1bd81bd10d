using Ace.Core.Primitives.Coupling;
using BenchmarkDotNet.Attributes;

namespace Ace.Core.Benchmarks.Coupling;

/// <summary>
/// Uncached construction of every distinct coupling block of a one-species basis, correlation orders 1-4 with total
/// degree sum_t (n_t + 1.5 l_t) &lt;= 24, 20, 16, 12 (the basis layer's performance target), plus one order-5 block
/// of five identical l = 4 labels. Baseline: every coupling path offered to the orthonormaliser; against it, the
/// default that stops at the character-formula count.
/// </summary>
[MemoryDiagnoser]
public class CouplingBenchmarks
{
    private readonly List<CouplingInput> _inputs = new();

    [GlobalSetup]
    public void Setup()
    {
        int[] twiceDegree = [48, 40, 32, 24];
        var distinct = new HashSet<CouplingKey>();
        for (int order = 1; order <= 4; order++)
        {
            var labels = new List<(int N, int L)>();
            for (int n = 1; 2 * n <= twiceDegree[order - 1]; n++)
            {
                for (int l = 0; 2 * n + 3 * l <= twiceDegree[order - 1]; l++)
                {
                    labels.Add((n, l));
                }
            }
            labels.Sort((a, b) => a.L != b.L ? a.L.CompareTo(b.L) : a.N.CompareTo(b.N));
            var chosen = new int[order];
            Enumerate(0, 0, 0);

            void Enumerate(int position, int first, int used)
            {
                if (position == order)
                {
                    var input = CouplingInput.Create(
                        chosen.Select(i => labels[i].L).ToArray(),
                        chosen.Select(i => 1000 * labels[i].L + labels[i].N).ToArray());
                    if (distinct.Add(input.Key))
                    {
                        _inputs.Add(input);
                    }
                    return;
                }
                for (int i = first; i < labels.Count; i++)
                {
                    int cost = 2 * labels[i].N + 3 * labels[i].L;
                    if (used + cost + 2 * (order - position - 1) <= twiceDegree[order - 1])
                    {
                        chosen[position] = i;
                        Enumerate(position + 1, i, used + cost);
                    }
                }
            }
        }
        _inputs.Add(CouplingInput.Create([4, 4, 4, 4, 4], [0, 0, 0, 0, 0]));
    }

    [Benchmark(Baseline = true)]
    public int EveryPath() => _inputs.Sum(input => CouplingCoefficients.Build(input, stopAtMultiplicity: false).InvariantCount);

    [Benchmark]
    public int StopAtMultiplicity() => _inputs.Sum(input => CouplingCoefficients.Build(input).InvariantCount);
}
