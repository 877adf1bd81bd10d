namespace Ace.Core.Primitives.Coupling;

/// <summary>
/// Builds the candidate invariant vectors of one block: every left-to-right coupling path
/// ((l_1 l_2) L_2, l_3) L_3 ... , l_nu) 0 with complex Clebsch-Gordan coefficients, transformed to the real
/// harmonics and projected onto canonical m-tuples (non-decreasing m inside each run of identical labels).
/// The real and imaginary parts of each path's real-harmonic coefficients are separate candidates.
/// </summary>
/// <remarks>
/// Paths span all rotation invariants of the full tensor product; summing coefficients over each orbit of
/// within-run permutations (canonicalisation) maps them onto the invariants of the symmetrised product, so the
/// candidates span exactly the block's invariant space. Only complex m-tuples with sum 0 are visited.
/// </remarks>
internal sealed class CoupledVectorBuilder
{
    private const int KeyBits = 8;
    private const int KeyOffset = 128;
    private static readonly double[] InverseSqrt2Powers = BuildInverseSqrt2Powers();

    private readonly CouplingInput input;
    private readonly int order;
    private readonly int[] l;
    private readonly Dictionary<long, int> columnOfKey = new();
    private readonly List<long> columnKeys = new();
    private readonly List<(double[] Re, double[] Im)> pathVectors = new();
    private readonly int[] intermediate;
    private readonly double[][] cgTables;
    private readonly int[] mu;
    private readonly int[] realM;
    private double[] re = [];
    private double[] im = [];

    private CoupledVectorBuilder(CouplingInput input)
    {
        this.input = input;
        order = input.Order;
        l = input.L;
        intermediate = new int[order];
        cgTables = new double[order][];
        mu = new int[order];
        realM = new int[order];
    }

    /// <summary>Canonical m-tuples (packed, see <see cref="Unpack"/>) indexing the columns of the candidates.</summary>
    public IReadOnlyList<long> ColumnKeys => columnKeys;

    /// <summary>Builds the candidate vectors; each has <see cref="ColumnKeys"/>.Count entries.</summary>
    public static (List<double[]> Candidates, IReadOnlyList<long> ColumnKeys) Build(CouplingInput input)
    {
        var builder = new CoupledVectorBuilder(input);
        builder.EnumeratePaths();
        int columns = builder.columnKeys.Count;
        var candidates = new List<double[]>(2 * builder.pathVectors.Count);
        foreach (var (pathRe, pathIm) in builder.pathVectors)
        {
            candidates.Add(Widen(pathRe, columns));
            candidates.Add(Widen(pathIm, columns));
        }
        return (candidates, builder.columnKeys);
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

    private static double[] Widen(double[] v, int length)
    {
        var w = new double[length];
        Array.Copy(v, w, Math.Min(v.Length, length));
        return w;
    }

    private void EnumeratePaths()
    {
        if (order == 1)
        {
            if (l[0] == 0)
            {
                StartPath();
                mu[0] = 0;
                EmitLeaf(1.0);
                FinishPath();
            }
            return;
        }
        intermediate[0] = l[0];
        intermediate[order - 1] = 0;
        ChooseIntermediate(1);
    }

    /// <summary>Chooses L_k (the coupled degree of positions 0..k) for k = 1 .. order-2; L_(order-2) = l_last.</summary>
    private void ChooseIntermediate(int k)
    {
        if (k == order - 1)
        {
            if (intermediate[order - 2] != l[order - 1])
            {
                return;
            }
            CouplePath();
            return;
        }
        int remaining = 0;
        for (int t = k + 1; t < order - 1; t++)
        {
            remaining += l[t];
        }
        int previous = intermediate[k - 1];
        for (int coupled = Math.Abs(previous - l[k]); coupled <= previous + l[k]; coupled++)
        {
            // The remaining positions k+1 .. order-2 must be able to bring the degree to l_last.
            if (Math.Abs(coupled - l[order - 1]) > remaining)
            {
                continue;
            }
            intermediate[k] = coupled;
            ChooseIntermediate(k + 1);
        }
    }

    private void CouplePath()
    {
        for (int k = 1; k < order; k++)
        {
            cgTables[k] = ClebschGordan.Table(intermediate[k - 1], l[k], intermediate[k]);
        }
        StartPath();
        for (int m0 = -l[0]; m0 <= l[0]; m0++)
        {
            mu[0] = m0;
            Descend(1, m0, 1.0);
        }
        FinishPath();
    }

    /// <summary>Chooses mu_k given the partial sum M of mu_0..mu_(k-1) (|M| &lt;= L_(k-1)).</summary>
    private void Descend(int k, int partialSum, double coefficient)
    {
        int lk = l[k];
        int previous = intermediate[k - 1];
        int coupled = intermediate[k];
        double[] table = cgTables[k];
        int rowStart = (partialSum + previous) * (2 * lk + 1) + lk;
        int lo = Math.Max(-lk, -coupled - partialSum);
        int hi = Math.Min(lk, coupled - partialSum);
        if (k == order - 1)
        {
            lo = hi = -partialSum;
            if (Math.Abs(lo) > lk)
            {
                return;
            }
        }
        for (int m = lo; m <= hi; m++)
        {
            double cg = table[rowStart + m];
            if (cg == 0.0)
            {
                continue;
            }
            mu[k] = m;
            if (k == order - 1)
            {
                EmitLeaf(coefficient * cg);
            }
            else
            {
                Descend(k + 1, partialSum + m, coefficient * cg);
            }
        }
    }

    private void StartPath()
    {
        re = new double[Math.Max(16, columnKeys.Count)];
        im = new double[re.Length];
    }

    private void FinishPath()
    {
        pathVectors.Add((re, im));
    }

    /// <summary>
    /// Expands the complex tuple mu with coefficient c into real tuples:
    /// C_real[m] += c prod_t conj(U[m_t, mu_t]), then canonicalises m and accumulates.
    /// </summary>
    private void EmitLeaf(double coefficient)
    {
        Span<int> nonZero = stackalloc int[order];
        int nonZeroCount = 0;
        for (int t = 0; t < order; t++)
        {
            if (mu[t] != 0)
            {
                nonZero[nonZeroCount++] = t;
            }
            else
            {
                realM[t] = 0;
            }
        }
        double scaled = coefficient * InverseSqrt2Powers[nonZeroCount];
        int choices = 1 << nonZeroCount;
        for (int mask = 0; mask < choices; mask++)
        {
            int sign = 1;
            int iPower = 0;
            for (int b = 0; b < nonZeroCount; b++)
            {
                int t = nonZero[b];
                bool negativeM = ((mask >> b) & 1) != 0;
                var (s, p) = RealHarmonicTransform.ConjugateFactor(mu[t], negativeM);
                sign *= s;
                iPower += p;
                realM[t] = negativeM ? -Math.Abs(mu[t]) : Math.Abs(mu[t]);
            }
            // i^iPower: 0 -> 1, 1 -> i, 2 -> -1, 3 -> -i.
            if ((iPower & 2) != 0)
            {
                sign = -sign;
            }
            int column = ColumnOf(CanonicalKey());
            if ((iPower & 1) == 0)
            {
                re[column] += sign * scaled;
            }
            else
            {
                im[column] += sign * scaled;
            }
        }
    }

    /// <summary>The packed key of realM with m sorted non-decreasingly inside each run.</summary>
    private long CanonicalKey()
    {
        Span<int> sorted = stackalloc int[order];
        realM.AsSpan(0, order).CopyTo(sorted);
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
        long key = 0;
        for (int t = 0; t < order; t++)
        {
            key = (key << KeyBits) | (long)(sorted[t] + KeyOffset);
        }
        return key;
    }

    private int ColumnOf(long key)
    {
        if (!columnOfKey.TryGetValue(key, out int column))
        {
            column = columnKeys.Count;
            columnOfKey.Add(key, column);
            columnKeys.Add(key);
        }
        if (column >= re.Length)
        {
            int length = Math.Max(2 * re.Length, column + 1);
            Array.Resize(ref re, length);
            Array.Resize(ref im, length);
        }
        return column;
    }

    private static double[] BuildInverseSqrt2Powers()
    {
        var p = new double[CouplingCoefficients.MaxOrder + 1];
        for (int n = 0; n < p.Length; n++)
        {
            p[n] = (n & 1) == 0 ? Math.ScaleB(1.0, -n / 2) : Math.ScaleB(1.0, -(n / 2)) / Math.Sqrt(2.0);
        }
        return p;
    }
}
