namespace Ace.Cli.Config;

/// <summary>The config's `prior:` block: the ACE1x smoothness prior (see <c>FitBuilder.SmoothnessPrior</c>).</summary>
/// <param name="P">The exponent p of the degrees, at least 1.</param>
/// <param name="AngularWeight">The weight w_L of the angular degrees in the prior, positive; null: the basis's own.</param>
/// <param name="ScaleByColumnNorms">Whether each Gamma_jj is also multiplied by the weighted norm of column j.</param>
internal sealed record PriorConfig(int P, double? AngularWeight, bool ScaleByColumnNorms);
