using Ace.Core.Solvers.Backends;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;

namespace Ace.Core.Solvers;

/// <summary>
/// The result of Bayesian linear regression: the posterior mean as <see cref="LeastSquaresSolution.Coefficients"/>,
/// the evidence-maximising prior and noise variances, the log-evidence, and the Gaussian posterior
/// <c>N(mean, Sigma)</c> for uncertainty quantification (<see cref="Committee"/>, <see cref="PosteriorCovariance"/>).
/// With a prior Gamma the prior is <c>c ~ N(0, s0^2 Gamma^-2)</c>.
/// </summary>
public sealed class BayesianSolution : LeastSquaresSolution
{
    private readonly double[] _transformedMean;  // d = Gamma c
    private readonly double[] _rightVectors;     // V, n x k
    private readonly double[] _posteriorVariances; // per spectral component, in d-space
    private readonly double[]? _inverseGamma;
    private readonly ILinearAlgebraBackend _backend;

    internal BayesianSolution(string solver, double[] coefficients, double residualNorm, int effectiveRank,
        int iterations, bool converged, double priorVariance, double noiseVariance, double logEvidence,
        double effectiveParameters, double[] transformedMean, double[] rightVectors, double[] posteriorVariances,
        double[]? inverseGamma, ILinearAlgebraBackend backend)
        : base(solver, coefficients, residualNorm, effectiveRank, iterations, converged)
    {
        PriorVariance = priorVariance;
        NoiseVariance = noiseVariance;
        LogEvidence = logEvidence;
        EffectiveParameters = effectiveParameters;
        _transformedMean = transformedMean;
        _rightVectors = rightVectors;
        _posteriorVariances = posteriorVariances;
        _inverseGamma = inverseGamma;
        _backend = backend;
    }

    /// <summary>The prior variance s0^2 that maximises the evidence (at least its floor).</summary>
    public double PriorVariance { get; }

    /// <summary>The noise variance se^2 that maximises the evidence (at least its floor); its square root estimates the noise level of the weighted targets.</summary>
    public double NoiseVariance { get; }

    /// <summary>The log marginal likelihood <c>log p(y | s0^2, se^2)</c> at the chosen variances.</summary>
    public double LogEvidence { get; }

    /// <summary>MacKay's effective number of well-determined parameters, <c>sum_i s0^2 s_i^2 / (s0^2 s_i^2 + se^2)</c>.</summary>
    public double EffectiveParameters { get; }

    private int Columns => _transformedMean.Length;

    private int Components => _posteriorVariances.Length;

    /// <summary>
    /// Draws <paramref name="size"/> coefficient vectors from the posterior (a committee for uncertainty
    /// quantification): <c>mean + Gamma^-1 [V diag(sqrt(v_i) - s0) V^T + s0 I] xi</c> with xi standard normal, which
    /// has exactly the posterior covariance (including the prior's variance along directions the data leave free).
    /// The same seed gives the same committee.
    /// </summary>
    /// <returns>size arrays of Columns coefficients.</returns>
    public double[][] Committee(int size, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        int n = Columns, k = Components;
        var random = new MersenneTwister(seed);
        var xi = new double[n * size];
        Normal.Samples(random, xi, 0, 1);

        var projected = new double[k * size];
        _backend.Gemm(true, false, k, size, n, 1, _rightVectors, xi, 0, projected);
        var priorSd = Math.Sqrt(PriorVariance);
        for (var s = 0; s < size; s++)
        {
            for (var i = 0; i < k; i++)
            {
                projected[i + s * k] *= Math.Sqrt(_posteriorVariances[i]) - priorSd;
            }
        }
        _backend.Gemm(false, false, n, size, k, 1, _rightVectors, projected, priorSd, xi);

        var committee = new double[size][];
        for (var s = 0; s < size; s++)
        {
            var member = new double[n];
            for (var j = 0; j < n; j++)
            {
                member[j] = (_transformedMean[j] + xi[j + s * n]) * (_inverseGamma is null ? 1 : _inverseGamma[j]);
            }
            committee[s] = member;
        }
        return committee;
    }

    /// <summary>
    /// The posterior covariance <c>Gamma^-1 [V diag(v_i - s0^2) V^T + s0^2 I] Gamma^-1</c>, with
    /// <c>v_i = 1 / (s_i^2 / se^2 + 1 / s0^2)</c>: Columns x Columns, column-major.
    /// </summary>
    public double[] PosteriorCovariance()
    {
        int n = Columns, k = Components;
        var scaled = new double[n * k];
        for (var i = 0; i < k; i++)
        {
            var factor = _posteriorVariances[i] - PriorVariance;
            for (var j = 0; j < n; j++)
            {
                scaled[j + i * n] = _rightVectors[j + i * n] * factor;
            }
        }
        var covariance = new double[n * n];
        for (var j = 0; j < n; j++)
        {
            covariance[j + j * n] = PriorVariance;
        }
        _backend.Gemm(false, true, n, n, k, 1, scaled, _rightVectors, 1, covariance);
        if (_inverseGamma is not null)
        {
            for (var j = 0; j < n; j++)
            {
                for (var i = 0; i < n; i++)
                {
                    covariance[i + j * n] *= _inverseGamma[i] * _inverseGamma[j];
                }
            }
        }
        return covariance;
    }
}
