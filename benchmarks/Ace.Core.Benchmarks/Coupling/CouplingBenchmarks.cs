using Ace.Core.Primitives.Coupling;
using BenchmarkDotNet.Attributes;

namespace Ace.Core.Benchmarks.Coupling;

/// <summary>
/// Uncached construction of every distinct coupling block of a one-species basis, correlation orders 1-4 with total
/// degree sum_t (n_t + 1.5 l_t) &lt;= 24, 20, 16, 12 (the basis layer's performance target), plus one order-5 block
/// of five identical l = 4 labels, through the public API. Baseline: the character-formula count of invariants
/// (<see cref="CouplingCoefficients.Multiplicity"/>); against it, building the coefficients themselves.
/// </summary>
[MemoryDiagnoser]
public class CouplingBenchmarks
{
    private readonly List<(int[] L, int[] LabelClass)> _inputs = new();

    [GlobalSetup]
    public void Setup()
    {
        int[] twiceDegree = [48, 40, 32, 24];
        var distinct = new HashSet<string>(StringComparer.Ordinal);
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
                    var l = chosen.Select(i => labels[i].L).ToArray();
                    var labelClass = chosen.Select(i => 1000 * labels[i].L + labels[i].N).ToArray();
                    if (distinct.Add(Key(l, labelClass)))
                    {
                        _inputs.Add((l, labelClass));
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
        _inputs.Add(([4, 4, 4, 4, 4], [0, 0, 0, 0, 0]));
    }

    [Benchmark(Baseline = true)]
    public int CountByCharacterFormula() => _inputs.Sum(input => CouplingCoefficients.Multiplicity(input.L, input.LabelClass));

    [Benchmark]
    public int BuildCoefficients() => _inputs.Sum(input => CouplingCoefficients.Compute(input.L, input.LabelClass).InvariantCount);

    // The coupling block depends on the l values and on which neighbouring positions share a label class (the
    // tuples come sorted), not on the class values themselves: one block per distinct key.
    private static string Key(int[] l, int[] labelClass) =>
        string.Join(",", l) + "|" + string.Concat(Enumerable.Range(1, l.Length - 1).Select(i => labelClass[i] == labelClass[i - 1] ? '=' : '<'));
}
