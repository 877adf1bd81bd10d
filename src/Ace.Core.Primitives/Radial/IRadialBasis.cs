namespace Ace.Core.Primitives.Radial;

/// <summary>
/// A radial basis R_0 .. R_{Count-1} of the interatomic distance r with first derivatives d/dr. Index n in code is labelled
/// n + 1 in the mathematics and in user-facing text. Every function and its derivative are exactly 0 for r &gt;= Cutoff.
/// Implementations are immutable and thread-safe.
/// </summary>
public interface IRadialBasis
{
    /// <summary>The number of functions.</summary>
    int Count { get; }

    /// <summary>The cutoff distance (Angstrom); the basis vanishes for r &gt;= Cutoff.</summary>
    double Cutoff { get; }

    /// <summary>R_n(r) into <c>values[n]</c> and dR_n/dr into <c>derivatives[n]</c>, n = 0 .. Count - 1.</summary>
    /// <param name="r">The distance; non-negative and not NaN (any r &gt;= Cutoff, including +infinity, gives zeros).</param>
    /// <param name="values">Receives the values (length at least Count).</param>
    /// <param name="derivatives">Receives the derivatives (length at least Count).</param>
    /// <exception cref="ArgumentException">r is negative or NaN, or an output is too short.</exception>
    void Evaluate(double r, Span<double> values, Span<double> derivatives);

    /// <summary>
    /// The batched evaluation, component-major: R_n(r_j) into <c>values[n * r.Length + j]</c> and dR_n/dr(r_j) into
    /// <c>derivatives[n * r.Length + j]</c>.
    /// </summary>
    /// <param name="r">The distances; non-negative and not NaN.</param>
    /// <param name="values">Receives the values (length at least Count * r.Length).</param>
    /// <param name="derivatives">Receives the derivatives (length at least Count * r.Length).</param>
    /// <exception cref="ArgumentException">A distance is negative or NaN, or an output is too short.</exception>
    void Evaluate(ReadOnlySpan<double> r, Span<double> values, Span<double> derivatives);
}
