namespace Ace.Core.Basis.Enumeration;

/// <summary>
/// The label tuples that ACE1.jl (0.12, under ACE1x 0.1.11 and ACEpotentials.jl 0.6.7) selects for a total-degree rule,
/// reproduced for <see cref="TotalDegreeArithmetic.Ace1xFloatingPoint"/>. ACE1 scales the rule to
/// sum_t (n_t / D_nu + w_L l_t / D_nu) &lt;= 1 in double precision, sorts the one-particle functions (z, n, l, m) by their
/// floating-point order-1 degree n / D_1 + w_L l / D_1 (stable), and walks the sorted, non-decreasing index tuples of the
/// maximum correlation order (leading zeros stand for lower orders), raising the last index until a tuple fails the rule and
/// then carrying to the index before it. Where two one-particle functions have equal exact degree their floating-point keys
/// may order them against the exact order of a higher correlation order's weights, and the walk then stops before a
/// boundary tuple it would admit: for D = (24, 20) the order-2 tuple ((n 2, l 0), (n 18, l 0)) is never reached, which is
/// why ACE1x builds 273 order-2 functions where the exact rule gives 274 (ace-math.md section 3).
/// </summary>
internal static class Ace1xTupleWalk
{
    /// <summary>
    /// The sorted (species, n, l) tuples of every correlation order 1 .. <paramref name="maxCorrelationOrder"/> that the walk
    /// reaches with a one-particle tuple ACE1 keeps (order 1: l = 0; higher: even sum of l and sum of m = 0).
    /// </summary>
    public static HashSet<string> Reachable(TotalDegreeSelection selection, int speciesCount, int maxCorrelationOrder)
    {
        var degrees = selection.MaxDegrees.Take(maxCorrelationOrder).Select(d => d.ToDouble()).ToArray();
        double angular = selection.EffectiveAngularWeight.ToDouble();
        double WeightN(int order) => 1.0 / degrees[order - 1];
        double WeightL(int order) => angular / degrees[order - 1];
        double OneParticleDegree((int Z, int N, int L, int M) b) => WeightN(1) * b.N + WeightL(1) * b.L;

        // ACE1x sizes the radial basis as max D plus 4 per extra order (pure2b / pure, p_in = p_cut = 2); functions beyond the
        // rule sort after every admissible one and never enter a tuple, so this only bounds the list.
        int maxN = (int)Math.Ceiling(degrees.Max()) + 4 * (maxCorrelationOrder - 1);
        double oneParticleBound = WeightN(1) * maxN;
        var spec = new List<(int Z, int N, int L, int M)>();
        for (int z = 0; z < speciesCount; z++)
        {
            for (int n = 1; OneParticleDegree((z, n, 0, 0)) <= oneParticleBound; n++)
            {
                for (int l = 0; OneParticleDegree((z, n, l, 0)) <= oneParticleBound; l++)
                {
                    for (int m = -l; m <= l; m++)
                    {
                        spec.Add((z, n, l, m));
                    }
                }
            }
        }
        var sorted = spec.Select((b, i) => (b, i, key: OneParticleDegree(b)))
            .OrderBy(e => e.key).ThenBy(e => e.i).Select(e => e.b).ToArray();

        int order = maxCorrelationOrder;
        var nu = new int[order];
        var reached = new HashSet<string>(StringComparer.Ordinal);
        int last = 0;
        while (true)
        {
            bool admissible = nu.Max() <= sorted.Length && TupleDegree(nu, sorted, WeightN, WeightL) <= 1.0;
            if (admissible)
            {
                Record(nu, sorted, reached);
                last = order;
                nu[last - 1]++;
            }
            else
            {
                if (last == 1)
                {
                    break;
                }
                nu[last - 2]++;
                for (int k = last - 1; k < order; k++)
                {
                    nu[k] = nu[last - 2];
                }
                last--;
            }
        }
        return reached;
    }

    /// <summary>The key of a sorted (species, n, l) tuple, as <see cref="Reachable"/> stores it.</summary>
    public static string Key(IEnumerable<LabelIndex> sortedTuple) => string.Join(";", sortedTuple.Select(t => $"{t.Species},{t.N},{t.L}"));

    private static double TupleDegree(int[] nu, (int Z, int N, int L, int M)[] sorted, Func<int, double> weightN, Func<int, double> weightL)
    {
        int order = nu.Count(k => k != 0);
        if (order == 0)
        {
            return 0.0;
        }
        double sum = 0.0;
        bool first = true;
        foreach (int k in nu)
        {
            if (k == 0)
            {
                continue;
            }
            var b = sorted[k - 1];
            double term = weightN(order) * b.N + weightL(order) * b.L;
            sum = first ? term : sum + term;
            first = false;
        }
        return sum;
    }

    private static void Record(int[] nu, (int Z, int N, int L, int M)[] sorted, HashSet<string> reached)
    {
        var entries = nu.Where(k => k != 0).Select(k => sorted[k - 1]).ToArray();
        if (entries.Length == 0)
        {
            return;
        }
        bool kept = entries.Length == 1 ? entries[0].L == 0 : entries.Sum(e => e.L) % 2 == 0 && entries.Sum(e => e.M) == 0;
        if (kept)
        {
            reached.Add(Key(entries.Select(e => new LabelIndex(e.Z, e.N, e.L)).Order()));
        }
    }
}
