using System.Globalization;

namespace Ace.Core.Primitives.Polynomials;

/// <summary>
/// Jacobi polynomials p_0 .. p_MaxDegree orthonormal on [-1, 1] for the weight (1 - x)^alpha (1 + x)^beta
/// (the classical P^(alpha, beta)_k divided by their norms), evaluated by the three-term recurrence of the symmetric
/// Jacobi matrix: x p_k = b_{k+1} p_{k+1} + a_k p_k + b_k p_{k-1}. Immutable and thread-safe.
/// </summary>
public sealed class JacobiPolynomials : RecurrencePolynomialFamily
{
    /// <summary>Creates the family.</summary>
    /// <param name="alpha">The exponent of (1 - x) in the weight; greater than -1.</param>
    /// <param name="beta">The exponent of (1 + x) in the weight; greater than -1.</param>
    /// <param name="maxDegree">The highest degree; non-negative.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public JacobiPolynomials(double alpha, double beta, int maxDegree)
        : base(maxDegree)
    {
        RequireExponent(alpha, nameof(alpha));
        RequireExponent(beta, nameof(beta));
        Alpha = alpha;
        Beta = beta;
        var a = new double[maxDegree];
        var b = new double[maxDegree];
        var c = new double[maxDegree];
        for (int k = 0; k < maxDegree; k++)
        {
            double next = OffDiagonal(alpha, beta, k + 1);
            a[k] = 1.0 / next;
            b[k] = -Diagonal(alpha, beta, k) / next;
            c[k] = k == 0 ? 0.0 : OffDiagonal(alpha, beta, k) / next;
        }

        Recurrence = new ThreeTermRecurrence(1.0 / Math.Sqrt(WeightIntegral(alpha, beta)), a, b, c);
    }

    /// <summary>The exponent of (1 - x) in the weight.</summary>
    public double Alpha { get; }

    /// <summary>The exponent of (1 + x) in the weight.</summary>
    public double Beta { get; }

    /// <summary>
    /// The integral of the weight, mu_0 = 2^(alpha + beta + 1) Gamma(alpha + 1) Gamma(beta + 1) / Gamma(alpha + beta + 2);
    /// p_0 = 1 / sqrt(mu_0).
    /// </summary>
    /// <param name="alpha">The exponent of (1 - x); greater than -1.</param>
    /// <param name="beta">The exponent of (1 + x); greater than -1.</param>
    /// <returns>The integral of (1 - x)^alpha (1 + x)^beta over [-1, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">alpha or beta is not greater than -1.</exception>
    public static double WeightIntegral(double alpha, double beta)
    {
        RequireExponent(alpha, nameof(alpha));
        RequireExponent(beta, nameof(beta));
        if (alpha + beta + 2 <= 170)
        {
            return Math.Pow(2.0, alpha + beta + 1) * GammaFunction.Gamma(alpha + 1) * GammaFunction.Gamma(beta + 1)
                / GammaFunction.Gamma(alpha + beta + 2);
        }

        return Math.Exp((alpha + beta + 1) * Math.Log(2.0) + GammaFunction.LogGamma(alpha + 1)
            + GammaFunction.LogGamma(beta + 1) - GammaFunction.LogGamma(alpha + beta + 2));
    }

    /// <summary>The diagonal entry a_k of the symmetric Jacobi matrix (the recurrence coefficient of p_k).</summary>
    internal static double Diagonal(double alpha, double beta, int k)
    {
        if (k == 0)
        {
            return (beta - alpha) / (alpha + beta + 2);
        }

        double s = 2 * k + alpha + beta;
        return (beta - alpha) * (beta + alpha) / (s * (s + 2));
    }

    /// <summary>The off-diagonal entry b_k (k &gt;= 1) of the symmetric Jacobi matrix, linking p_{k-1} and p_k.</summary>
    internal static double OffDiagonal(double alpha, double beta, int k)
    {
        if (k == 1)
        {
            double s1 = 2 + alpha + beta;
            return 2.0 / s1 * Math.Sqrt((1 + alpha) * (1 + beta) / (s1 + 1));
        }

        double s = 2 * k + alpha + beta;
        return 2.0 / s * Math.Sqrt(k * (k + alpha) * (k + beta) * (k + alpha + beta) / ((s - 1) * (s + 1)));
    }


    private static void RequireExponent(double value, string name)
    {
        if (!(value > -1 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(name, value,
                string.Create(CultureInfo.InvariantCulture, $"{name} = {value:R} must be finite and greater than -1."));
        }
    }
}
