namespace Ace.Core.Primitives.Polynomials;

/// <summary>
/// Chebyshev polynomials T_k or U_k, k = 0 .. MaxDegree, in their classical normalisation (T_k(1) = 1, U_k(1) = k + 1),
/// with derivatives, by the recurrence p_{k+1} = 2 x p_k - p_{k-1}. Immutable and thread-safe.
/// </summary>
public sealed class ChebyshevPolynomials : RecurrencePolynomialFamily
{
    /// <summary>Creates the family.</summary>
    /// <param name="kind">First kind (T) or second kind (U).</param>
    /// <param name="maxDegree">The highest degree; non-negative.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public ChebyshevPolynomials(ChebyshevKind kind, int maxDegree)
        : base(maxDegree)
    {
        if (kind is not (ChebyshevKind.FirstKind or ChebyshevKind.SecondKind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "kind must be FirstKind or SecondKind.");
        }

        Kind = kind;
        var a = new double[maxDegree];
        var c = new double[maxDegree];
        for (int k = 0; k < maxDegree; k++)
        {
            a[k] = k == 0 && kind == ChebyshevKind.FirstKind ? 1.0 : 2.0;
            c[k] = k == 0 ? 0.0 : 1.0;
        }

        Recurrence = new ThreeTermRecurrence(1.0, a, new double[maxDegree], c);
    }

    /// <summary>The kind (T or U).</summary>
    public ChebyshevKind Kind { get; }
}
