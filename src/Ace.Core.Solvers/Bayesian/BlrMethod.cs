namespace Ace.Core.Solvers;

/// <summary>How Bayesian linear regression obtains the spectrum of the weighted design matrix.</summary>
public enum BlrMethod
{
    /// <summary>
    /// <see cref="NormalEquations"/> when the problem has at least ten times as many rows as columns (a very tall
    /// system, where the thin SVD costs several times more than A^T A), <see cref="Svd"/> otherwise.
    /// </summary>
    Auto,

    /// <summary>The thin SVD of W A: the most accurate, works for any shape.</summary>
    Svd,

    /// <summary>
    /// The eigendecomposition of A^T W^2 A: cheaper for very tall systems and the only route from accumulated
    /// normal equations; squares the condition number (harmless here since the prior regularises).
    /// </summary>
    NormalEquations,
}
