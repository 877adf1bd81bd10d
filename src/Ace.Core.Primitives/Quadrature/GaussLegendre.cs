namespace Ace.Core.Primitives.Quadrature;

/// <summary>Gauss-Legendre quadrature on [-1, 1] (the Gauss-Jacobi rule with alpha = beta = 0).</summary>
public static class GaussLegendre
{
    /// <summary>The n-point Gauss-Legendre rule, exact for polynomials of degree at most 2n - 1.</summary>
    /// <param name="count">The number of nodes n; at least 1.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    public static GaussQuadratureRule Create(int count) => GaussJacobi.Create(count, 0.0, 0.0);
}
