using System.Diagnostics;
using Ace.Core.Basis.Evaluation;
using Ace.Core.Primitives.Coupling;
using Ace.Core.Primitives.Radial;

namespace Ace.Core.Basis.Enumeration;

/// <summary>
/// Builds the ordinary (self-interacting) <see cref="AceBasis"/> of a specification, deterministically: for each center
/// element (in specification order), each correlation order, each sorted label tuple (lexicographic in (species, n, l))
/// and each independent invariant of that tuple, one column; then the pair-basis columns. A purified basis starts from
/// this one (<c>Purification.BasisPurifier</c>).
/// </summary>
internal static class AceBasisBuilder
{
    /// <summary>Coupling coefficients below this fraction of an invariant's largest one are treated as exact zeros.</summary>
    private const double CoefficientTolerance = 1e-14;

    public static AceBasis Build(AceBasisSpecification spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Debug.Assert(spec.Purification is null, "the ordinary basis of a purified specification is built from the specification without its purification");
        spec.Validate();
        if (spec.MaxCorrelationOrder > CouplingCoefficients.MaxOrder)
        {
            throw new ArgumentOutOfRangeException(nameof(spec), spec.MaxCorrelationOrder,
                $"the maximum correlation order is {spec.MaxCorrelationOrder}, but coupling coefficients exist up to order {CouplingCoefficients.MaxOrder} (body order {CouplingCoefficients.MaxOrder + 1})");
        }
        int speciesCount = spec.Elements.Count;
        var couplings = new CouplingCache();

        var manyBodyRadialSpec = PairSpecifications(spec.Elements, spec.Radial, spec.PairRadials);
        var blocksByCenter = new List<(LabelIndex[] Tuple, CoupledInvariants Invariants)>[speciesCount];
        var layouts = new OneParticleLayout[speciesCount];
        int firstOrder = spec.IncludeCorrelationOrderOne ? 1 : 2;
        var ace1x = spec.Selection is TotalDegreeSelection { Arithmetic: TotalDegreeArithmetic.Ace1xFloatingPoint } total
            ? Ace1xTupleWalk.Reachable(total, speciesCount, spec.MaxCorrelationOrder)
            : null;
        for (int c = 0; c < speciesCount; c++)
        {
            var blocks = new List<(LabelIndex[], CoupledInvariants)>();
            for (int order = firstOrder; order <= spec.MaxCorrelationOrder; order++)
            {
                foreach (var tuple in LabelTupleEnumerator.Enumerate(spec.Selection, speciesCount, order))
                {
                    if (ace1x is not null && !ace1x.Contains(Ace1xTupleWalk.Key(tuple)))
                    {
                        continue;
                    }
                    var l = tuple.Select(t => t.L).ToArray();
                    var invariants = couplings.Get(l, LabelTupleEnumerator.LabelClasses(tuple));
                    if (invariants.InvariantCount > 0)
                    {
                        blocks.Add((tuple, invariants));
                    }
                }
            }
            blocksByCenter[c] = blocks;
            var fitted = Enumerable.Range(0, speciesCount).Select(z => manyBodyRadialSpec[c, z] is FittedRadialSpecification).ToArray();
            layouts[c] = new OneParticleLayout(speciesCount, blocks.SelectMany(b => b.Item1), fitted);
        }

        var radial = ManyBodyRadials(spec.Elements, manyBodyRadialSpec, layouts);
        var centers = new CenterBasis[speciesCount];
        var labels = new List<BasisFunctionLabel>();
        for (int c = 0; c < speciesCount; c++)
        {
            var radialBySpecies = new IRadialBasis?[speciesCount];
            for (int z = 0; z < speciesCount; z++)
            {
                radialBySpecies[z] = radial[c, z];
            }
            centers[c] = BuildCenter(spec, c, labels.Count, layouts[c], blocksByCenter[c], radialBySpecies, labels);
        }

        var cutoffs = new double[speciesCount, speciesCount];
        for (int a = 0; a < speciesCount; a++)
        {
            for (int b = 0; b < speciesCount; b++)
            {
                cutoffs[a, b] = manyBodyRadialSpec[a, b].Cutoff;
            }
        }

        PairBasisSet? pair = null;
        if (spec.PairBasis is { } pairSpec)
        {
            var pairRadialSpec = PairSpecifications(spec.Elements, pairSpec.Radial, pairSpec.PairRadials);
            var pairRadial = new IRadialBasis[speciesCount, speciesCount];
            for (int a = 0; a < speciesCount; a++)
            {
                for (int b = a; b < speciesCount; b++)
                {
                    pairRadial[a, b] = pairRadial[b, a] = RadialBasisFactory.Create(pairRadialSpec[a, b], pairSpec.MaxDegree);
                    cutoffs[a, b] = cutoffs[b, a] = Math.Max(cutoffs[a, b], pairRadialSpec[a, b].Cutoff);
                }
            }
            pair = new PairBasisSet(speciesCount, pairSpec.MaxDegree, labels.Count, pairRadial);
            for (int a = 0; a < speciesCount; a++)
            {
                for (int b = a; b < speciesCount; b++)
                {
                    for (int n = 1; n <= pairSpec.MaxDegree; n++)
                    {
                        labels.Add(new BasisFunctionLabel(labels.Count, BasisFunctionKind.Pair, spec.Elements[a], 1,
                            [new OneParticleLabel(spec.Elements[b], n, 0)], 0, 1));
                    }
                }
            }
        }
        return new AceBasis(spec, centers, pair, labels, cutoffs);
    }

    private static CenterBasis BuildCenter(AceBasisSpecification spec, int center, int columnStart, OneParticleLayout layout,
        List<(LabelIndex[] Tuple, CoupledInvariants Invariants)> blocks, IRadialBasis?[] radialBySpecies, List<BasisFunctionLabel> labels)
    {
        var graph = new ProductGraphBuilder(layout.Count);
        var map = new SparseRowMatrixBuilder();
        var factors = new int[spec.MaxCorrelationOrder];
        foreach (var (tuple, invariants) in blocks)
        {
            int order = tuple.Length;
            var oneParticle = tuple.Select(t => new OneParticleLabel(spec.Elements[t.Species], t.N, t.L)).ToArray();
            for (int i = 0; i < invariants.InvariantCount; i++)
            {
                var coefficients = invariants.Coefficients.AsSpan(i * invariants.MTupleCount, invariants.MTupleCount);
                double largest = 0;
                foreach (var v in coefficients)
                {
                    largest = Math.Max(largest, Math.Abs(v));
                }
                for (int t = 0; t < invariants.MTupleCount; t++)
                {
                    double coefficient = coefficients[t];
                    if (Math.Abs(coefficient) <= CoefficientTolerance * largest)
                    {
                        continue;
                    }
                    var f = factors.AsSpan(0, order);
                    for (int s = 0; s < order; s++)
                    {
                        f[s] = layout.IndexOf(tuple[s], invariants.MTuples[t * order + s]);
                    }
                    f.Sort();
                    map.Add(graph.GetOrAdd(f), coefficient);
                }
                map.EndRow(0);
                labels.Add(new BasisFunctionLabel(labels.Count, BasisFunctionKind.ManyBody, spec.Elements[center], order,
                    oneParticle, i, invariants.InvariantCount));
            }
        }
        var productGraph = graph.Build(out var nodeIndex);
        return new CenterBasis(center, columnStart, layout, productGraph, map.Build(productGraph.NodeCount, nodeIndex), radialBySpecies);
    }

    /// <summary>
    /// The many-body radial basis of every ordered pair (center, neighbour): a fixed family is shared by (a, b) and (b, a)
    /// with as many functions as either center needs; fitted radials are per ordered pair, one row per channel of the
    /// center's layout (<see cref="FittedRadialSpecification.RowOf"/>).
    /// </summary>
    internal static IRadialBasis?[,] ManyBodyRadials(IReadOnlyList<string> elements, RadialBasisSpecification[,] specifications,
        OneParticleLayout[] layouts)
    {
        int speciesCount = elements.Count;
        var radial = new IRadialBasis?[speciesCount, speciesCount];
        for (int a = 0; a < speciesCount; a++)
        {
            for (int b = a; b < speciesCount; b++)
            {
                if (specifications[a, b] is FittedRadialSpecification fitted)
                {
                    radial[a, b] = FittedRadials(elements, fitted, layouts[a], a, b);
                    radial[b, a] = a == b ? radial[a, b] : FittedRadials(elements, fitted, layouts[b], b, a);
                    continue;
                }
                int count = Math.Max(layouts[a].RadialCountBySpecies[b], layouts[b].RadialCountBySpecies[a]);
                if (count > 0)
                {
                    radial[a, b] = radial[b, a] = RadialBasisFactory.Create(specifications[a, b], count);
                }
            }
        }
        return radial;
    }

    private static FittedRadialBasis? FittedRadials(IReadOnlyList<string> elements, FittedRadialSpecification fitted, OneParticleLayout layout,
        int center, int neighbour)
    {
        int first = layout.SpeciesChannelStart[neighbour], last = layout.SpeciesChannelStart[neighbour + 1];
        if (first == last)
        {
            return null;
        }
        int k = fitted.PrimitiveCount;
        var w = new double[(last - first) * k];
        for (int c = first; c < last; c++)
        {
            var label = layout.Channels[c];
            fitted.RowOf(elements[center], elements[neighbour], label.N, label.L).CopyTo(w, (c - first) * k);
        }
        return new FittedRadialBasis(RadialBasisFactory.Create(fitted.Primitive, k), w);
    }

    /// <summary>The radial specification of every ordered element pair: the override for the pair or the default.</summary>
    internal static RadialBasisSpecification[,] PairSpecifications(IReadOnlyList<string> elements, RadialBasisSpecification fallback,
        IReadOnlyList<ElementPairRadial>? overrides)
    {
        int s = elements.Count;
        var result = new RadialBasisSpecification[s, s];
        for (int a = 0; a < s; a++)
        {
            for (int b = 0; b < s; b++)
            {
                result[a, b] = fallback;
            }
        }
        foreach (var o in overrides ?? [])
        {
            int a = IndexOf(elements, o.ElementA), b = IndexOf(elements, o.ElementB);
            result[a, b] = result[b, a] = o.Radial;
        }
        return result;
    }

    private static int IndexOf(IReadOnlyList<string> elements, string element)
    {
        for (int i = 0; i < elements.Count; i++)
        {
            if (string.Equals(elements[i], element, StringComparison.Ordinal))
            {
                return i;
            }
        }
        throw new ArgumentException($"element '{element}' is not in the basis ({string.Join(", ", elements)})", nameof(element));
    }
}
