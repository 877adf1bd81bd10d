using System.Globalization;
using Ace.Core.Basis.Enumeration;
using Ace.Core.Basis.Evaluation;
using Ace.Core.Basis.Purification;
using Ace.Core.Primitives;
using Ace.Core.Primitives.Radial;

namespace Ace.Core.Basis;

/// <summary>
/// A linear ACE basis, built once from an <see cref="AceBasisSpecification"/> and immutable afterwards. Columns:
/// the many-body functions grouped by center element (element order of the specification; inside a center by
/// correlation order, label tuple and invariant index), then the pair-basis functions per unordered element pair
/// and n. Evaluation is thread-safe when every thread uses its own <see cref="SiteWorkspace"/>.
/// </summary>
/// <remarks>
/// Species indices are positions in <see cref="Elements"/>. Displacements are r_j - r_i (neighbour minus center) in
/// Angstrom; gradients are derivatives with respect to these displacements, so for coefficients c the force on
/// neighbour j is -c dB/dr_ij and on the center +c sum_j dB/dr_ij.
/// </remarks>
public sealed class AceBasis
{
    /// <summary>Neighbours closer than this (Angstrom) are rejected as overlapping atoms.</summary>
    public const double MinimumDistance = 1e-4;

    private readonly CenterBasis[] _centers;
    private readonly PairBasisSet? _pair;
    private readonly double[,] _cutoffs;
    private readonly BasisFunctionLabel[] _functions;
    private readonly int _maxNodes;
    private readonly int _maxHarmonics;
    private readonly int _maxRadial;
    private readonly int[][] _neighboursNeeded;
    private readonly int[] _mostNeighboursNeeded;

    internal AceBasis(AceBasisSpecification specification, CenterBasis[] centers, PairBasisSet? pair,
        IReadOnlyList<BasisFunctionLabel> functions, double[,] cutoffs)
    {
        Specification = specification;
        Elements = specification.Elements.ToArray();
        _centers = centers;
        _pair = pair;
        _functions = functions.ToArray();
        Functions = Array.AsReadOnly(_functions);
        _cutoffs = cutoffs;
        MaxCutoff = cutoffs.Cast<double>().Max();
        foreach (var c in centers)
        {
            _maxNodes = Math.Max(_maxNodes, c.Graph.NodeCount);
            _maxHarmonics = Math.Max(_maxHarmonics, c.HarmonicsCount);
            foreach (var r in c.RadialBySpecies)
            {
                _maxRadial = Math.Max(_maxRadial, r?.Count ?? 0);
            }
        }
        ManyBodyFunctionCount = centers.Sum(c => c.FunctionCount);
        _neighboursNeeded = centers.Select(c => NeighboursNeeded(specification.Purification, _functions.AsSpan(c.ColumnStart, c.FunctionCount))).ToArray();
        _mostNeighboursNeeded = _neighboursNeeded.Select(n => n.Length == 0 ? 0 : n.Max()).ToArray();
        var parameters = new FittedRadialParameters(this);
        FittedRadialParameters = parameters.Count > 0 ? parameters : null;
    }

    /// <summary>The fitted radial coefficients W as a parameter vector, or null when every radial basis is fixed.</summary>
    public FittedRadialParameters? FittedRadialParameters { get; }

    /// <summary>
    /// Builds the basis a specification describes: the ordinary basis, or the purified one when
    /// <see cref="AceBasisSpecification.Purification"/> is set. Deterministic: the same specification gives the same columns.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The specification is invalid, or asks to purify a fixed radial basis that is not product-closed; the message says what is wrong.
    /// </exception>
    /// <exception cref="BasisTooLargeException">The basis would exceed <see cref="BasisLimits.Default"/> (checked before enumeration).</exception>
    public static AceBasis Build(AceBasisSpecification specification) => Build(specification, BasisLimits.Default);

    /// <summary>
    /// Builds the basis a specification describes after checking its estimated size (<see cref="BasisSizeEstimate"/>)
    /// against <paramref name="limits"/>, before anything is enumerated.
    /// </summary>
    /// <exception cref="ArgumentException">The specification is invalid; the message says what is wrong.</exception>
    /// <exception cref="BasisTooLargeException">The basis would exceed <paramref name="limits"/>; the message gives its size.</exception>
    public static AceBasis Build(AceBasisSpecification specification, BasisLimits limits)
    {
        ArgumentNullException.ThrowIfNull(specification);
        ArgumentNullException.ThrowIfNull(limits);
        BasisSizeEstimate.Of(specification, limits).ThrowIfExceeds(limits);
        return specification.Purification is null ? AceBasisBuilder.Build(specification) : BasisPurifier.Build(specification);
    }

    /// <summary>The specification this basis was built from.</summary>
    public AceBasisSpecification Specification { get; }

    /// <summary>True when this is a purified (self-interaction-free) basis; see <see cref="Purification"/>.</summary>
    public bool IsPurified => Specification.Purification is not null;

    /// <summary>The purification this basis was built with, or null for the ordinary basis.</summary>
    public PurificationOptions? Purification => Specification.Purification;

    /// <summary>The element symbols; a species index is a position in this list.</summary>
    public IReadOnlyList<string> Elements { get; }

    /// <summary>The largest correlation order (body order = this + 1).</summary>
    public int MaxCorrelationOrder => Specification.MaxCorrelationOrder;

    /// <summary>The number of columns (many-body plus pair functions).</summary>
    public int FunctionCount => _functions.Length;

    /// <summary>The number of many-body columns (all center elements).</summary>
    public int ManyBodyFunctionCount { get; }

    /// <summary>The number of pair-basis columns (0 without a pair basis).</summary>
    public int PairFunctionCount => _pair?.FunctionCount ?? 0;

    /// <summary>True when the basis has a separate pair basis.</summary>
    public bool HasPairBasis => _pair is not null;

    /// <summary>The label of every column, in column order.</summary>
    public IReadOnlyList<BasisFunctionLabel> Functions { get; }

    /// <summary>The largest cutoff over all element pairs.</summary>
    public double MaxCutoff { get; }

    /// <summary>The species index of <paramref name="element"/>.</summary>
    /// <exception cref="ArgumentException">The element is not in the basis.</exception>
    public int SpeciesIndex(string element)
    {
        for (int i = 0; i < Elements.Count; i++)
        {
            if (string.Equals(Elements[i], element, StringComparison.Ordinal))
            {
                return i;
            }
        }
        throw new ArgumentException($"element '{element}' is not in this basis (elements: {string.Join(", ", Elements)})", nameof(element));
    }

    /// <summary>The cutoff of the pair (a, b): the larger of the many-body and pair-basis cutoffs. Neighbours beyond it are rejected.</summary>
    public double Cutoff(int speciesA, int speciesB)
    {
        CheckSpecies(speciesA, nameof(speciesA));
        CheckSpecies(speciesB, nameof(speciesB));
        return _cutoffs[speciesA, speciesB];
    }

    /// <summary>The contiguous columns of the many-body functions of center species <paramref name="center"/>.</summary>
    public ColumnRange ColumnRange(int center)
    {
        CheckSpecies(center, nameof(center));
        return new ColumnRange(_centers[center].ColumnStart, _centers[center].FunctionCount);
    }

    /// <summary>The contiguous columns of the pair basis (empty without one).</summary>
    public ColumnRange PairColumnRange => _pair is null ? new ColumnRange(ManyBodyFunctionCount, 0) : new ColumnRange(_pair.ColumnStart, _pair.FunctionCount);

    /// <summary>The column of pair function n (1-based) of the unordered pair (a, b).</summary>
    public int PairColumn(int speciesA, int speciesB, int n)
    {
        var pair = _pair ?? throw new InvalidOperationException("this basis has no pair basis");
        CheckSpecies(speciesA, nameof(speciesA));
        CheckSpecies(speciesB, nameof(speciesB));
        if (n < 1 || n > pair.MaxDegree)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, $"pair functions are labelled n = 1 .. {pair.MaxDegree}");
        }
        return pair.ColumnStart + pair.PairIndex(speciesA, speciesB) * pair.MaxDegree + n - 1;
    }

    /// <summary>The number of many-body functions of exactly <paramref name="correlationOrder"/> (all centers).</summary>
    public int CountByOrder(int correlationOrder) => FunctionsOfOrder(correlationOrder).Count();

    /// <summary>The many-body functions of exactly <paramref name="correlationOrder"/>, in column order.</summary>
    public IEnumerable<BasisFunctionLabel> FunctionsOfOrder(int correlationOrder) =>
        _functions.Where(f => f.Kind == BasisFunctionKind.ManyBody && f.CorrelationOrder == correlationOrder);

    /// <summary>A workspace for this basis, sized for <paramref name="maxNeighbours"/> (it grows when needed).</summary>
    public SiteWorkspace CreateWorkspace(int maxNeighbours = 64)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxNeighbours);
        return new SiteWorkspace(this, Elements.Count, _maxHarmonics, _maxRadial, _pair?.MaxDegree ?? 0, _maxNodes, maxNeighbours);
    }

    /// <summary>
    /// The number of values of one site of center species <paramref name="center"/>: the center's many-body columns
    /// (<see cref="ColumnRange(int)"/>) followed by all pair-basis columns (<see cref="PairColumnRange"/>).
    /// </summary>
    public int SiteFunctionCount(int center)
    {
        CheckSpecies(center, nameof(center));
        return _centers[center].FunctionCount + PairFunctionCount;
    }

    /// <summary>
    /// The values of one site, from one load of its neighbourhood: values[f] for f &lt; ColumnRange(center).Count is
    /// the f-th many-body function of the center's <see cref="ColumnRange(int)"/>; the rest are the columns of
    /// <see cref="PairColumnRange"/> in order (1/2 sum over neighbours of J_n, so site values summed over atoms give
    /// the energy row; columns of pairs not involving the center are zero).
    /// </summary>
    /// <param name="center">The species index of the center atom.</param>
    /// <param name="displacements">r_j - r_i for every neighbour, each within the pair cutoff.</param>
    /// <param name="neighbourSpecies">The species index of every neighbour.</param>
    /// <param name="values">Output, length <see cref="SiteFunctionCount"/>(center).</param>
    /// <param name="workspace">A workspace of this basis.</param>
    public void EvaluateSite(int center, ReadOnlySpan<Vec3> displacements, ReadOnlySpan<int> neighbourSpecies,
        Span<double> values, SiteWorkspace workspace)
    {
        var c = Load(center, displacements, neighbourSpecies, workspace, withGradients: false);
        int manyBody = c.FunctionCount;
        CheckLength(values.Length, manyBody + PairFunctionCount, nameof(values));
        ManyBodyKernels.Values(c, workspace, values[..manyBody]);
        VanishingFunctions.ZeroValues(VanishingAt(center, displacements.Length), displacements.Length, values[..manyBody]);
        _pair?.Evaluate(center, workspace, values[manyBody..], []);
    }

    /// <summary>
    /// Values (as <see cref="EvaluateSite"/>) and gradients of one site, from one load of its neighbourhood:
    /// gradients[f * neighbourCount + j] is dvalues[f]/d(r_j - r_i) for neighbour j (caller's order).
    /// </summary>
    /// <param name="center">The species index of the center atom.</param>
    /// <param name="displacements">r_j - r_i for every neighbour, each within the pair cutoff.</param>
    /// <param name="neighbourSpecies">The species index of every neighbour.</param>
    /// <param name="values">Output, length <see cref="SiteFunctionCount"/>(center).</param>
    /// <param name="gradients">Output, length SiteFunctionCount(center) * neighbourCount.</param>
    /// <param name="workspace">A workspace of this basis.</param>
    public void EvaluateSiteWithGradients(int center, ReadOnlySpan<Vec3> displacements, ReadOnlySpan<int> neighbourSpecies,
        Span<double> values, Span<Vec3> gradients, SiteWorkspace workspace)
    {
        var c = Load(center, displacements, neighbourSpecies, workspace, withGradients: true);
        int manyBody = c.FunctionCount, count = displacements.Length;
        CheckLength(values.Length, manyBody + PairFunctionCount, nameof(values));
        CheckLength(gradients.Length, (manyBody + PairFunctionCount) * count, nameof(gradients));
        ManyBodyKernels.Values(c, workspace, values[..manyBody]);
        VanishingFunctions.ZeroValues(VanishingAt(center, count), count, values[..manyBody]);
        GradientKernel.Evaluate(c, workspace, gradients[..(manyBody * count)], VanishingAt(center, count));
        _pair?.Evaluate(center, workspace, values[manyBody..], gradients[(manyBody * count)..]);
    }

    /// <summary>
    /// Values (as <see cref="EvaluateSite"/>) and gradients of one site, the gradients handed to
    /// <paramref name="sink"/> a block of functions at a time (many-body functions in blocks, then the pair functions),
    /// so that they can be scattered while in cache; the same numbers as the overload that writes them all.
    /// </summary>
    /// <param name="center">The species index of the center atom.</param>
    /// <param name="displacements">r_j - r_i for every neighbour, each within the pair cutoff.</param>
    /// <param name="neighbourSpecies">The species index of every neighbour.</param>
    /// <param name="values">Output, length <see cref="SiteFunctionCount"/>(center).</param>
    /// <param name="sink">Receives the gradients of every site function once, in order.</param>
    /// <param name="workspace">A workspace of this basis.</param>
    public void EvaluateSiteWithGradients(int center, ReadOnlySpan<Vec3> displacements, ReadOnlySpan<int> neighbourSpecies,
        Span<double> values, ISiteGradientSink sink, SiteWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var c = Load(center, displacements, neighbourSpecies, workspace, withGradients: true);
        int manyBody = c.FunctionCount, count = displacements.Length;
        CheckLength(values.Length, manyBody + PairFunctionCount, nameof(values));
        ManyBodyKernels.Values(c, workspace, values[..manyBody]);
        VanishingFunctions.ZeroValues(VanishingAt(center, count), count, values[..manyBody]);
        GradientKernel.Evaluate(c, workspace, sink, VanishingAt(center, count));
        if (_pair is not null)
        {
            var pairGradients = workspace.GradientRows(PairFunctionCount * count);
            _pair.Evaluate(center, workspace, values[manyBody..], pairGradients);
            sink.Accept(manyBody, PairFunctionCount, pairGradients);
        }
    }

    /// <summary>
    /// A model for fast energies and forces with coefficients for every column (length <see cref="FunctionCount"/>):
    /// it precomputes c~ = C^T c per center so that an evaluation costs one backward sweep, independent of the
    /// number of functions.
    /// </summary>
    public SiteEnergyModel CreateEnergyModel(ReadOnlySpan<double> coefficients)
    {
        CheckLength(coefficients.Length, FunctionCount, nameof(coefficients));
        var nodeCoefficients = new double[_centers.Length][];
        for (int c = 0; c < _centers.Length; c++)
        {
            var center = _centers[c];
            nodeCoefficients[c] = center.Map.TransposeMultiply(coefficients.Slice(center.ColumnStart, center.FunctionCount));
        }
        var pairCoefficients = _pair is null ? [] : coefficients.Slice(_pair.ColumnStart, _pair.FunctionCount).ToArray();
        return new SiteEnergyModel(this, nodeCoefficients, pairCoefficients);
    }

    /// <summary>
    /// The many-body site energy of center species <paramref name="center"/> for the coefficients of every column
    /// (length <see cref="FunctionCount"/>) as a polynomial in the center's A functions (<see cref="ProductTerm"/>s:
    /// coefficient times a product of <see cref="OneParticleFunction"/>s with real harmonics), exactly as the evaluator
    /// computes it: E_i = sum over terms of Coefficient * prod A. Ordinary and purified bases alike; the pair basis is not
    /// included (see <see cref="PairRadial"/> and <see cref="PairColumn"/>). Used by exporters to other formats. In a purified
    /// basis with fitted radials, a factor whose N exceeds every label n of its channels is a product channel (its radial is
    /// a product function of <see cref="ManyBodyRadial"/>).
    /// </summary>
    public IReadOnlyList<ProductTerm> ExpandSiteEnergy(int center, ReadOnlySpan<double> coefficients)
    {
        CheckSpecies(center, nameof(center));
        CheckLength(coefficients.Length, FunctionCount, nameof(coefficients));
        var c = _centers[center];
        return ProductExpansion.Expand(c, coefficients.Slice(c.ColumnStart, c.FunctionCount));
    }

    /// <summary>
    /// The many-body radial basis of the A functions of center <paramref name="center"/> with neighbours of species
    /// <paramref name="neighbour"/> (radial label n is function n - 1; for fitted radials, a <see cref="FittedRadialBasis"/>,
    /// function i is channel i of <see cref="FittedRadialChannels"/>), or null when no function of the center uses that
    /// species. For a purified basis this is the extended basis (more functions than the labels show; with fitted radials
    /// the product functions after the fitted rows).
    /// </summary>
    public IRadialBasis? ManyBodyRadial(int center, int neighbour)
    {
        CheckSpecies(center, nameof(center));
        CheckSpecies(neighbour, nameof(neighbour));
        return _centers[center].RadialBySpecies[neighbour];
    }

    /// <summary>
    /// The channels (n, l) of the fitted radial functions of center <paramref name="center"/> with neighbours of species
    /// <paramref name="neighbour"/>, in the row order of its <see cref="FittedRadialBasis"/> (its fitted rows; the product
    /// functions of a purified basis follow them and are not listed); null when that pair's radials are fixed (label n is
    /// function n - 1) or unused.
    /// </summary>
    public IReadOnlyList<RadialChannel>? FittedRadialChannels(int center, int neighbour)
    {
        CheckSpecies(center, nameof(center));
        CheckSpecies(neighbour, nameof(neighbour));
        var c = _centers[center];
        if (c.RadialBySpecies[neighbour] is not FittedRadialBasis fitted)
        {
            return null;
        }
        var layout = c.Layout;
        var channels = new RadialChannel[fitted.FittedCount];
        for (int i = 0; i < channels.Length; i++)
        {
            var label = layout.Channels[layout.SpeciesChannelStart[neighbour] + i];
            channels[i] = new RadialChannel(label.N, label.L);
        }
        return channels;
    }

    /// <summary>The pair-basis radial functions J_1 .. J_MaxDegree of the unordered pair (a, b), or null without a pair basis.</summary>
    public IRadialBasis? PairRadial(int speciesA, int speciesB)
    {
        CheckSpecies(speciesA, nameof(speciesA));
        CheckSpecies(speciesB, nameof(speciesB));
        return _pair?.RadialByCenter[speciesA][speciesB];
    }

    internal CenterBasis Center(int species) => _centers[species];

    internal PairBasisSet? Pair => _pair;

    /// <summary>
    /// The one neighbourhood load of a site, shared by values, gradients and energies: validates and sorts the
    /// neighbours, then evaluates the harmonics (with gradients when asked), the many-body radials and, with a pair
    /// basis, the pair radials.
    /// </summary>
    internal CenterBasis Load(int center, ReadOnlySpan<Vec3> displacements, ReadOnlySpan<int> neighbourSpecies,
        SiteWorkspace workspace, bool withGradients)
    {
        NeighbourStage.Load(this, center, displacements, neighbourSpecies, workspace);
        var c = _centers[center];
        NeighbourStage.Harmonics(workspace, c.Layout.MaxL, withGradients);
        NeighbourStage.Radials(workspace, c.RadialBySpecies);
        if (_pair is { } pair)
        {
            NeighbourStage.PairRadials(workspace, pair.RadialByCenter[center]);
        }
        return c;
    }

    /// <summary>
    /// For each many-body function of a center, the number of neighbours below which it vanishes identically (values and
    /// gradients): a fully purified function of correlation order nu needs nu neighbours, a pure2b function of order
    /// &gt;= 2 needs two; ordinary functions need none (0).
    /// </summary>
    private static int[] NeighboursNeeded(PurificationOptions? purification, ReadOnlySpan<BasisFunctionLabel> functions)
    {
        var needed = new int[functions.Length];
        for (int f = 0; f < needed.Length; f++)
        {
            int order = functions[f].CorrelationOrder;
            needed[f] = purification?.Kind switch
            {
                PurificationKind.Full => order,
                PurificationKind.Pure2b => order >= 2 ? 2 : 0,
                _ => 0,
            };
        }
        return needed;
    }

    /// <summary>
    /// Writes exact zeros for the functions that vanish identically on a site with <paramref name="neighbourCount"/>
    /// neighbours (<see cref="NeighboursNeeded"/>): the kernels leave round-off there (the corrections cancel the products
    /// only to rounding), which a weak prior can amplify into coefficients a fit should leave at zero.
    /// </summary>
    /// <summary>The neighbours each function of center <paramref name="center"/> needs, or empty when a site with
    /// <paramref name="neighbourCount"/> neighbours has them all (the usual case: nothing to zero).</summary>
    private ReadOnlySpan<int> VanishingAt(int center, int neighbourCount) =>
        neighbourCount >= _mostNeighboursNeeded[center] ? [] : _neighboursNeeded[center];

    private void CheckSpecies(int species, string name)
    {
        if ((uint)species >= (uint)Elements.Count)
        {
            throw new ArgumentOutOfRangeException(name, species, $"species indices are 0 .. {Elements.Count - 1} (elements {string.Join(", ", Elements)})");
        }
    }

    private static void CheckLength(int actual, int expected, string name)
    {
        if (actual != expected)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} has length {actual}; expected {expected}"), name);
        }
    }
}
