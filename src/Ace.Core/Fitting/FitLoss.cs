namespace Ace.Core.Fitting;

/// <summary>The weighted least-squares loss of a fit at given coefficients and its gradients (<see cref="FitBuilder.Loss"/>).</summary>
/// <param name="Value">sum over rows of w^2 (prediction - target)^2.</param>
/// <param name="CoefficientGradient">d Value / d c, one entry per basis function.</param>
/// <param name="RadialGradient">d Value / d W for the fitted radial parameters (empty for fixed radials).</param>
public sealed record FitLoss(double Value, IReadOnlyList<double> CoefficientGradient, IReadOnlyList<double> RadialGradient);
