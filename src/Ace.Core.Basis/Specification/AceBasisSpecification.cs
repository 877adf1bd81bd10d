using System.Text.Json.Serialization;

namespace Ace.Core.Basis;

/// <summary>
/// Everything that defines an ACE basis, as a plain immutable record graph: building it twice gives the identical
/// basis (same functions, same order, same columns). Element symbols are case-sensitive ("Si", "C").
/// </summary>
/// <param name="Elements">The element symbols, in the order that fixes species indices and column blocks.</param>
/// <param name="Radial">The many-body radial basis for every element pair without an override.</param>
/// <param name="MaxCorrelationOrder">The largest correlation order nu (body order nu + 1), at least 1.</param>
/// <param name="Selection">Which label tuples each correlation order keeps (total degree or n_max / l_max).</param>
/// <param name="PairRadials">Per-unordered-pair overrides of <paramref name="Radial"/> (and so of the cutoff); null for none.</param>
/// <param name="PairBasis">The optional separate two-body basis; null for none.</param>
/// <param name="IncludeCorrelationOrderOne">False drops the many-body functions of correlation order 1 (usual when a pair basis carries the two-body term).</param>
public sealed record AceBasisSpecification(
    IReadOnlyList<string> Elements,
    RadialBasisSpecification Radial,
    int MaxCorrelationOrder,
    FunctionSelection Selection,
    IReadOnlyList<ElementPairRadial>? PairRadials = null,
    PairBasisSpecification? PairBasis = null,
    bool IncludeCorrelationOrderOne = true)
{
    /// <summary>
    /// Null for the ordinary (self-interacting) basis. When set, the specification describes the purified basis, and
    /// <see cref="AceBasis.Build(AceBasisSpecification)"/> builds that.
    /// </summary>
    public PurificationOptions? Purification { get; init; }

    /// <summary>The largest body order, <see cref="MaxCorrelationOrder"/> + 1.</summary>
    [JsonIgnore]
    public int MaxBodyOrder => MaxCorrelationOrder + 1;

    /// <summary>Checks every part and throws <see cref="ArgumentException"/> saying what is wrong.</summary>
    public void Validate()
    {
        if (Elements is null || Elements.Count == 0)
        {
            throw new ArgumentException("the basis needs at least one element", nameof(Elements));
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in Elements)
        {
            if (string.IsNullOrWhiteSpace(e))
            {
                throw new ArgumentException("an element symbol is empty", nameof(Elements));
            }
            if (!seen.Add(e))
            {
                throw new ArgumentException($"element '{e}' is listed twice", nameof(Elements));
            }
        }
        if (MaxCorrelationOrder < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxCorrelationOrder), MaxCorrelationOrder,
                "the maximum correlation order must be at least 1 (body order 2)");
        }
        if (Selection is null)
        {
            throw new ArgumentException("the basis needs a selection rule (TotalDegreeSelection or MaxLabelSelection)", nameof(Selection));
        }
        Selection.Validate(MaxCorrelationOrder);
        if (Radial is null)
        {
            throw new ArgumentException("the basis needs a default radial basis", nameof(Radial));
        }
        Radial.Validate("default radial basis");
        ValidateOverrides(PairRadials, seen, "many-body");
        if (PairBasis is not null)
        {
            if (PairBasis.MaxDegree < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(PairBasis), PairBasis.MaxDegree, "the pair basis needs MaxDegree >= 1");
            }
            if (PairBasis.Radial is null)
            {
                throw new ArgumentException("the pair basis needs a radial basis", nameof(PairBasis));
            }
            PairBasis.Radial.Validate("pair basis radial");
            ValidateOverrides(PairBasis.PairRadials, seen, "pair-basis");
            if (PairBasis.Radial is FittedRadialSpecification || (PairBasis.PairRadials ?? []).Any(o => o.Radial is FittedRadialSpecification))
            {
                throw new ArgumentException("the pair basis needs a fixed radial family: fitted radial functions are for the many-body basis", nameof(PairBasis));
            }
        }
    }

    private static void ValidateOverrides(IReadOnlyList<ElementPairRadial>? overrides, HashSet<string> elements, string what)
    {
        if (overrides is null)
        {
            return;
        }
        var pairs = new HashSet<(string, string)>();
        foreach (var o in overrides)
        {
            if (o is null || o.Radial is null)
            {
                throw new ArgumentException($"a {what} radial override is null", nameof(PairRadials));
            }
            foreach (var e in new[] { o.ElementA, o.ElementB })
            {
                if (e is null || !elements.Contains(e))
                {
                    throw new ArgumentException($"the {what} radial override for pair {o.ElementA}-{o.ElementB} names element '{e}', which is not in the basis", nameof(PairRadials));
                }
            }
            var key = string.CompareOrdinal(o.ElementA, o.ElementB) <= 0 ? (o.ElementA, o.ElementB) : (o.ElementB, o.ElementA);
            if (!pairs.Add(key))
            {
                throw new ArgumentException($"the {what} radial basis for pair {key.Item1}-{key.Item2} is given twice", nameof(PairRadials));
            }
            o.Radial.Validate($"{what} radial basis of pair {o.ElementA}-{o.ElementB}");
        }
    }
}
