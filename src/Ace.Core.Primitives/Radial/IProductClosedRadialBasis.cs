namespace Ace.Core.Primitives.Radial;

/// <summary>
/// A radial basis from an infinite family closed under products: R_a R_b is an exact finite combination of members
/// of the same family. Purification (ACE without self-interaction) needs this; test <c>basis is IProductClosedRadialBasis</c>.
/// </summary>
public interface IProductClosedRadialBasis : IRadialBasis
{
    /// <summary>The same family with <paramref name="count"/> functions (the first min(Count, count) coincide with this basis).</summary>
    /// <param name="count">The number of functions; at least 1.</param>
    /// <returns>The resized basis.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    IProductClosedRadialBasis WithCount(int count);

    /// <summary>
    /// The number of coefficients <see cref="ProductCoefficients"/> returns for (a, b): the product R_a R_b lies in the span
    /// of R_0 .. R_{ProductLength(a, b) - 1}.
    /// </summary>
    /// <param name="a">The first index (0-based); non-negative.</param>
    /// <param name="b">The second index (0-based); non-negative.</param>
    /// <returns>The length of the expansion.</returns>
    int ProductLength(int a, int b);

    /// <summary>The exact expansion R_a R_b = sum_k c[k] R_k, k = 0 .. ProductLength(a, b) - 1 (indices 0-based).</summary>
    /// <param name="a">The first index (0-based); non-negative, may exceed Count - 1.</param>
    /// <param name="b">The second index (0-based); non-negative, may exceed Count - 1.</param>
    /// <returns>A new array of the coefficients c.</returns>
    /// <exception cref="ArgumentOutOfRangeException">a or b is negative.</exception>
    double[] ProductCoefficients(int a, int b);
}
