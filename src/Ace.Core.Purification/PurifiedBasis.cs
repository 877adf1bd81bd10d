using Ace.Core.Basis;
using Ace.Core.Basis.Evaluation;
using Ace.Core.Primitives.Radial;
using Ace.Core.Purification.Expansion;

namespace Ace.Core.Purification;

/// <summary>
/// Builds purified ("self-interaction-free") ACE bases (ace-math.md section 5; Ho, Gutleb, Ortner 2024). The purified
/// basis has the same columns and labels as the original (minus any orders removed by
/// <see cref="PurificationOptions.RemoveUpToCorrelationOrder"/>); each many-body function becomes
/// Bp = C AAp = (C C_pure) AA_ext, a precomputed sparse map onto products of an extended one-particle basis, evaluated by the
/// ordinary A / AA / B machinery of <see cref="AceBasis"/> (values, gradients, adjoint forces). Needs a product-closed
/// radial basis (<see cref="TransformedJacobiRadialSpecification"/>).
/// </summary>
public static class PurifiedBasis
{
    /// <summary>
    /// Builds the basis a specification describes: the ordinary basis when <see cref="AceBasisSpecification.Purification"/> is
    /// null, otherwise the purified one. Deterministic: a saved specification rebuilds the same basis.
    /// </summary>
    /// <exception cref="ArgumentException">The specification is invalid or asks to purify a radial basis that is not product-closed.</exception>
    public static AceBasis Build(AceBasisSpecification specification)
    {
        ArgumentNullException.ThrowIfNull(specification);
        if (specification.Purification is not { } options)
        {
            return AceBasis.Build(specification);
        }
        specification.Validate();
        options.Validate(specification.MaxCorrelationOrder);
        RequireProductClosed(specification, nameof(specification));
        return Purify(AceBasis.Build(specification with { Purification = null }), options);
    }

    /// <summary>
    /// The purified version of an ordinary basis. Its <see cref="AceBasis.Specification"/> is the original one with
    /// <see cref="AceBasisSpecification.Purification"/> = <paramref name="options"/>, so <see cref="AceBasis.IsPurified"/> is true.
    /// </summary>
    /// <param name="basis">An ordinary (not yet purified) basis on a product-closed radial basis.</param>
    /// <param name="options">What to purify and which orders to remove.</param>
    /// <exception cref="ArgumentException">The basis is already purified, its radial basis is not product-closed, or the options are invalid.</exception>
    public static AceBasis Purify(AceBasis basis, PurificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentNullException.ThrowIfNull(options);
        if (basis.IsPurified)
        {
            throw new ArgumentException($"the basis is already purified ({basis.Purification}); purify the ordinary basis instead", nameof(basis));
        }
        options.Validate(basis.MaxCorrelationOrder);
        RequireProductClosed(basis.Specification, nameof(basis));
        int speciesCount = basis.Elements.Count;

        var angular = new AngularProductTable();
        var radialTables = new Dictionary<IRadialBasis, RadialProductTable>(ReferenceEqualityComparer.Instance);
        var plans = new PurifiedCenterPlan[speciesCount];
        for (int c = 0; c < speciesCount; c++)
        {
            var center = basis.Center(c);
            var tables = new RadialProductTable?[speciesCount];
            for (int z = 0; z < speciesCount; z++)
            {
                if (center.RadialBySpecies[z] is { } radial)
                {
                    if (!radialTables.TryGetValue(radial, out var table))
                    {
                        table = new RadialProductTable(ProductClosed(radial, basis, c, z));
                        radialTables[radial] = table;
                    }
                    tables[z] = table;
                }
            }
            plans[c] = PurifiedCenterPlan.Create(center, speciesCount, options, tables, angular);
        }

        var extended = ExtendedRadials(basis, plans);
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
            int start = basis.ColumnRange(c).Start;
            foreach (int row in plans[c].KeptRows)
            {
                labels.Add(basis.Functions[start + row] with { Column = labels.Count });
            }
        }

        PairBasisSet? pair = null;
        if (basis.Pair is { } original)
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
            var pairColumns = basis.PairColumnRange;
            for (int col = pairColumns.Start; col < pairColumns.End; col++)
            {
                labels.Add(basis.Functions[col] with { Column = labels.Count });
            }
        }

        var cutoffs = new double[speciesCount, speciesCount];
        for (int a = 0; a < speciesCount; a++)
        {
            for (int b = 0; b < speciesCount; b++)
            {
                cutoffs[a, b] = basis.Cutoff(a, b);
            }
        }
        return new AceBasis(basis.Specification with { Purification = options }, centers, pair, labels, cutoffs);
    }

    /// <summary>
    /// Throws when a many-body radial basis of <paramref name="specification"/> is not product-closed, saying which pair and why
    /// purification needs it.
    /// </summary>
    /// <exception cref="ArgumentException">Some element pair uses a radial basis that is not product-closed (e.g. ChebExpCos).</exception>
    internal static void RequireProductClosed(AceBasisSpecification specification, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(specification);
        var elements = specification.Elements;
        for (int a = 0; a < elements.Count; a++)
        {
            for (int b = a; b < elements.Count; b++)
            {
                var radial = specification.PairRadials?.FirstOrDefault(o =>
                    (o.ElementA == elements[a] && o.ElementB == elements[b]) || (o.ElementA == elements[b] && o.ElementB == elements[a]))?.Radial
                    ?? specification.Radial;
                if (!radial.IsProductClosed)
                {
                    throw new ArgumentException(NotProductClosedMessage($"{elements[a]}-{elements[b]}", radial.GetType().Name), parameterName);
                }
            }
        }
    }

    private static string NotProductClosedMessage(string pair, string radialKind) =>
        $"cannot purify: the many-body radial basis of the {pair} pair is {radialKind}, which is not product-closed. Purification rewrites " +
        "every product of one-particle functions at the same neighbour, R_a(r) R_b(r), as an exact finite sum of radial functions of the " +
        "same family; only a product-closed family such as TransformedJacobi (polynomials in y times a fixed envelope) allows that. " +
        "Use TransformedJacobiRadialSpecification for the many-body basis (a pair basis may keep any radial basis).";

    private static IProductClosedRadialBasis ProductClosed(IRadialBasis radial, AceBasis basis, int center, int neighbour) =>
        radial as IProductClosedRadialBasis
        ?? throw new ArgumentException(NotProductClosedMessage($"{basis.Elements[center]}-{basis.Elements[neighbour]}", radial.GetType().Name), nameof(basis));

    /// <summary>The radial basis of every element pair, extended (same family, more functions) to what the purified centers need.</summary>
    private static IRadialBasis?[,] ExtendedRadials(AceBasis basis, PurifiedCenterPlan[] plans)
    {
        int s = plans.Length;
        var result = new IRadialBasis?[s, s];
        for (int a = 0; a < s; a++)
        {
            for (int b = a; b < s; b++)
            {
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
}
