using System.Globalization;
using Ace.Core.Basis;
using Ace.Core.Solvers;

namespace Ace.Core.Fitting;

/// <summary>
/// The algebraic smoothness prior of ACE1x (ace-math section 6) for a basis: <c>Gamma = diag(1 + d)</c> with, for a
/// many-body function with one-particle labels (n_t, l_t), <c>d = sum_t (n_t^p + w_L l_t^p)</c>, and for a pair
/// function <c>d = n^p</c>. Large degrees (rough, high-frequency functions) get small prior variances, so Bayesian
/// linear regression or Tikhonov regularisation shrink them most. Use it as
/// <c>LeastSquares.BayesianLinearRegression(prior: SmoothnessPriors.Create(basis))</c> or
/// <see cref="FitBuilder.SmoothnessPrior"/>.
/// </summary>
public static class SmoothnessPriors
{
    /// <summary>The degree d of every column of <paramref name="basis"/> (column order); see the class description.</summary>
    /// <param name="basis">The basis.</param>
    /// <param name="p">The exponent p, at least 1 (ACE1x default 4).</param>
    /// <param name="angularWeight">The weight w_L of the angular degrees, positive; null means the basis's own
    /// (<see cref="DefaultAngularWeight"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> or <paramref name="angularWeight"/> is out of range.</exception>
    public static double[] Degrees(AceBasis basis, int p = 4, double? angularWeight = null)
    {
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 1);
        double wL = angularWeight ?? DefaultAngularWeight(basis);
        if (!(wL > 0) || !double.IsFinite(wL))
        {
            throw new ArgumentOutOfRangeException(nameof(angularWeight), wL,
                string.Create(CultureInfo.InvariantCulture, $"the angular weight must be positive and finite, got {wL}"));
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
                    d += wL * Math.Pow(label.L, p);
                }
            }
            degrees[function.Column] = d;
        }
        return degrees;
    }

    /// <summary>The prior <c>Gamma = diag(1 + d)</c> with the degrees of <see cref="Degrees"/>.</summary>
    /// <param name="basis">The basis.</param>
    /// <param name="p">The exponent p, at least 1 (ACE1x default 4).</param>
    /// <param name="angularWeight">The weight w_L of the angular degrees, positive; null means the basis's own
    /// (<see cref="DefaultAngularWeight"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> or <paramref name="angularWeight"/> is out of range.</exception>
    public static Prior Create(AceBasis basis, int p = 4, double? angularWeight = null) => Prior.Smoothness(Degrees(basis, p, angularWeight));

    /// <summary>
    /// The angular weight the prior uses by default: the w_L of the basis's total-degree selection, so the prior ranks
    /// functions the way the basis selected them; 3/2 (the ACE1x default) for other selections.
    /// </summary>
    public static double DefaultAngularWeight(AceBasis basis)
    {
        ArgumentNullException.ThrowIfNull(basis);
        return basis.Specification.Selection is TotalDegreeSelection total
            ? total.EffectiveAngularWeight.ToDouble()
            : TotalDegreeSelection.DefaultAngularWeight.ToDouble();
    }

    /// <summary>
    /// The smoothness prior scaled by column norms: <c>Gamma_jj = (1 + d_j) ||W A_j||</c>, so that the prior acts on the
    /// contribution <c>c_j A_j</c> of each function rather than on its raw coefficient. A column of norm zero (a function
    /// the data never excites) takes the smallest positive norm, or 1 when every norm is zero.
    /// </summary>
    /// <param name="degrees">The degrees d_j (<see cref="Degrees"/>), finite and non-negative.</param>
    /// <param name="columnNorms">The weighted column norms ||W A_j||, finite and non-negative, one per degree.</param>
    /// <exception cref="ArgumentException">The lengths differ, or an entry is negative or not finite.</exception>
    public static Prior ScaleByColumnNorms(ReadOnlySpan<double> degrees, ReadOnlySpan<double> columnNorms)
    {
        if (degrees.Length != columnNorms.Length)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"columnNorms has {columnNorms.Length} entries but there are {degrees.Length} degrees"), nameof(columnNorms));
        }
        double smallest = double.PositiveInfinity;
        for (int j = 0; j < columnNorms.Length; j++)
        {
            if (!double.IsFinite(columnNorms[j]) || columnNorms[j] < 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"columnNorms[{j}] = {columnNorms[j]}: column norms must be finite and non-negative"), nameof(columnNorms));
            }
            if (columnNorms[j] > 0)
            {
                smallest = Math.Min(smallest, columnNorms[j]);
            }
        }
        var smooth = Prior.Smoothness(degrees);
        var diagonal = new double[degrees.Length];
        for (int j = 0; j < diagonal.Length; j++)
        {
            double norm = columnNorms[j] > 0 ? columnNorms[j] : double.IsFinite(smallest) ? smallest : 1;
            diagonal[j] = smooth.Diagonal[j] * norm;
        }
        return Prior.FromDiagonal(diagonal);
    }
}
