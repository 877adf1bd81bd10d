namespace Ace.Core.Primitives.Coupling;

/// <summary>
/// Builds the candidate invariant vectors of one block: every left-to-right coupling path
/// ((l_1 l_2) L_2, l_3) L_3 ... , l_nu) 0 with complex Clebsch-Gordan coefficients, transformed to the real
/// harmonics and projected onto canonical m-tuples (non-decreasing m inside each run of identical labels).
/// </summary>
/// <remarks>
/// <para>Paths span all rotation invariants of the full tensor product; summing coefficients over each orbit of
/// within-run permutations (canonicalisation) maps them onto the invariants of the symmetrised product, so the
/// candidates span exactly the block's invariant space.</para>
/// <para>A path's complex function F = sum_mu c[mu] prod_t Y_(l_t)^(mu_t) satisfies conj(F) = (-1)^(sum l) F
/// (real Clebsch-Gordan coefficients and their sign under mu -&gt; -mu), so its real-harmonic coefficients are
/// real for an even sum of l and imaginary for an odd sum; the candidate is that real or imaginary part.</para>
/// <para>Work shared by all paths is done once per block: the complex m-tuples with sum 0 are enumerated as a
/// trie (prefix by prefix, pruned by reachability of sum 0), and the linear map from their coefficients to the
/// canonical real m-tuples (the product of conj(U) factors, at most 2^nu entries per tuple) is stored sparsely.
/// Each path then costs one pass over the trie and one sparse product.</para>
/// </remarks>
internal sealed class CoupledVectorBuilder
{
    private const int KeyBits = 8;
    private const int KeyOffset = 128;

    private readonly CouplingInput input;
    private readonly int order;
    private readonly int[] l;
    private readonly int oddSum;
    private readonly Dictionary<long, int> columnOfKey = new();
    private readonly List<long> columnKeys = new();

    // Trie of complex m-tuple prefixes: level k holds prefixes (mu_0..mu_k); children of node i at level k are
    // nodes childStart[k][i] .. childStart[k][i+1]-1 of level k+1. Nodes of the last level (order-2) are the leaves:
    // full tuples with mu_(order-1) = -(mu_0 + ... + mu_(order-2)).
    private readonly int[][] nodeMu;
    private readonly int[][] nodePartialSum;
    private readonly int[][] childStart;

    // Sparse map leaf -> canonical real columns (CSR).
    private readonly int[] leafEntryStart;
    private readonly int[] entryColumn;
    private readonly double[] entryValue;

    // Per-path scratch.
    private readonly int[] intermediate;
    private readonly double[][] cgTables;
    private readonly double[] leafCoefficient;
    private readonly List<int> touchedLeaves = new();

    public CoupledVectorBuilder(CouplingInput input)
    {
        this.input = input;
        order = input.Order;
        l = input.L;
        oddSum = l.Sum() & 1;
        intermediate = new int[order];
        cgTables = new double[order][];
        if (order == 1)
        {
            nodeMu = nodePartialSum = childStart = [];
            leafEntryStart = [0];
            entryColumn = [];
            entryValue = [];
            leafCoefficient = [];
            if (l[0] == 0)
            {
                ColumnOf(PackKey([0]));
            }
            return;
        }
        (nodeMu, nodePartialSum, childStart) = BuildTrie();
        int leaves = nodeMu[order - 2].Length;
        leafCoefficient = new double[leaves];
        (leafEntryStart, entryColumn, entryValue) = BuildRealMap();
    }

    /// <summary>Canonical m-tuples (packed, see <see cref="Unpack"/>) indexing the entries of every candidate.</summary>
    public IReadOnlyList<long> ColumnKeys => columnKeys;

    /// <summary>The candidate vectors, one per coupling path, produced lazily (each of length ColumnKeys.Count).</summary>
    public IEnumerable<double[]> Candidates()
    {
        if (order == 1)
        {
            if (l[0] == 0)
            {
                yield return [1.0];
            }
            yield break;
        }
        intermediate[0] = l[0];
        intermediate[order - 1] = 0;
        foreach (var _ in EnumerateIntermediates(1))
        {
            yield return CouplePath();
        }
    }

    /// <summary>Writes the m-tuple of a packed key (position 0 in the most significant byte) into m.</summary>
    public static void Unpack(long key, Span<int> m)
    {
        for (int t = m.Length - 1; t >= 0; t--)
        {
            m[t] = (int)(key & ((1 << KeyBits) - 1)) - KeyOffset;
            key >>= KeyBits;
        }
    }

    private static long PackKey(ReadOnlySpan<int> m)
    {
        long key = 0;
        foreach (int v in m)
        {
            key = (key << KeyBits) | (long)(v + KeyOffset);
        }
        return key;
    }

    /// <summary>Sets intermediate[k..order-2] (L_k, the coupled degree of positions 0..k); L_(order-2) = l_last.</summary>
    private IEnumerable<bool> EnumerateIntermediates(int k)
    {
        if (k == order - 1)
        {
            if (intermediate[order - 2] == l[order - 1])
            {
                yield return true;
            }
            yield break;
        }
        int remaining = 0;
        for (int t = k + 1; t < order - 1; t++)
        {
            remaining += l[t];
        }
        int previous = intermediate[k - 1];
        for (int coupled = Math.Abs(previous - l[k]); coupled <= previous + l[k]; coupled++)
        {
            // The positions k+1 .. order-2 must be able to bring the coupled degree to l_last.
            if (Math.Abs(coupled - l[order - 1]) > remaining)
            {
                continue;
            }
            intermediate[k] = coupled;
            foreach (var path in EnumerateIntermediates(k + 1))
            {
                yield return path;
            }
        }
    }

    private (int[][] Mu, int[][] PartialSum, int[][] ChildStart) BuildTrie()
    {
        int levels = order - 1;
        var suffix = new int[order];
        for (int t = order - 2; t >= 0; t--)
        {
            suffix[t] = suffix[t + 1] + l[t + 1];
        }
        var mu = new int[levels][];
        var partial = new int[levels][];
        var children = new int[levels][];
        var levelMu = new List<int>();
        var levelPartial = new List<int>();
        for (int m = -l[0]; m <= l[0]; m++)
        {
            if (Math.Abs(m) <= suffix[0])
            {
                levelMu.Add(m);
                levelPartial.Add(m);
            }
        }
        mu[0] = levelMu.ToArray();
        partial[0] = levelPartial.ToArray();
        for (int k = 1; k < levels; k++)
        {
            levelMu.Clear();
            levelPartial.Clear();
            var start = new int[mu[k - 1].Length + 1];
            for (int parent = 0; parent < mu[k - 1].Length; parent++)
            {
                start[parent] = levelMu.Count;
                int sum = partial[k - 1][parent];
                for (int m = -l[k]; m <= l[k]; m++)
                {
                    if (Math.Abs(sum + m) <= suffix[k])
                    {
                        levelMu.Add(m);
                        levelPartial.Add(sum + m);
                    }
                }
            }
            start[^1] = levelMu.Count;
            children[k - 1] = start;
            mu[k] = levelMu.ToArray();
            partial[k] = levelPartial.ToArray();
        }
        children[levels - 1] = [];
        return (mu, partial, children);
    }

    /// <summary>
    /// For every leaf mu, the real-harmonic expansion prod_t conj(U[m_t, mu_t]) over the 2^(non-zero mu) real
    /// tuples m, keeping the real (even sum of l) or imaginary (odd sum) parts, accumulated on canonical columns.
    /// </summary>
    private (int[] Start, int[] Column, double[] Value) BuildRealMap()
    {
        int leaves = nodeMu[order - 2].Length;
        var start = new int[leaves + 1];
        var columns = new List<int>();
        var values = new List<double>();
        Span<int> mu = stackalloc int[order];
        Span<int> nonZero = stackalloc int[order];
        Span<int> real = stackalloc int[order];
        var leafColumns = new Dictionary<int, double>();
        var inverseSqrt2Powers = new double[order + 1];
        for (int n = 0; n <= order; n++)
        {
            inverseSqrt2Powers[n] = Math.Pow(0.5, n / 2) * ((n & 1) == 0 ? 1.0 : 1.0 / Math.Sqrt(2.0));
        }
        for (int leaf = 0; leaf < leaves; leaf++)
        {
            start[leaf] = columns.Count;
            LeafTuple(leaf, mu);
            int nonZeroCount = 0;
            for (int t = 0; t < order; t++)
            {
                real[t] = 0;
                if (mu[t] != 0)
                {
                    nonZero[nonZeroCount++] = t;
                }
            }
            double magnitude = inverseSqrt2Powers[nonZeroCount];
            leafColumns.Clear();
            for (int mask = 0; mask < 1 << nonZeroCount; mask++)
            {
                int sign = 1, iPower = 0;
                for (int b = 0; b < nonZeroCount; b++)
                {
                    int t = nonZero[b];
                    bool negativeM = ((mask >> b) & 1) != 0;
                    var (s, p) = RealHarmonicTransform.ConjugateFactor(mu[t], negativeM);
                    sign *= s;
                    iPower += p;
                    real[t] = negativeM ? -Math.Abs(mu[t]) : Math.Abs(mu[t]);
                }
                if ((iPower & 1) != oddSum)
                {
                    continue;
                }
                // i^iPower = +-1 (even) or +-i (odd): the real part, or the imaginary part, is sign * (+-1).
                if ((iPower & 2) != 0)
                {
                    sign = -sign;
                }
                int column = ColumnOf(CanonicalKey(real));
                leafColumns[column] = leafColumns.GetValueOrDefault(column) + sign * magnitude;
            }
            foreach (var (column, value) in leafColumns)
            {
                if (value != 0.0)
                {
                    columns.Add(column);
                    values.Add(value);
                }
            }
        }
        start[leaves] = columns.Count;
        return (start, columns.ToArray(), values.ToArray());
    }

    /// <summary>The full complex m-tuple of a leaf, walking the trie upwards.</summary>
    private void LeafTuple(int leaf, Span<int> mu)
    {
        int node = leaf;
        for (int k = order - 2; k >= 0; k--)
        {
            mu[k] = nodeMu[k][node];
            if (k > 0)
            {
                node = ParentOf(k, node);
            }
        }
        mu[order - 1] = -nodePartialSum[order - 2][leaf];
    }

    private int ParentOf(int level, int node)
    {
        var starts = childStart[level - 1];
        int lo = 0, hi = starts.Length - 2;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (starts[mid] <= node)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private double[] CouplePath()
    {
        for (int k = 1; k < order; k++)
        {
            cgTables[k] = ClebschGordan.Table(intermediate[k - 1], l[k], intermediate[k]);
        }
        touchedLeaves.Clear();
        var level0 = nodeMu[0];
        for (int node = 0; node < level0.Length; node++)
        {
            Descend(0, node, 1.0);
        }
        var candidate = new double[columnKeys.Count];
        foreach (int leaf in touchedLeaves)
        {
            double c = leafCoefficient[leaf];
            leafCoefficient[leaf] = 0.0;
            for (int e = leafEntryStart[leaf]; e < leafEntryStart[leaf + 1]; e++)
            {
                candidate[entryColumn[e]] += c * entryValue[e];
            }
        }
        return candidate;
    }

    /// <summary>
    /// At trie node (level k, node) whose prefix sum is M_k: multiplies in &lt;L_(k-1) M_(k-1) l_k mu_k | L_k M_k&gt;
    /// (for k &gt; 0) and descends; at the leaf level also the final coupling to 0 with the last position.
    /// </summary>
    private void Descend(int k, int node, double coefficient)
    {
        int sum = nodePartialSum[k][node];
        if (Math.Abs(sum) > intermediate[k])
        {
            return;
        }
        if (k > 0)
        {
            int mu = nodeMu[k][node];
            int lk = l[k];
            coefficient *= cgTables[k][(sum - mu + intermediate[k - 1]) * (2 * lk + 1) + mu + lk];
            if (coefficient == 0.0)
            {
                return;
            }
        }
        if (k == order - 2)
        {
            int last = l[order - 1];
            double final = cgTables[order - 1][(sum + intermediate[order - 2]) * (2 * last + 1) - sum + last];
            if (final != 0.0)
            {
                if (leafCoefficient[node] == 0.0)
                {
                    touchedLeaves.Add(node);
                }
                leafCoefficient[node] += coefficient * final;
            }
            return;
        }
        var starts = childStart[k];
        for (int child = starts[node]; child < starts[node + 1]; child++)
        {
            Descend(k + 1, child, coefficient);
        }
    }

    /// <summary>The packed key of m with entries sorted non-decreasingly inside each run.</summary>
    private long CanonicalKey(ReadOnlySpan<int> m)
    {
        Span<int> sorted = stackalloc int[order];
        m.CopyTo(sorted);
        for (int r = 0; r < input.RunStart.Length; r++)
        {
            int start = input.RunStart[r];
            int end = start + input.RunLength[r];
            for (int i = start + 1; i < end; i++)
            {
                int v = sorted[i];
                int j = i - 1;
                while (j >= start && sorted[j] > v)
                {
                    sorted[j + 1] = sorted[j];
                    j--;
                }
                sorted[j + 1] = v;
            }
        }
        return PackKey(sorted);
    }

    private int ColumnOf(long key)
    {
        if (!columnOfKey.TryGetValue(key, out int column))
        {
            column = columnKeys.Count;
            columnOfKey.Add(key, column);
            columnKeys.Add(key);
        }
        return column;
    }
}
