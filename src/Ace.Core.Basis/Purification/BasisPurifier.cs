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
/// ordinary A / AA / B machinery (values, gradients, adjoint forces). Needs a product-closed radial basis
/// (<see cref="TransformedJacobiRadialSpecification"/>).
/// </summary>
internal static class BasisPurifier
{
    /// <summary>
    /// The purified basis of a specification whose <see cref="AceBasisSpecification.Purification"/> is set: the ordinary basis
    /// of the same specification, then its purification. The result's <see cref="AceBasis.Specification"/> is
    /// <paramref name="specification"/> itself.
    /// </summary>
    /// <exception cref="ArgumentException">The specification is invalid or asks to purify a radial basis that is not product-closed.</exception>
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
        var plans = new PurifiedCenterPlan[speciesCount];
        for (int c = 0; c < speciesCount; c++)
        {
            var center = ordinary.Center(c);
            var tables = new RadialProductTable?[speciesCount];
            for (int z = 0; z < speciesCount; z++)
            {
                if (center.RadialBySpecies[z] is { } radial)
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

        var extended = ExtendedRadials(ordinary, plans);
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

    /// <summary>
    /// Throws when a many-body radial basis of <paramref name="specification"/> is not product-closed, saying which pair and why
    /// purification needs it.
    /// </summary>
    /// <exception cref="ArgumentException">Some element pair uses a radial basis that is not product-closed (e.g. ChebExpCos).</exception>
    private static void RequireProductClosed(AceBasisSpecification specification)
    {
        var elements = specification.Elements;
        var radials = AceBasisBuilder.PairSpecifications(elements, specification.Radial, specification.PairRadials);
        for (int a = 0; a < elements.Count; a++)
        {
            for (int b = a; b < elements.Count; b++)
            {
                if (!radials[a, b].IsProductClosed)
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
        "Use TransformedJacobiRadialSpecification for the many-body basis (a pair basis may keep any radial basis).";

    /// <summary>The radial basis as a product-closed one; <see cref="RequireProductClosed"/> has checked its specification.</summary>
    private static IProductClosedRadialBasis ProductClosed(IRadialBasis radial, AceBasis basis, int center, int neighbour) =>
        radial as IProductClosedRadialBasis
        ?? throw new InvalidOperationException(NotProductClosedMessage($"{basis.Elements[center]}-{basis.Elements[neighbour]}", radial.GetType().Name));

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
