namespace Ace.Core.Basis;

/// <summary>
/// How large a basis may be built: checked against <see cref="BasisSizeEstimate"/> before anything is enumerated, so an
/// enormous request (a typo in a degree, an edited potential file) fails at once with its size instead of exhausting
/// memory. Raise a limit for a basis that is really meant to be that large.
/// </summary>
/// <param name="MaxFunctions">The most basis functions (all centre elements, many-body and pair).</param>
/// <param name="MaxProductNodes">The most product-graph nodes (one-particle functions and their products, all centre elements).</param>
/// <param name="MaxEstimatedBytes">The most memory, in bytes, the basis itself is estimated to need.</param>
public sealed record BasisLimits(long MaxFunctions = 50_000, long MaxProductNodes = 5_000_000, long MaxEstimatedBytes = 4L << 30)
{
    /// <summary>The limits used when none are given: 50 000 functions, 5 million product nodes, 4 GiB.</summary>
    public static BasisLimits Default { get; } = new();

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a limit is not positive.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFunctions, 1, nameof(MaxFunctions));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxProductNodes, 1, nameof(MaxProductNodes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxEstimatedBytes, 1, nameof(MaxEstimatedBytes));
    }
}
