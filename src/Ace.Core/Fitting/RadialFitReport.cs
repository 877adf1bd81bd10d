namespace Ace.Core.Fitting;

/// <summary>How a fitted-radial fit (<see cref="FitBuilder.FitRadials"/>) went: its accepted steps and why it stopped.</summary>
/// <param name="Steps">Step 0 is the start (today's linear fit); then one per accepted L-BFGS iteration.</param>
/// <param name="BestIteration">The step whose radials and coefficients the potential holds (lowest validation loss, or the last step without validation).</param>
/// <param name="StopReason">Why the optimisation stopped (iteration limit, no validation improvement for the patience, no decrease found).</param>
/// <param name="Lambda">The ridge strength lambda the coefficients were solved with at every step (fixed at the start).</param>
/// <param name="ParameterCount">The number of radial parameters W.</param>
/// <param name="Start">The potential of step 0: the starting radials with their ridge coefficients (the linear fit), for comparison.</param>
public sealed record RadialFitReport(IReadOnlyList<RadialFitStep> Steps, int BestIteration, string StopReason, double Lambda, int ParameterCount,
    Potentials.LinearAcePotential Start);

/// <summary>One accepted step of a fitted-radial fit.</summary>
/// <param name="Iteration">0 for the start, then the L-BFGS iteration.</param>
/// <param name="Evaluations">Loss evaluations so far (each one assembly, solve and gradient pass).</param>
/// <param name="Loss">The reduced training loss: weighted squared residuals + lambda^2 ||Gamma c||^2 + radial smoothness.</param>
/// <param name="DataLoss">The weighted squared residuals of the training set alone.</param>
/// <param name="ValidationLoss">The weighted squared residuals of the validation set, or null without one.</param>
/// <param name="Elapsed">Wall time since the start of the fit.</param>
public sealed record RadialFitStep(int Iteration, int Evaluations, double Loss, double DataLoss, double? ValidationLoss, TimeSpan Elapsed);
