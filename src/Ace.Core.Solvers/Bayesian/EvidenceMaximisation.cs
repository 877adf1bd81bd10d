namespace Ace.Core.Solvers;

/// <summary>
/// Maximises the evidence of Bayesian linear regression over the prior variance s0^2 and the noise variance se^2 by
/// MacKay's fixed-point iteration on the spectrum (each step O(k)): with <c>gamma = sum s0^2 lambda_i / d_i</c> the
/// effective number of parameters, <c>s0^2 = ||mean||^2 / gamma</c> and <c>se^2 = ||y - A mean||^2 / (m - gamma)</c>,
/// each clamped at its floor. A fixed point is a stationary point of the evidence (on the floor, in the free variable).
/// </summary>
internal static class EvidenceMaximisation
{
    public static (double PriorVariance, double NoiseVariance, int Iterations, bool Converged) Maximise(
        BlrSpectrum spectrum, double priorFloor, double noiseFloor, double tolerance, int maxIterations)
    {
        var lambdaSum = spectrum.Eigenvalues.Sum();
        var yy = spectrum.TargetSquaredNorm;
        var alpha = Math.Max(lambdaSum > 0 && yy > 0 ? yy / lambdaSum : 1, priorFloor);
        var sigma = Math.Max(yy > 0 ? 0.1 * yy / spectrum.Rows : 1, noiseFloor);
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            double gamma = 0, meanNorm2 = 0, misfit = spectrum.ResidualOutsideRange;
            for (var i = 0; i < spectrum.Count; i++)
            {
                var lambda = spectrum.Eigenvalues[i];
                var d = alpha * lambda + sigma;
                gamma += alpha * lambda / d;
                meanNorm2 += alpha * alpha * lambda * spectrum.BetaSquared[i] / (d * d);
                misfit += spectrum.BetaSquared[i] * sigma * sigma / (d * d);
            }
            var nextAlpha = gamma > 0 && meanNorm2 > 0 ? Math.Max(meanNorm2 / gamma, priorFloor) : priorFloor;
            var dof = spectrum.Rows - gamma;
            var nextSigma = dof > 0 && misfit > 0 ? Math.Max(misfit / dof, noiseFloor) : noiseFloor;
            var done = Math.Abs(nextAlpha - alpha) <= tolerance * alpha && Math.Abs(nextSigma - sigma) <= tolerance * sigma;
            alpha = nextAlpha;
            sigma = nextSigma;
            if (done)
            {
                return (alpha, sigma, iteration, true);
            }
        }
        return (alpha, sigma, maxIterations, false);
    }
}
