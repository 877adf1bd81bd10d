namespace Ace.Core.Basis;

/// <summary>
/// A basis specification asks for more than the <see cref="BasisLimits"/> allow; the message gives the estimated size
/// (<see cref="Estimate"/>), the limit exceeded and how to raise it. Thrown before any enumeration.
/// </summary>
public sealed class BasisTooLargeException : ArgumentException
{
    /// <summary>The exception for <paramref name="estimate"/>, which exceeds <paramref name="limits"/>.</summary>
    public BasisTooLargeException(BasisSizeEstimate estimate, BasisLimits limits)
        : base(Describe(estimate, limits), "specification")
    {
        Estimate = estimate;
        Limits = limits;
    }

    /// <summary>An exception with a message only (prefer the constructor with the estimate).</summary>
    public BasisTooLargeException()
        : this("the basis is larger than the limits allow")
    {
    }

    /// <summary>An exception with a message only (prefer the constructor with the estimate).</summary>
    public BasisTooLargeException(string message)
        : base(message)
    {
        Limits = BasisLimits.Default;
    }

    /// <summary>An exception with a message and its cause.</summary>
    public BasisTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
        Limits = BasisLimits.Default;
    }

    /// <summary>The estimated size (null when constructed from a message only).</summary>
    public BasisSizeEstimate? Estimate { get; }

    /// <summary>The limits exceeded.</summary>
    public BasisLimits Limits { get; }

    private static string Describe(BasisSizeEstimate estimate, BasisLimits limits)
    {
        var atLeast = estimate.IsLowerBound ? "at least " : "about ";
        var what = estimate.Functions > limits.MaxFunctions
            ? FormattableString.Invariant($"{atLeast}{estimate.Functions:N0} functions, more than the limit of {limits.MaxFunctions:N0} (BasisLimits.MaxFunctions)")
            : estimate.ProductNodes > limits.MaxProductNodes
                ? FormattableString.Invariant($"{atLeast}{estimate.ProductNodes:N0} product-graph nodes, more than the limit of {limits.MaxProductNodes:N0} (BasisLimits.MaxProductNodes)")
                : FormattableString.Invariant($"{atLeast}{estimate.EstimatedBytes / (1024.0 * 1024 * 1024):F1} GiB, more than the limit of {limits.MaxEstimatedBytes / (1024.0 * 1024 * 1024):F1} GiB (BasisLimits.MaxEstimatedBytes)");
        return $"the basis would have {what}; {estimate.Breakdown}; lower the degrees (or n_max, l_max, the pair degree), or raise the limit if a basis this large is meant";
    }
}
