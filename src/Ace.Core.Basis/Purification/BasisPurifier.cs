using Ace.Core.Basis.Enumeration;
using Ace.Core.Basis.Evaluation;
using Ace.Core.Basis.Purification.Expansion;
using Ace.Core.Primitives.Radial;

namespace Ace.Core.Basis.Purification;

/// <summary>
/// Builds purified ("self-interaction-free") ACE bases (ace-math.md section 5; Ho, Gutleb, Ortner 2024); reached through
/// <see cref="AceBasis.Build(AceBasisSpecification)"/> when <see cref="AceBasisSpecification.Purification"/> is set. The purified basis has the
/// same columns and labels as the ordinary one (minus any orders removed by
/// <see cref="PurificationOptions.RemoveUpToCorrelationOrder"/>); each many-body function becomes
/// Bp = C AAp = (C C_pure) AA_ext, a precomputed sparse map onto products of an extended one-particle basis, evaluated by the
/// ordinary A / AA / B machinery (values, gradients, adjoint forces). Needs, for every element pair, a product-closed radial
/// basis (<see cref="TransformedJacobiRadialSpecification"/>: one-neighbour products expand in the family) or fitted radials
/// (<see cref="FittedRadialSpecification"/>: each one-neighbour product is a product channel of its own,
/// <see cref="FittedRadialProducts"/>, evaluated as the product of the fitted rows for any W).
/// </summary>
internal static class BasisPurifier
{
    /// <summary>
    /// The purified basis of a specification whose <see cref="AceBasisSpecification.Purification"/> is set: the ordinary basis
    /// of the same specification, then its purification. The result's <see cref="AceBasis.Specification"/> is
    /// <paramref name="specification"/> itself.
    /// </summary>
    /// <exception cref="ArgumentException">The specification is invalid or asks to purify a fixed radial basis that is not product-closed.</exception>
    public static AceBasis Build(AceBasisSpecification specification)
    {
        ArgumentNullException.ThrowIfNull(specification);
        var options = specification.Purification
            ?? throw new ArgumentException("the specification asks for no purification (Purification is null)", nameof(specification));
        specification.Validate();
        options.Validate(specification.MaxCorrelationOrder);
        RequireProductClosed(specification);
        var ordinary = AceBasisBuilder.Build(specification with { Purification = null });
        int speciesCount = ordinary.Elements.Count;

        var angular = new AngularProductTable();
        var radialTables = new Dictionary<IRadialBasis, RadialProductTable>(ReferenceEqualityComparer.Instance);
        var fittedProducts = new FittedRadialProducts?[speciesCount, speciesCount];
        var plans = new PurifiedCenterPlan[speciesCount];
        for (int c = 0; c < speciesCount; c++)
        {
            var center = ordinary.Center(c);
            var tables = new IRadialProducts?[speciesCount];
            for (int z = 0; z < speciesCount; z++)
            {
                if (center.RadialBySpecies[z] is FittedRadialBasis)
                {
                    tables[z] = fittedProducts[c, z] = new FittedRadialProducts(LargestChannelN(center.Layout, z));
                }
                else if (center.RadialBySpecies[z] is { } radial)
                {
                    if (!radialTables.TryGetValue(radial, out var table))
                    {
                        table = new RadialProductTable(ProductClosed(radial, ordinary, c, z));
                        radialTables[radial] = table;
                    }
                    tables[z] = table;
                }
            }
            plans[c] = PurifiedCenterPlan.Create(center, speciesCount, options, tables, angular);
        }

        var extended = ExtendedRadials(ordinary, plans, fittedProducts);
        var centers = new CenterBasis[speciesCount];
        var labels = new List<BasisFunctionLabel>();
        for (int c = 0; c < speciesCount; c++)
        {
            var radialBySpecies = new IRadialBasis?[speciesCount];
            for (int z = 0; z < speciesCount; z++)
            {
                radialBySpecies[z] = extended[c, z];
            }
            centers[c] = plans[c].Build(labels.Count, radialBySpecies);
            int start = ordinary.ColumnRange(c).Start;
            foreach (int row in plans[c].KeptRows)
            {
                labels.Add(ordinary.Functions[start + row] with { Column = labels.Count });
            }
        }

        PairBasisSet? pair = null;
        if (ordinary.Pair is { } original)
        {
            var pairRadial = new IRadialBasis[speciesCount, speciesCount];
            for (int a = 0; a < speciesCount; a++)
            {
                for (int b = 0; b < speciesCount; b++)
                {
                    pairRadial[a, b] = original.RadialByCenter[a][b]!;
                }
            }
            pair = new PairBasisSet(speciesCount, original.MaxDegree, labels.Count, pairRadial);
            var pairColumns = ordinary.PairColumnRange;
            for (int col = pairColumns.Start; col < pairColumns.End; col++)
            {
                labels.Add(ordinary.Functions[col] with { Column = labels.Count });
            }
        }

        var cutoffs = new double[speciesCount, speciesCount];
        for (int a = 0; a < speciesCount; a++)
        {
            for (int b = 0; b < speciesCount; b++)
            {
                cutoffs[a, b] = ordinary.Cutoff(a, b);
            }
        }
        return new AceBasis(specification, centers, pair, labels, cutoffs);
    }

    /// <summary>The largest label n of the channels of neighbour species <paramref name="z"/> in <paramref name="layout"/> (0 without any).</summary>
    private static int LargestChannelN(OneParticleLayout layout, int z)
    {
        int largest = 0;
        for (int ch = layout.SpeciesChannelStart[z]; ch < layout.SpeciesChannelStart[z + 1]; ch++)
        {
            largest = Math.Max(largest, layout.Channels[ch].N);
        }
        return largest;
    }

    /// <summary>
    /// Throws when a fixed many-body radial basis of <paramref name="specification"/> is not product-closed, saying which pair
    /// and why purification needs it (fitted radials need no product rule: their products become product channels).
    /// </summary>
    /// <exception cref="ArgumentException">Some element pair uses a fixed radial basis that is not product-closed (e.g. ChebExpCos).</exception>
    private static void RequireProductClosed(AceBasisSpecification specification)
    {
        var elements = specification.Elements;
        var radials = AceBasisBuilder.PairSpecifications(elements, specification.Radial, specification.PairRadials);
        for (int a = 0; a < elements.Count; a++)
        {
            for (int b = a; b < elements.Count; b++)
            {
                if (radials[a, b] is not FittedRadialSpecification && !radials[a, b].IsProductClosed)
                {
                    throw new ArgumentException(NotProductClosedMessage($"{elements[a]}-{elements[b]}", radials[a, b].GetType().Name), nameof(specification));
                }
            }
        }
    }

    private static string NotProductClosedMessage(string pair, string radialKind) =>
        $"cannot purify: the many-body radial basis of the {pair} pair is {radialKind}, which is not product-closed. Purification rewrites " +
        "every product of one-particle functions at the same neighbour, R_a(r) R_b(r), as an exact finite sum of radial functions of the " +
        "same family; only a product-closed family such as TransformedJacobi (polynomials in y times a fixed envelope) allows that. " +
        "Use TransformedJacobiRadialSpecification for the many-body basis, or fit the radials over this family (FittedRadialSpecification, " +
        "whose one-neighbour products become radial functions of their own); a pair basis may keep any radial basis.";

    /// <summary>The radial basis as a product-closed one; <see cref="RequireProductClosed"/> has checked its specification.</summary>
    private static IProductClosedRadialBasis ProductClosed(IRadialBasis radial, AceBasis basis, int center, int neighbour) =>
        radial as IProductClosedRadialBasis
        ?? throw new InvalidOperationException(NotProductClosedMessage($"{basis.Elements[center]}-{basis.Elements[neighbour]}", radial.GetType().Name));

    /// <summary>
    /// The radial basis of every element pair, extended to what the purified centers need: a fixed family gets more functions
    /// (shared by (a, b) and (b, a)); fitted radials, per ordered pair, keep the fitted rows of the channels the purified center
    /// uses and gain one product function per product channel.
    /// </summary>
    private static IRadialBasis?[,] ExtendedRadials(AceBasis basis, PurifiedCenterPlan[] plans, FittedRadialProducts?[,] fittedProducts)
    {
        int s = plans.Length;
        var result = new IRadialBasis?[s, s];
        for (int a = 0; a < s; a++)
        {
            for (int b = a; b < s; b++)
            {
                if (basis.Center(a).RadialBySpecies[b] is FittedRadialBasis || basis.Center(b).RadialBySpecies[a] is FittedRadialBasis)
                {
                    result[a, b] = FittedWithProducts(basis, plans[a].Layout, a, b, fittedProducts[a, b]);
                    result[b, a] = FittedWithProducts(basis, plans[b].Layout, b, a, fittedProducts[b, a]);
                    continue;
                }
                int count = Math.Max(plans[a].Layout.RadialCountBySpecies[b], plans[b].Layout.RadialCountBySpecies[a]);
                if (count == 0)
                {
                    continue;
                }
                var original = basis.Center(a).RadialBySpecies[b] ?? basis.Center(b).RadialBySpecies[a]
                    ?? throw new InvalidOperationException($"the purified basis needs the {basis.Elements[a]}-{basis.Elements[b]} radial basis, which the original lacks");
                result[a, b] = result[b, a] = ProductClosed(original, basis, a, b).WithCount(count);
            }
        }
        return result;
    }

    /// <summary>
    /// The fitted radials of the purified center <paramref name="center"/> with neighbours of species <paramref name="neighbour"/>:
    /// one row per channel of the extended layout in row order, the fitted channels with the original basis's W, the product
    /// channels as products of those rows; null when the purified center uses no such neighbour.
    /// </summary>
    private static FittedRadialBasis? FittedWithProducts(AceBasis basis, OneParticleLayout layout, int center, int neighbour, FittedRadialProducts? products)
    {
        int first = layout.SpeciesChannelStart[neighbour], last = layout.SpeciesChannelStart[neighbour + 1];
        if (first == last)
        {
            return null;
        }
        var original = (FittedRadialBasis)basis.Center(center).RadialBySpecies[neighbour]!;
        var originalRows = basis.FittedRadialChannels(center, neighbour)!;
        int k = original.Primitive.Count;
        var rowOf = new Dictionary<RadialChannel, int>();
        var w = new List<double>();
        var productRows = new List<IReadOnlyList<int>>();
        for (int ch = first; ch < last; ch++)
        {
            var label = layout.Channels[ch];
            if (products is not null && label.N >= products.FirstProductN)
            {
                productRows.Add(products.Factors(label.N).Select(f => rowOf[new RadialChannel(f.N, f.L)]).ToArray());
                continue;
            }
            if (productRows.Count > 0)
            {
                throw new InvalidOperationException($"the fitted channel n = {label.N}, l = {label.L} of {basis.Elements[center]}-{basis.Elements[neighbour]} follows a product channel");
            }
            var channel = new RadialChannel(label.N, label.L);
            int row = IndexOf(originalRows, channel);
            rowOf[channel] = rowOf.Count;
            w.AddRange(original.Coefficients.Slice(row * k, k));
        }
        return new FittedRadialBasis(original.Primitive, w.ToArray(), productRows);
    }

    private static int IndexOf(IReadOnlyList<RadialChannel> channels, RadialChannel channel)
    {
        for (int i = 0; i < channels.Count; i++)
        {
            if (channels[i] == channel)
            {
                return i;
            }
        }
        throw new InvalidOperationException($"the purified basis uses the radial channel n = {channel.N}, l = {channel.L}, which the original basis lacks");
    }
}
