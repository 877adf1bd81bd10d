namespace Ace.Core.Fitting;

/// <summary>One regularisation strength tried by <see cref="FitBuilder.RidgeByCrossValidation"/> and its cross-validation loss.</summary>
/// <param name="Lambda">The Tikhonov factor lambda (the penalty is <c>lambda^2 ||Gamma c||^2</c>).</param>
/// <param name="Loss">
/// The K-fold cross-validation loss: the weighted residual sum of squares <c>||W (y - A c)||^2</c> of every held-out
/// fold, summed over the folds, each with the coefficients fitted to the other folds.
/// </param>
public readonly record struct RidgeCandidate(double Lambda, double Loss);
