namespace Ace.Core.Fitting;

/// <summary>Reported after every accepted step of a fitted-radial fit (<see cref="FitBuilder.FitRadials"/>).</summary>
/// <param name="Iteration">0 for the start, then the L-BFGS iteration.</param>
/// <param name="Evaluations">Loss evaluations so far.</param>
/// <param name="Loss">The reduced training loss.</param>
/// <param name="ValidationLoss">The weighted squared residuals of the validation set, or null without one.</param>
/// <param name="Elapsed">Wall time since the start of the fit.</param>
public sealed record RadialFitProgress(int Iteration, int Evaluations, double Loss, double? ValidationLoss, TimeSpan Elapsed);
