using System.Globalization;

namespace Ace.Core.Solvers;

/// <summary>
/// A diagonal prior (regularisation operator) <c>Gamma = diag(gamma)</c> on the coefficients. Solvers that accept it
/// (QR, normal equations, Bayesian linear regression) solve for <c>d = Gamma c</c> with an isotropic prior or
/// penalty on d and back-transform <c>c = Gamma^-1 d</c>; a large gamma_j shrinks coefficient j strongly. For QR and
/// normal equations this is the penalty <c>lambda^2 ||Gamma c||^2</c>; for Bayesian linear regression the prior
/// <c>c ~ N(0, s0^2 Gamma^-2)</c>.
/// </summary>
public sealed class Prior
{
    private readonly double[] _diagonal;

    private Prior(double[] diagonal) => _diagonal = diagonal;

    /// <summary>The diagonal of Gamma.</summary>
    public ReadOnlySpan<double> Diagonal => _diagonal;

    /// <summary>Number of coefficients the prior covers.</summary>
    public int Count => _diagonal.Length;

    /// <summary>A prior with the given diagonal (copied); every entry finite and positive.</summary>
    /// <exception cref="ArgumentException">An entry is not finite or not positive.</exception>
    public static Prior FromDiagonal(ReadOnlySpan<double> diagonal)
    {
        for (var j = 0; j < diagonal.Length; j++)
        {
            if (!double.IsFinite(diagonal[j]) || diagonal[j] <= 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"diagonal[{j}] = {diagonal[j]}: a prior's diagonal must be finite and positive."), nameof(diagonal));
            }
        }
        if (diagonal.IsEmpty)
        {
            throw new ArgumentException("A prior needs at least one coefficient.", nameof(diagonal));
        }
        return new Prior(diagonal.ToArray());
    }

    /// <summary>
    /// The smoothness prior <c>Gamma_jj = 1 + d_j</c> for non-negative per-function degrees d (ACE1x's algebraic prior:
    /// pair d = n^p, many-body d from the weighted degrees of the product basis; see ace-math section 6).
    /// </summary>
    /// <exception cref="ArgumentException">A degree is negative or not finite.</exception>
    public static Prior Smoothness(ReadOnlySpan<double> degrees)
    {
        var diagonal = new double[degrees.Length];
        for (var j = 0; j < degrees.Length; j++)
        {
            if (!double.IsFinite(degrees[j]) || degrees[j] < 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"degrees[{j}] = {degrees[j]}: smoothness degrees must be finite and non-negative."), nameof(degrees));
            }
            diagonal[j] = 1 + degrees[j];
        }
        return FromDiagonal(diagonal);
    }

    /// <summary>Throws unless the prior covers exactly <paramref name="columns"/> coefficients.</summary>
    internal void RequireColumns(int columns)
    {
        if (Count != columns)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The prior covers {Count} coefficients but the problem has {columns} columns."), "prior");
        }
    }
}
