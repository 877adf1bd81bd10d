using Ace.Core.Basis.Enumeration;
using Ace.Core.Primitives.Radial;

namespace Ace.Core.Basis.Purification.Expansion;

/// <summary>
/// Exact expansions of products of radial functions of one product-closed family at one neighbour:
/// R_{n_1} ... R_{n_k} = sum_N c_N R_N (0-based indices), built pairwise from
/// <see cref="IProductClosedRadialBasis.ProductCoefficients"/> and cached. Not thread-safe (one table per build).
/// </summary>
internal sealed class RadialProductTable : IRadialProducts
{
    /// <summary>Coefficients below this fraction of an expansion's largest one are quadrature rounding of exact zeros.</summary>
    private const double DropTolerance = 1e-15;

    private readonly IProductClosedRadialBasis _family;
    private readonly Dictionary<(int A, int B), double[]> _pairs = new();
    private readonly Dictionary<ulong, SparseExpansion> _products = new();

    public RadialProductTable(IProductClosedRadialBasis family) => _family = family;

    /// <inheritdoc />
    /// <remarks>A fixed family's radial function depends on n alone (R_{n-1}), not on l.</remarks>
    public SparseExpansion Product(ReadOnlySpan<LabelIndex> blockLabels)
    {
        Span<int> indices = stackalloc int[blockLabels.Length];
        for (int i = 0; i < blockLabels.Length; i++)
        {
            indices[i] = blockLabels[i].N - 1;
        }
        indices.Sort();
        return Product(indices);
    }

    /// <summary>The expansion of the product of the radial functions with the given 0-based indices (sorted ascending).</summary>
    public SparseExpansion Product(ReadOnlySpan<int> sortedIndices)
    {
        ulong key = Key(sortedIndices);
        if (_products.TryGetValue(key, out var found))
        {
            return found;
        }
        SparseExpansion result;
        if (sortedIndices.Length == 1)
        {
            result = new SparseExpansion([sortedIndices[0]], [1.0]);
        }
        else
        {
            var prefix = Product(sortedIndices[..^1]);
            int last = sortedIndices[^1];
            var sum = new Dictionary<int, double>();
            for (int i = 0; i < prefix.Count; i++)
            {
                var c = Pair(prefix.Indices[i], last);
                for (int k = 0; k < c.Length; k++)
                {
                    if (c[k] != 0)
                    {
                        sum[k] = sum.GetValueOrDefault(k) + prefix.Values[i] * c[k];
                    }
                }
            }
            result = SparseExpansion.FromDictionary(sum, DropTolerance);
        }
        _products[key] = result;
        return result;
    }

    private double[] Pair(int a, int b)
    {
        if (a > b)
        {
            (a, b) = (b, a);
        }
        if (!_pairs.TryGetValue((a, b), out var c))
        {
            c = _family.ProductCoefficients(a, b);
            _pairs[(a, b)] = c;
        }
        return c;
    }

    private static ulong Key(ReadOnlySpan<int> indices)
    {
        // 10 bits per index (< 1024), up to six indices; the length in the top bits.
        ulong key = (ulong)indices.Length << 60;
        for (int i = 0; i < indices.Length; i++)
        {
            key |= (ulong)indices[i] << (10 * i);
        }
        return key;
    }
}

/// <summary>A sparse vector: Values[i] at Indices[i], indices ascending.</summary>
internal sealed class SparseExpansion
{
    public SparseExpansion(int[] indices, double[] values)
    {
        Indices = indices;
        Values = values;
    }

    public int[] Indices { get; }

    public double[] Values { get; }

    public int Count => Indices.Length;

    /// <summary>The entries of <paramref name="sum"/> above <paramref name="relativeTolerance"/> times the largest magnitude, by index.</summary>
    public static SparseExpansion FromDictionary(Dictionary<int, double> sum, double relativeTolerance)
    {
        double max = sum.Values.Select(Math.Abs).DefaultIfEmpty(0).Max();
        var kept = sum.Where(e => Math.Abs(e.Value) > relativeTolerance * max).OrderBy(e => e.Key).ToArray();
        return new SparseExpansion(kept.Select(e => e.Key).ToArray(), kept.Select(e => e.Value).ToArray());
    }
}
