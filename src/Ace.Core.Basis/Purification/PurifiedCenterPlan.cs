using Ace.Core.Basis.Enumeration;
using Ace.Core.Basis.Evaluation;
using Ace.Core.Basis.Purification.Expansion;
using Ace.Core.Primitives.Radial;

namespace Ace.Core.Basis.Purification;

/// <summary>
/// The purified many-body functions of one center element: each kept function as a sparse combination of products of
/// extended A functions, and the extended A layout those products need (radial index up to the largest product index,
/// l up to the largest product l).
/// </summary>
internal sealed class PurifiedCenterPlan
{
    /// <summary>Monomial coefficients below this fraction of a function's largest one are rounding of exact cancellations.</summary>
    private const double DropTolerance = 1e-14;

    private readonly (MonomialKey Key, double Value)[][] _rows;

    private PurifiedCenterPlan(int species, int[] keptRows, (MonomialKey, double)[][] rows, OneParticleLayout layout)
    {
        Species = species;
        KeptRows = keptRows;
        _rows = rows;
        Layout = layout;
    }

    public int Species { get; }

    /// <summary>The rows (functions) of the original center that the purified center keeps, in order.</summary>
    public int[] KeptRows { get; }

    /// <summary>The extended A layout.</summary>
    public OneParticleLayout Layout { get; }

    /// <summary>
    /// Expands every kept function of <paramref name="center"/>. The extended layout is channel-resolved for the neighbour
    /// species whose radials are fitted (<see cref="FittedRadialProducts"/>): each channel, fitted or product, has its own row.
    /// </summary>
    public static PurifiedCenterPlan Create(CenterBasis center, int speciesCount, PurificationOptions options,
        IRadialProducts?[] radialTables, AngularProductTable angular)
    {
        var expander = new PureProductExpander(radialTables, angular);
        var functions = FunctionTerms.FromCenter(center);
        var kept = new List<int>();
        var rows = new List<(MonomialKey, double)[]>();
        var channels = new HashSet<LabelIndex>();
        var monomials = new Dictionary<MonomialKey, double>();
        Span<uint> codes = stackalloc uint[MonomialKey.MaxOrder];
        for (int f = 0; f < functions.Length; f++)
        {
            var function = functions[f];
            if (function.Order <= options.RemoveUpToCorrelationOrder)
            {
                continue;
            }
            monomials.Clear();
            expander.Expand(function.Labels, function.Coefficients, function.MTuples, Partitions(function.Labels, options.Kind), monomials);
            double max = monomials.Values.Select(Math.Abs).DefaultIfEmpty(0).Max();
            var row = monomials.Where(e => Math.Abs(e.Value) > DropTolerance * max).Select(e => (e.Key, e.Value)).ToArray();
            Array.Sort(row, (a, b) => a.Key.CompareTo(b.Key));
            foreach (var (key, _) in row)
            {
                int count = key.CopyCodes(codes);
                foreach (uint code in codes[..count])
                {
                    int species = ExtendedLabelCode.Species(code), n = ExtendedLabelCode.N(code);
                    channels.Add(new LabelIndex(species, n, ExtendedLabelCode.L(code)));
                    if (radialTables[species] is FittedRadialProducts products && n >= products.FirstProductN)
                    {
                        // the fitted rows a product channel multiplies must be rows of the extended radials
                        channels.UnionWith(products.Factors(n));
                    }
                }
            }
            kept.Add(f);
            rows.Add(row);
        }
        var channelResolved = radialTables.Select(t => t is FittedRadialProducts).ToArray();
        return new PurifiedCenterPlan(center.Species, kept.ToArray(), rows.ToArray(), new OneParticleLayout(speciesCount, channels, channelResolved));
    }

    /// <summary>The extended product graph and the sparse map B_pure = (C C_pure) AA_ext over it.</summary>
    public CenterBasis Build(int columnStart, IRadialBasis?[] radialBySpecies)
    {
        var graph = new ProductGraphBuilder(Layout.Count);
        var map = new SparseRowMatrixBuilder();
        Span<uint> codes = stackalloc uint[MonomialKey.MaxOrder];
        Span<int> factors = stackalloc int[MonomialKey.MaxOrder];
        foreach (var row in _rows)
        {
            foreach (var (key, value) in row)
            {
                int count = key.CopyCodes(codes);
                for (int i = 0; i < count; i++)
                {
                    uint code = codes[i];
                    var label = new LabelIndex(ExtendedLabelCode.Species(code), ExtendedLabelCode.N(code), ExtendedLabelCode.L(code));
                    factors[i] = Layout.IndexOf(label, ExtendedLabelCode.M(code));
                }
                var f = factors[..count];
                f.Sort();
                map.Add(graph.GetOrAdd(f), value);
            }
            map.EndRow(0);
        }
        var productGraph = graph.Build(out var nodeIndex);
        return new CenterBasis(Species, columnStart, Layout, productGraph, map.Build(productGraph.NodeCount, nodeIndex), radialBySpecies);
    }

    /// <summary>
    /// Full: every set partition with its Moebius weight. Pure2b (ACE1x's default): for every function of order &gt;= 2 whose
    /// labels share one element (any l), the ordinary product minus its fully diagonal term (all neighbours equal), so that
    /// it vanishes on an atom with one neighbour; the diagonal term of an invariant is a constant times the product of the
    /// radials, which expands into the order-1 functions A_{z N 0 0} only (the angular tensor keeps L = 0 alone; with fitted
    /// radials one A function of the product channel). Functions that mix elements are already zero on one neighbour and
    /// stay as they are.
    /// </summary>
    private static IEnumerable<(SetPartition, double)> Partitions(LabelIndex[] labels, PurificationKind kind)
    {
        var all = SetPartition.All(labels.Length);
        if (kind == PurificationKind.Full)
        {
            return all.Select(p => (p, p.MoebiusWeight));
        }
        var finest = all.First(p => p.IsFinest);
        bool diagonal = labels.Length >= 2 && labels.All(x => x.Species == labels[0].Species);
        return diagonal ? [(finest, 1.0), (all.First(p => p.IsCoarsest), -1.0)] : [(finest, 1.0)];
    }
}
