using Ace.Core.Basis.Enumeration;

namespace Ace.Core.Basis.Purification.Expansion;

/// <summary>
/// Expands one many-body function B = sum_t C_t prod_s A_{k_s(t)} (one label tuple, m-tuples t) into its purified form
/// as a sparse combination of products of extended A functions. Over pairwise distinct neighbours,
/// <code>
///   sum_{j distinct} prod_s phi_{k_s}(r_{j_s}) = sum over set partitions P of mu(P) prod_{blocks b} A[prod_{s in b} phi_{k_s}],
/// </code>
/// the closed form of the recursion AAp_{kk',k'} = AAp_{kk'} A_{k'} - sum_b sum_kappa P^kappa_{k_b k'} AAp_{kk'[b&lt;-kappa]}
/// (ace-math.md section 5), where A[phi] = sum_j phi(r_j) and the one-neighbour product of a block expands exactly:
/// prod_s phi_{z n_s l_s m_s} = sum_{N, L, M} r_N g_{LM} phi_{z N L M} (zero when the block mixes species; the radial part
/// from <see cref="IRadialProducts"/>: the product rule of a product-closed family, or one product channel for fitted
/// radials). Since the radial
/// factors r_N do not depend on m, the m-sum is done once per partition on the angular tensor
/// T[(L_b, M_b)_b] = sum_t C_t prod_b g_b(t), whose non-invariant entries cancel; then each (N_b)_b gives one monomial.
/// </summary>
internal sealed class PureProductExpander
{
    /// <summary>Angular-tensor entries below this fraction of the magnitudes summed into them cancel exactly (rotation invariance).</summary>
    private const double CancellationTolerance = 1e-12;

    private readonly IRadialProducts?[] _radialBySpecies;
    private readonly AngularProductTable _angular;
    private readonly Dictionary<UInt128, (double Value, double Scale)> _tensor = new();

    /// <param name="radialBySpecies">The radial products of the pair (center, neighbour species z), null where unused.</param>
    /// <param name="angular">The angular product table.</param>
    public PureProductExpander(IRadialProducts?[] radialBySpecies, AngularProductTable angular)
    {
        _radialBySpecies = radialBySpecies;
        _angular = angular;
    }

    /// <summary>
    /// Adds weight(P) * sum_t C_t prod_b A[prod_{s in b} phi_{k_s(t)}] for every (partition, weight) to <paramref name="output"/>.
    /// </summary>
    /// <param name="labels">The (species, n, l) label of every position (the function's sorted label tuple).</param>
    /// <param name="coefficients">C_t for every m-tuple t.</param>
    /// <param name="mTuples">The m of position s in m-tuple t at [t * order + s].</param>
    /// <param name="partitions">The partitions to include and their weights.</param>
    /// <param name="output">Monomial coefficients, accumulated.</param>
    public void Expand(LabelIndex[] labels, ReadOnlySpan<double> coefficients, ReadOnlySpan<int> mTuples,
        IEnumerable<(SetPartition Partition, double Weight)> partitions, Dictionary<MonomialKey, double> output)
    {
        int order = labels.Length;
        foreach (var (partition, weight) in partitions)
        {
            var blocks = partition.Blocks;
            if (!SingleSpeciesBlocks(labels, blocks))
            {
                continue;
            }
            var radial = RadialFactors(labels, blocks);
            AngularTensor(labels, coefficients, mTuples, order, blocks);
            EmitMonomials(labels, blocks, radial, weight, output);
        }
    }

    private static bool SingleSpeciesBlocks(LabelIndex[] labels, int[][] blocks)
    {
        foreach (var block in blocks)
        {
            for (int i = 1; i < block.Length; i++)
            {
                if (labels[block[i]].Species != labels[block[0]].Species)
                {
                    return false;
                }
            }
        }
        return true;
    }

    private SparseExpansion[] RadialFactors(LabelIndex[] labels, int[][] blocks)
    {
        var result = new SparseExpansion[blocks.Length];
        Span<LabelIndex> factors = stackalloc LabelIndex[MonomialKey.MaxOrder];
        for (int b = 0; b < blocks.Length; b++)
        {
            var block = blocks[b];
            for (int i = 0; i < block.Length; i++)
            {
                factors[i] = labels[block[i]];
            }
            var table = _radialBySpecies[labels[block[0]].Species]
                ?? throw new InvalidOperationException($"no radial basis for neighbour species {labels[block[0]].Species}");
            result[b] = table.Product(factors[..block.Length]);
        }
        return result;
    }

    /// <summary>Fills <see cref="_tensor"/> with T[(L_b, M_b)_b] = sum_t C_t prod_b g_b(t) (key: 16 bits per block).</summary>
    private void AngularTensor(LabelIndex[] labels, ReadOnlySpan<double> coefficients, ReadOnlySpan<int> mTuples, int order, int[][] blocks)
    {
        _tensor.Clear();
        var factors = new AngularExpansion[blocks.Length];
        Span<(int L, int M)> harmonics = stackalloc (int, int)[MonomialKey.MaxOrder];
        for (int t = 0; t < coefficients.Length; t++)
        {
            double c = coefficients[t];
            if (c == 0)
            {
                continue;
            }
            var m = mTuples.Slice(t * order, order);
            for (int b = 0; b < blocks.Length; b++)
            {
                var block = blocks[b];
                for (int i = 0; i < block.Length; i++)
                {
                    harmonics[i] = (labels[block[i]].L, m[block[i]]);
                }
                var h = harmonics[..block.Length];
                h.Sort();
                factors[b] = _angular.Product(h);
            }
            AccumulateTensor(factors, 0, 0, c);
        }
    }

    private void AccumulateTensor(AngularExpansion[] factors, int b, UInt128 key, double value)
    {
        if (b == factors.Length)
        {
            var (sum, scale) = _tensor.GetValueOrDefault(key);
            _tensor[key] = (sum + value, scale + Math.Abs(value));
            return;
        }
        var f = factors[b];
        for (int i = 0; i < f.Count; i++)
        {
            var entry = (UInt128)(ulong)(f.L[i] << 8 | (f.M[i] + 128)) << (16 * b);
            AccumulateTensor(factors, b + 1, key | entry, value * f.Value[i]);
        }
    }

    private void EmitMonomials(LabelIndex[] labels, int[][] blocks, SparseExpansion[] radial, double weight, Dictionary<MonomialKey, double> output)
    {
        var l = new int[blocks.Length];
        var m = new int[blocks.Length];
        var species = new int[blocks.Length];
        for (int b = 0; b < blocks.Length; b++)
        {
            species[b] = labels[blocks[b][0]].Species;
        }
        var codes = new uint[blocks.Length];
        foreach (var (key, (value, scale)) in _tensor)
        {
            if (!(Math.Abs(value) > CancellationTolerance * scale))
            {
                continue;
            }
            for (int b = 0; b < blocks.Length; b++)
            {
                int packed = (int)(ulong)(key >> (16 * b)) & 0xFFFF;
                l[b] = packed >> 8;
                m[b] = (packed & 0xFF) - 128;
            }
            EmitRadial(radial, species, l, m, codes, 0, weight * value, output);
        }
    }

    private static void EmitRadial(SparseExpansion[] radial, int[] species, int[] l, int[] m, uint[] codes, int b, double value,
        Dictionary<MonomialKey, double> output)
    {
        if (b == radial.Length)
        {
            Span<uint> sorted = stackalloc uint[codes.Length];
            codes.CopyTo(sorted);
            var key = MonomialKey.FromCodes(sorted);
            output[key] = output.GetValueOrDefault(key) + value;
            return;
        }
        var r = radial[b];
        for (int i = 0; i < r.Count; i++)
        {
            codes[b] = ExtendedLabelCode.Pack(species[b], r.Indices[i] + 1, l[b], m[b]);
            EmitRadial(radial, species, l, m, codes, b + 1, value * r.Values[i], output);
        }
    }
}
