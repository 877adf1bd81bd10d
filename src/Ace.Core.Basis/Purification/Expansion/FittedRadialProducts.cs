using Ace.Core.Basis.Enumeration;

namespace Ace.Core.Basis.Purification.Expansion;

/// <summary>
/// One-neighbour products of fitted radial functions R_{z n l} = sum_k W_{z n l k} g_k of one (center, neighbour species)
/// pair. Such a product is not a combination of fitted functions, and need not be of the primitives g_k either (ChebExpCos
/// is not product-closed), so each distinct product prod_t R_{z n_t l_t} becomes a radial function of its own, a product
/// channel, numbered n = <see cref="FirstProductN"/>, <see cref="FirstProductN"/> + 1, ... after every channel label of the
/// pair; the purified basis evaluates it as the product of the fitted rows (<see cref="Primitives.Radial.FittedRadialBasis"/>'s
/// product functions), so it stays exact for every W. A single label is its own channel. Not thread-safe (one per build).
/// </summary>
internal sealed class FittedRadialProducts : IRadialProducts
{
    private readonly Dictionary<MonomialKey, int> _idByFactors = new();
    private readonly List<LabelIndex[]> _factors = [];

    /// <param name="largestChannelN">The largest label n of the pair's fitted channels; product channels are numbered after it.</param>
    public FittedRadialProducts(int largestChannelN)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(largestChannelN);
        FirstProductN = largestChannelN + 1;
    }

    /// <summary>The label n of the first product channel; smaller n are the fitted channels themselves.</summary>
    public int FirstProductN { get; }

    /// <inheritdoc />
    public SparseExpansion Product(ReadOnlySpan<LabelIndex> blockLabels)
    {
        if (blockLabels.Length == 1)
        {
            return new SparseExpansion([blockLabels[0].N - 1], [1.0]);
        }
        Span<uint> codes = stackalloc uint[blockLabels.Length];
        for (int i = 0; i < blockLabels.Length; i++)
        {
            codes[i] = ExtendedLabelCode.Pack(blockLabels[i].Species, blockLabels[i].N, blockLabels[i].L, 0);
        }
        var key = MonomialKey.FromCodes(codes);
        if (!_idByFactors.TryGetValue(key, out int id))
        {
            id = _factors.Count;
            _idByFactors[key] = id;
            var sorted = blockLabels.ToArray();
            Array.Sort(sorted);
            _factors.Add(sorted);
        }
        return new SparseExpansion([FirstProductN + id - 1], [1.0]);
    }

    /// <summary>The fitted channels (sorted) whose radials product channel <paramref name="n"/> multiplies.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is no product channel of this table.</exception>
    public IReadOnlyList<LabelIndex> Factors(int n)
    {
        int id = n - FirstProductN;
        if ((uint)id >= (uint)_factors.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, $"product channels are n = {FirstProductN} .. {FirstProductN + _factors.Count - 1}");
        }
        return _factors[id];
    }
}
