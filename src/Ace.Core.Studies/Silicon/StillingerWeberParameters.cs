using System.Globalization;

namespace Ace.Core.Studies;

/// <summary>
/// The parameters of a Stillinger-Weber potential (Stillinger and Weber, PRB 31, 5262 (1985)):
/// phi2(r) = A eps [B (sigma/r)^p - (sigma/r)^q] exp(sigma / (r - a sigma)) and
/// phi3 = lambda eps (cos theta_jik - cos theta0)^2 exp(gamma sigma / (r_ij - a sigma)) exp(gamma sigma / (r_ik - a sigma)),
/// both zero beyond the cutoff a sigma.
/// </summary>
/// <param name="Epsilon">The energy scale eps in eV.</param>
/// <param name="Sigma">The length scale sigma in Angstrom.</param>
/// <param name="A">The pair prefactor A (dimensionless).</param>
/// <param name="B">The repulsive pair coefficient B (dimensionless).</param>
/// <param name="P">The repulsive exponent p.</param>
/// <param name="Q">The attractive exponent q.</param>
/// <param name="CutoffFactor">The reduced cutoff a: interactions vanish for r &gt;= a sigma.</param>
/// <param name="Lambda">The three-body strength lambda (dimensionless).</param>
/// <param name="Gamma">The three-body decay gamma (dimensionless).</param>
/// <param name="CosTheta0">The preferred angle's cosine (-1/3 for the tetrahedral angle).</param>
public sealed record StillingerWeberParameters(
    double Epsilon, double Sigma, double A, double B, double P, double Q,
    double CutoffFactor, double Lambda, double Gamma, double CosTheta0)
{
    /// <summary>The standard silicon parameters of Stillinger and Weber (1985).</summary>
    public static StillingerWeberParameters Silicon { get; } = new(
        Epsilon: 2.1683, Sigma: 2.0951, A: 7.049556277, B: 0.6022245584, P: 4, Q: 0,
        CutoffFactor: 1.80, Lambda: 21.0, Gamma: 1.20, CosTheta0: -1.0 / 3.0);

    /// <summary>The cutoff radius a sigma in Angstrom.</summary>
    public double Cutoff => CutoffFactor * Sigma;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first parameter that is not usable.</summary>
    public void Validate()
    {
        Positive(Epsilon, nameof(Epsilon));
        Positive(Sigma, nameof(Sigma));
        Positive(CutoffFactor, nameof(CutoffFactor));
        Finite(A, nameof(A));
        Finite(B, nameof(B));
        Finite(P, nameof(P));
        Finite(Q, nameof(Q));
        Finite(Lambda, nameof(Lambda));
        Finite(Gamma, nameof(Gamma));
        if (!(CosTheta0 >= -1 && CosTheta0 <= 1))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"CosTheta0 must lie in [-1, 1], got {CosTheta0}"), nameof(CosTheta0));
        }
    }

    private static void Positive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} must be positive and finite, got {value}"), name);
        }
    }

    private static void Finite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} must be finite, got {value}"), name);
        }
    }
}
