using Ace.Core.Solvers.Backends;

namespace Ace.Core.Solvers;

/// <summary>
/// Factory of the least-squares solvers, e.g. <c>LeastSquares.Qr(tikhonov: 1e-3).Solve(problem)</c>. A null backend means
/// <see cref="LinearAlgebra.Backend"/> (native LAPACK when available, else managed; ACE_LINALG forces either).
/// Solvers accepting <see cref="NormalEquations"/>: <see cref="NormalEquations(double, Prior?, ILinearAlgebraBackend?)"/>
/// and <see cref="BayesianLinearRegression"/>.
/// </summary>
public static class LeastSquares
{
    /// <summary>Householder QR of <c>[W A; lambda Gamma]</c>; see <see cref="QrSolver"/>.</summary>
    public static QrSolver Qr(double tikhonov = 0, Prior? prior = null, ILinearAlgebraBackend? backend = null)
        => new(tikhonov, prior, backend);

    /// <summary>Normal equations with Cholesky (ridge when tikhonov &gt; 0); see <see cref="NormalEquationsSolver"/>.</summary>
    public static NormalEquationsSolver NormalEquations(double tikhonov = 0, Prior? prior = null,
        ILinearAlgebraBackend? backend = null)
        => new(tikhonov, prior, backend);

    /// <summary>Bayesian linear regression with evidence maximisation; see <see cref="BayesianLinearRegressionSolver"/>.</summary>
    public static BayesianLinearRegressionSolver BayesianLinearRegression(Prior? prior = null,
        BlrMethod method = BlrMethod.Auto, double priorVarianceFloor = 1e-8, double noiseVarianceFloor = 1e-8,
        ILinearAlgebraBackend? backend = null)
        => new(prior, method, priorVarianceFloor, noiseVarianceFloor, backend: backend);

    /// <summary>LSQR with damping; see <see cref="LsqrSolver"/>.</summary>
    public static LsqrSolver Lsqr(double damping = 0, double tolerance = 1e-12, int maxIterations = 10_000)
        => new(damping, tolerance, maxIterations);

    /// <summary>Truncated SVD, by relative tolerance and optionally a rank cap; see <see cref="TruncatedSvdSolver"/>.</summary>
    public static TruncatedSvdSolver TruncatedSvd(double relativeTolerance = 1e-10, int? rank = null,
        ILinearAlgebraBackend? backend = null)
        => new(relativeTolerance, rank, backend);

    /// <summary>QR with column pivoting, minimum-norm answer; see <see cref="RankRevealingQrSolver"/>.</summary>
    public static RankRevealingQrSolver RankRevealingQr(double relativeTolerance = 1e-10,
        ILinearAlgebraBackend? backend = null)
        => new(relativeTolerance, backend);
}
