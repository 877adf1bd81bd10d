namespace Ace.Core.Primitives.Polynomials;

/// <summary>
/// A family of polynomials p_0 .. p_MaxDegree of one variable, evaluated with first derivatives at one point or at many
/// points at once. Batches are component-major: degree k at point j sits at <c>values[k * x.Length + j]</c>.
/// </summary>
public interface IPolynomialFamily
{
    /// <summary>The highest degree evaluated; the family has MaxDegree + 1 members.</summary>
    int MaxDegree { get; }

    /// <summary>p_k(x) into <c>values[k]</c> and dp_k/dx into <c>derivatives[k]</c>, k = 0 .. MaxDegree.</summary>
    /// <param name="x">The point.</param>
    /// <param name="values">Receives the values (length at least MaxDegree + 1).</param>
    /// <param name="derivatives">Receives the derivatives (length at least MaxDegree + 1).</param>
    /// <exception cref="ArgumentException">An output is too short.</exception>
    void Evaluate(double x, Span<double> values, Span<double> derivatives);

    /// <summary>
    /// p_k(x_j) into <c>values[k * x.Length + j]</c> and dp_k/dx(x_j) into <c>derivatives[k * x.Length + j]</c>.
    /// </summary>
    /// <param name="x">The points.</param>
    /// <param name="values">Receives the values (length at least (MaxDegree + 1) * x.Length).</param>
    /// <param name="derivatives">Receives the derivatives (length at least (MaxDegree + 1) * x.Length).</param>
    /// <exception cref="ArgumentException">An output is too short.</exception>
    void Evaluate(ReadOnlySpan<double> x, Span<double> values, Span<double> derivatives);
}
