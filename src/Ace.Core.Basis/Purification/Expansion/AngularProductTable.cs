using Ace.Core.Primitives.Coupling;

namespace Ace.Core.Basis.Purification.Expansion;

/// <summary>
/// Exact expansions of products of real spherical harmonics at one direction:
/// Y_{l_1 m_1} ... Y_{l_k m_k} = sum_{L M} g_{LM} Y_{LM}, built pairwise with real Gaunt coefficients
/// (Y_a Y_b = sum_c G(a, b, c) Y_c, L from |l_a - l_b| to l_a + l_b in steps of 2) and cached. Not thread-safe.
/// </summary>
internal sealed class AngularProductTable
{
    /// <summary>Gaunt products below this magnitude are rounding of exact zeros (non-zero ones are far larger).</summary>
    private const double DropTolerance = 1e-14;

    private readonly Dictionary<UInt128, AngularExpansion> _products = new();

    /// <summary>The expansion of prod_t Y_{l_t m_t}; the (l, m) pairs must be sorted by (l, m).</summary>
    public AngularExpansion Product(ReadOnlySpan<(int L, int M)> sortedHarmonics)
    {
        var key = Key(sortedHarmonics);
        if (_products.TryGetValue(key, out var found))
        {
            return found;
        }
        AngularExpansion result;
        if (sortedHarmonics.Length == 1)
        {
            result = new AngularExpansion([sortedHarmonics[0].L], [sortedHarmonics[0].M], [1.0]);
        }
        else
        {
            var prefix = Product(sortedHarmonics[..^1]);
            var (l2, m2) = sortedHarmonics[^1];
            var sum = new Dictionary<(int L, int M), double>();
            Span<int> candidates = stackalloc int[4];
            for (int i = 0; i < prefix.Count; i++)
            {
                int l1 = prefix.L[i], m1 = prefix.M[i];
                // Real harmonics multiply like cos/sin of m phi: |M| is |m1| + |m2| or ||m1| - |m2||, either sign.
                int sumM = Math.Abs(m1) + Math.Abs(m2), diffM = Math.Abs(Math.Abs(m1) - Math.Abs(m2));
                int candidateCount = 0;
                foreach (int m in (ReadOnlySpan<int>)[sumM, -sumM, diffM, -diffM])
                {
                    if (!candidates[..candidateCount].Contains(m))
                    {
                        candidates[candidateCount++] = m;
                    }
                }
                for (int l = Math.Abs(l1 - l2); l <= l1 + l2; l += 2)
                {
                    foreach (int m in candidates[..candidateCount])
                    {
                        if (Math.Abs(m) > l)
                        {
                            continue;
                        }
                        double g = RealGaunt.Coefficient(l1, m1, l2, m2, l, m);
                        if (Math.Abs(g) > DropTolerance)
                        {
                            sum[(l, m)] = sum.GetValueOrDefault((l, m)) + prefix.Value[i] * g;
                        }
                    }
                }
            }
            var kept = sum.Where(e => Math.Abs(e.Value) > DropTolerance).OrderBy(e => e.Key).ToArray();
            result = new AngularExpansion(kept.Select(e => e.Key.L).ToArray(), kept.Select(e => e.Key.M).ToArray(),
                kept.Select(e => e.Value).ToArray());
        }
        _products[key] = result;
        return result;
    }

    private static UInt128 Key(ReadOnlySpan<(int L, int M)> harmonics)
    {
        // 16 bits per factor (l, m + 128), up to six factors, the count in the top bits.
        UInt128 key = (UInt128)(ulong)harmonics.Length << 120;
        for (int i = 0; i < harmonics.Length; i++)
        {
            key |= (UInt128)(ulong)(harmonics[i].L << 8 | (harmonics[i].M + 128)) << (16 * i);
        }
        return key;
    }
}

/// <summary>A sparse combination sum_i Value[i] Y_{L[i] M[i]}.</summary>
internal sealed class AngularExpansion
{
    public AngularExpansion(int[] l, int[] m, double[] value)
    {
        L = l;
        M = m;
        Value = value;
    }

    public int[] L { get; }

    public int[] M { get; }

    public double[] Value { get; }

    public int Count => L.Length;
}
