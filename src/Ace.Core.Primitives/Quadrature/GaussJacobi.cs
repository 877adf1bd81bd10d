using System.Globalization;
using Ace.Core.Primitives.Polynomials;

namespace Ace.Core.Primitives.Quadrature;

/// <summary>
/// Gauss-Jacobi quadrature for the weight (1 - x)^alpha (1 + x)^beta on [-1, 1]: nodes are the eigenvalues of the
/// symmetric Jacobi matrix (Golub-Welsch, by Sturm bisection), polished by Newton steps on the orthonormal p_n;
/// weights are the Christoffel numbers 1 / sum_{k &lt; n} p_k(x_i)^2. Accurate to about 1e-15.
/// </summary>
public static class GaussJacobi
{
    /// <summary>The n-point Gauss-Jacobi rule.</summary>
    /// <param name="count">The number of nodes n; at least 1.</param>
    /// <param name="alpha">The exponent of (1 - x); greater than -1.</param>
    /// <param name="beta">The exponent of (1 + x); greater than -1.</param>
    /// <returns>The rule, exact for polynomials of degree at most 2n - 1 times the weight.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static GaussQuadratureRule Create(int count, double alpha, double beta)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count,
                string.Create(CultureInfo.InvariantCulture, $"count = {count} must be at least 1."));
        }

        var polynomials = new JacobiPolynomials(alpha, beta, count); // validates alpha and beta
        var diagonal = new double[count];
        var offDiagonal = new double[count];
        for (int k = 0; k < count; k++)
        {
            diagonal[k] = JacobiPolynomials.Diagonal(alpha, beta, k);
            offDiagonal[k] = k == 0 ? 0.0 : JacobiPolynomials.OffDiagonal(alpha, beta, k);
        }

        double[] nodes = SymmetricTridiagonalEigenvalues.Compute(diagonal, offDiagonal);
        var weights = new double[count];
        var p = new double[count + 1];
        var dp = new double[count + 1];
        for (int i = 0; i < count; i++)
        {
            nodes[i] = Polish(polynomials, nodes[i], p, dp);
            polynomials.Evaluate(nodes[i], p, dp);
            double sum = 0.0;
            for (int k = 0; k < count; k++)
            {
                sum += p[k] * p[k];
            }

            weights[i] = 1.0 / sum;
        }

        if (alpha == beta)
        {
            Symmetrise(nodes, weights);
        }

        return new GaussQuadratureRule(alpha, beta, nodes, weights);
    }

    // Newton steps on p_n from the bisection estimate; a step is taken only while it shrinks and stays tiny.
    private static double Polish(JacobiPolynomials polynomials, double x, double[] p, double[] dp)
    {
        int n = polynomials.MaxDegree;
        double previousStep = double.PositiveInfinity;
        for (int iteration = 0; iteration < 4; iteration++)
        {
            polynomials.Evaluate(x, p, dp);
            if (dp[n] == 0.0)
            {
                break;
            }

            double step = p[n] / dp[n];
            if (!(Math.Abs(step) < 1e-8 && Math.Abs(step) < previousStep))
            {
                break;
            }

            x -= step;
            previousStep = Math.Abs(step);
            if (previousStep == 0.0)
            {
                break;
            }
        }

        return x;
    }

    // For alpha = beta the rule is symmetric about 0: enforce it exactly.
    private static void Symmetrise(double[] nodes, double[] weights)
    {
        int n = nodes.Length;
        for (int i = 0; i < n / 2; i++)
        {
            int mirror = n - 1 - i;
            double x = 0.5 * (nodes[mirror] - nodes[i]);
            double w = 0.5 * (weights[i] + weights[mirror]);
            nodes[i] = -x;
            nodes[mirror] = x;
            weights[i] = w;
            weights[mirror] = w;
        }

        if (n % 2 == 1)
        {
            nodes[n / 2] = 0.0;
        }
    }
}
