using System.Globalization;
using Ace.Core.Basis;
using Ace.Core.Solvers;

namespace Ace.Core.Fitting;

/// <summary>
/// The algebraic smoothness prior of ACE1x (ace-math section 6) for a basis: <c>Gamma = diag(1 + d)</c> with, for a
/// many-body function with one-particle labels (n_t, l_t), <c>d = sum_t (n_t^p + w_L l_t^p)</c>, and for a pair
/// function <c>d = n^p</c>. Large degrees (rough, high-frequency functions) get small prior variances, so Bayesian
/// linear regression or Tikhonov regularisation shrink them most. Use it as
/// <c>Solvers.BayesianLinearRegression(prior: SmoothnessPrior.Create(basis))</c> or
/// <see cref="FitBuilder.SmoothnessPrior"/>.
/// </summary>
public static class SmoothnessPrior
{
    /// <summary>The degree d of every column of <paramref name="basis"/> (column order); see the class description.</summary>
    /// <param name="basis">The basis.</param>
    /// <param name="p">The exponent p, at least 1 (ACE1x default 4).</param>
    /// <param name="angularWeight">The weight w_L of the angular degrees, positive (default 3/2).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> or <paramref name="angularWeight"/> is out of range.</exception>
    public static double[] Degrees(AceBasis basis, int p = 4, double angularWeight = 1.5)
    {
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 1);
        if (!(angularWeight > 0) || !double.IsFinite(angularWeight))
        {
            throw new ArgumentOutOfRangeException(nameof(angularWeight), angularWeight,
                string.Create(CultureInfo.InvariantCulture, $"the angular weight must be positive and finite, got {angularWeight}"));
        }
        var degrees = new double[basis.FunctionCount];
        foreach (var function in basis.Functions)
        {
            double d = 0;
            foreach (var label in function.OneParticleLabels)
            {
                d += Math.Pow(label.N, p);
                if (function.Kind == BasisFunctionKind.ManyBody)
                {
                    d += angularWeight * Math.Pow(label.L, p);
                }
            }
            degrees[function.Column] = d;
        }
        return degrees;
    }

    /// <summary>The prior <c>Gamma = diag(1 + d)</c> with the degrees of <see cref="Degrees"/>.</summary>
    /// <param name="basis">The basis.</param>
    /// <param name="p">The exponent p, at least 1 (ACE1x default 4).</param>
    /// <param name="angularWeight">The weight w_L of the angular degrees, positive (default 3/2).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> or <paramref name="angularWeight"/> is out of range.</exception>
    public static Prior Create(AceBasis basis, int p = 4, double angularWeight = 1.5) => Prior.Smoothness(Degrees(basis, p, angularWeight));
}
