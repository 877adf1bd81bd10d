namespace Ace.Core.Primitives.Quadrature;

/// <summary>
/// A Gauss rule on [-1, 1] for the weight (1 - x)^Alpha (1 + x)^Beta: the sum of <c>Weights[i] * f(Nodes[i])</c>
/// equals the integral of f(x) (1 - x)^Alpha (1 + x)^Beta for every polynomial f of degree at most 2 Count - 1.
/// Nodes are in ascending order. Immutable and thread-safe.
/// </summary>
public sealed class GaussQuadratureRule
{
    private readonly double[] _nodes;
    private readonly double[] _weights;

    internal GaussQuadratureRule(double alpha, double beta, double[] nodes, double[] weights)
    {
        Alpha = alpha;
        Beta = beta;
        _nodes = nodes;
        _weights = weights;
    }

    /// <summary>The exponent of (1 - x) in the weight.</summary>
    public double Alpha { get; }

    /// <summary>The exponent of (1 + x) in the weight.</summary>
    public double Beta { get; }

    /// <summary>The number of nodes.</summary>
    public int Count => _nodes.Length;

    /// <summary>The highest polynomial degree integrated exactly, 2 Count - 1.</summary>
    public int ExactDegree => 2 * _nodes.Length - 1;

    /// <summary>The nodes in ascending order, all inside (-1, 1).</summary>
    public ReadOnlySpan<double> Nodes => _nodes;

    /// <summary>The weights, all positive, belonging to <see cref="Nodes"/>.</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>The rule applied to <paramref name="f"/>: sum_i Weights[i] f(Nodes[i]).</summary>
    /// <param name="f">The function multiplying the weight.</param>
    /// <returns>The approximation of the weighted integral (exact for polynomials of degree at most 2 Count - 1).</returns>
    public double Integrate(Func<double, double> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        double sum = 0.0;
        for (int i = 0; i < _nodes.Length; i++)
        {
            sum += _weights[i] * f(_nodes[i]);
        }

        return sum;
    }
}
