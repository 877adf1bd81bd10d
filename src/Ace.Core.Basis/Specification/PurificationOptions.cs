using System.Globalization;
using System.Text.Json.Serialization;

namespace Ace.Core.Basis;

/// <summary>Which self-interaction terms a purified basis removes (ace-math.md section 5).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PurificationKind>))]
public enum PurificationKind
{
    /// <summary>
    /// Full purification: every product of A functions becomes the sum over pairwise DISTINCT neighbours, so a function of
    /// correlation order nu vanishes on any atom with fewer than nu neighbours.
    /// </summary>
    Full,

    /// <summary>
    /// The ACE1x "pure2b" correction (ACE1x's default, the study's self-interacting basis): every function of correlation
    /// order &gt;= 2 whose one-particle labels all have the same element (any l) loses its fully diagonal self-term (all
    /// neighbours equal), a combination of order-1 functions (with fitted radials, one order-1 function of the product of
    /// its radials); every many-body function then vanishes on an atom with one neighbour, while the partly diagonal terms
    /// (some neighbours equal) stay.
    /// </summary>
    Pure2b,
}

/// <summary>
/// How to purify a many-body basis (ACE without self-interaction). Stored in
/// <see cref="AceBasisSpecification.Purification"/> so that a saved specification rebuilds the same purified basis.
/// </summary>
/// <param name="Kind">Full purification or the pure2b correction.</param>
/// <param name="RemoveUpToCorrelationOrder">
/// Drop the many-body functions of correlation order &lt;= this value (0 keeps all; 1 drops order 1, usual when a separate
/// pair basis carries the two-body term). Counted in correlation order (body order = correlation order + 1).
/// </param>
public sealed record PurificationOptions(PurificationKind Kind = PurificationKind.Full, int RemoveUpToCorrelationOrder = 0)
{
    /// <summary>Checks the options against a basis of <paramref name="maxCorrelationOrder"/>; throws <see cref="ArgumentException"/> saying what is wrong.</summary>
    public void Validate(int maxCorrelationOrder)
    {
        if (!Enum.IsDefined(Kind))
        {
            throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "the purification kind must be Full or Pure2b");
        }
        if (RemoveUpToCorrelationOrder < 0 || RemoveUpToCorrelationOrder >= maxCorrelationOrder)
        {
            throw new ArgumentOutOfRangeException(nameof(RemoveUpToCorrelationOrder), RemoveUpToCorrelationOrder,
                string.Create(CultureInfo.InvariantCulture,
                    $"RemoveUpToCorrelationOrder must lie in 0 .. {maxCorrelationOrder - 1} (the basis has correlation orders up to {maxCorrelationOrder}; removing them all leaves no many-body function)"));
        }
    }
}
