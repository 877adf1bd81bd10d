namespace Ace.Core.Primitives.Polynomials;

/// <summary>The kind of Chebyshev polynomials.</summary>
public enum ChebyshevKind
{
    /// <summary>T_k, with T_k(cos t) = cos(k t); orthogonal for the weight (1 - x^2)^(-1/2).</summary>
    FirstKind = 1,

    /// <summary>U_k, with U_k(cos t) = sin((k + 1) t) / sin t; orthogonal for the weight (1 - x^2)^(1/2).</summary>
    SecondKind = 2,
}
