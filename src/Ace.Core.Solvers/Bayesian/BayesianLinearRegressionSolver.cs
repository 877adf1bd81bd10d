using System.Globalization;
using Ace.Core.Solvers.Backends;

namespace Ace.Core.Solvers;

/// <summary>
/// Bayesian linear regression (as ACEfit's BLR): prior <c>c ~ N(0, s0^2 Gamma^-2)</c> (Gamma the identity unless a
/// <see cref="Prior"/> is given), noise <c>N(0, se^2)</c> on the weighted targets; s0^2 and se^2 maximise the
/// evidence (with floors); the coefficients are the posterior mean
/// <c>Gamma^-1 V diag(s0^2 s_i / (s0^2 s_i^2 + se^2)) U^T W y</c>. Everything is closed-form on the spectrum of the
/// weighted, prior-scaled design matrix, from its thin SVD or, for very tall systems and accumulated normal
/// equations, from the eigendecomposition of A^T W^2 A (see <see cref="BlrMethod"/>).
/// </summary>
public sealed class BayesianLinearRegressionSolver : ILeastSquaresSolver
{
    /// <summary>Rows per column from which <see cref="BlrMethod.Auto"/> uses the normal equations.</summary>
    public const int TallRatio = 10;

    private readonly ILinearAlgebraBackend? _backend;
    private readonly Prior? _prior;

    /// <summary>Creates the solver.</summary>
    /// <param name="prior">Gamma; null means the identity.</param>
    /// <param name="method">How to get the spectrum.</param>
    /// <param name="priorVarianceFloor">Lower bound on s0^2, &gt; 0 (default 1e-8: s0 &gt;= 1e-4).</param>
    /// <param name="noiseVarianceFloor">Lower bound on se^2, &gt; 0 (default 1e-8: se &gt;= 1e-4).</param>
    /// <param name="tolerance">Relative change of both variances at which the evidence maximisation stops.</param>
    /// <param name="maxIterations">Iteration limit of the evidence maximisation.</param>
    /// <param name="backend">The backend; null means <see cref="LinearAlgebra.Backend"/> at solve time.</param>
    public BayesianLinearRegressionSolver(Prior? prior = null, BlrMethod method = BlrMethod.Auto,
        double priorVarianceFloor = 1e-8, double noiseVarianceFloor = 1e-8, double tolerance = 1e-12,
        int maxIterations = 100_000, ILinearAlgebraBackend? backend = null)
    {
        SolverChecks.RequirePositive(priorVarianceFloor, nameof(priorVarianceFloor));
        SolverChecks.RequirePositive(noiseVarianceFloor, nameof(noiseVarianceFloor));
        SolverChecks.RequirePositive(tolerance, nameof(tolerance));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIterations, 1);
        if (!Enum.IsDefined(method))
        {
            throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown BLR method.");
        }
        _prior = prior;
        Method = method;
        PriorVarianceFloor = priorVarianceFloor;
        NoiseVarianceFloor = noiseVarianceFloor;
        Tolerance = tolerance;
        MaxIterations = maxIterations;
        _backend = backend;
    }

    /// <summary>How the spectrum is obtained.</summary>
    public BlrMethod Method { get; }

    /// <summary>Lower bound on the prior variance.</summary>
    public double PriorVarianceFloor { get; }

    /// <summary>Lower bound on the noise variance.</summary>
    public double NoiseVarianceFloor { get; }

    /// <summary>Relative stopping tolerance of the evidence maximisation.</summary>
    public double Tolerance { get; }

    /// <summary>Iteration limit of the evidence maximisation.</summary>
    public int MaxIterations { get; }

    /// <inheritdoc />
    public string Name => $"Bayesian linear regression ({Method.ToString().ToLowerInvariant()}{(_prior is null ? "" : ", diagonal prior")})";

    /// <inheritdoc />
    public bool AcceptsNormalEquations => true;

    /// <summary>Fits the problem; see the class description.</summary>
    public BayesianSolution Solve(LeastSquaresProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        _prior?.RequireColumns(problem.Columns);
        var backend = _backend ?? LinearAlgebra.Backend;
        var useNormalEquations = Method == BlrMethod.NormalEquations ||
            (Method == BlrMethod.Auto && problem.Rows >= (long)TallRatio * problem.Columns);
        if (useNormalEquations)
        {
            var normal = NormalEquations.FromProblem(problem, backend);
            var (fromNormal, scaled) = FromNormalEquations(normal, backend);
            return Finish(fromNormal, backend, c => problem.ResidualNorm(c), scaled);
        }
        return Finish(FromSvd(problem, backend), backend, c => problem.ResidualNorm(c), null);
    }

    /// <summary>Fits from accumulated normal equations through the eigendecomposition of A^T W^2 A.</summary>
    public BayesianSolution Solve(NormalEquations normalEquations)
    {
        ArgumentNullException.ThrowIfNull(normalEquations);
        _prior?.RequireColumns(normalEquations.Columns);
        if (Method == BlrMethod.Svd)
        {
            throw new NotSupportedException(
                "Bayesian linear regression with BlrMethod.Svd needs the rows of the design matrix; use BlrMethod.Auto " +
                "or BlrMethod.NormalEquations to solve from accumulated NormalEquations.");
        }
        var backend = _backend ?? LinearAlgebra.Backend;
        var (spectrum, scaled) = FromNormalEquations(normalEquations, backend);
        return Finish(spectrum, backend, c => normalEquations.ResidualNorm(c), scaled);
    }

    LeastSquaresSolution ILeastSquaresSolver.Solve(LeastSquaresProblem problem) => Solve(problem);

    LeastSquaresSolution ILeastSquaresSolver.Solve(NormalEquations normalEquations) => Solve(normalEquations);

    private double[]? InverseGamma()
    {
        if (_prior is null)
        {
            return null;
        }
        var inverse = new double[_prior.Count];
        for (var j = 0; j < inverse.Length; j++)
        {
            inverse[j] = 1 / _prior.Diagonal[j];
        }
        return inverse;
    }

    private BlrSpectrum FromSvd(LeastSquaresProblem problem, ILinearAlgebraBackend backend)
    {
        int m = problem.Rows, n = problem.Columns, k = Math.Min(m, n);
        var a = problem.WeightedDesign();
        if (InverseGamma() is { } inverse)
        {
            for (var j = 0; j < n; j++)
            {
                var column = a.AsSpan(j * m, m);
                for (var i = 0; i < m; i++)
                {
                    column[i] *= inverse[j];
                }
            }
        }
        var y = problem.WeightedTargets();
        var s = new double[k];
        var u = new double[m * k];
        var vt = new double[k * n];
        backend.ThinSvd(m, n, a, s, u, vt);

        var eigenvalues = new double[k];
        var projections = new double[k];
        var betaSquared = new double[k];
        var outside = (double[])y.Clone();
        for (var i = 0; i < k; i++)
        {
            var ui = u.AsSpan(i * m, m);
            var beta = 0.0;
            for (var r = 0; r < m; r++)
            {
                beta += ui[r] * y[r];
            }
            for (var r = 0; r < m; r++)
            {
                outside[r] -= beta * ui[r];
            }
            eigenvalues[i] = s[i] * s[i];
            projections[i] = s[i] * beta;
            betaSquared[i] = beta * beta;
        }
        var rightVectors = new double[n * k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < n; j++)
            {
                rightVectors[j + i * n] = vt[i + j * k];
            }
        }
        var cutoff = SolverChecks.SingularityThreshold(m, n) * (k > 0 ? s[0] : 0);
        var rank = s.Count(value => value > cutoff);
        return new BlrSpectrum(eigenvalues, projections, betaSquared, outside.Sum(x => x * x), m, n, rightVectors, rank);
    }

    /// <summary>The prior-scaled normal equations Gamma^-1 A^T W^2 A Gamma^-1 and Gamma^-1 A^T W^2 y (column-major n x n, n).</summary>
    private sealed record ScaledNormalEquations(int Columns, double[] Gram, double[] Projected);

    private (BlrSpectrum Spectrum, ScaledNormalEquations Scaled) FromNormalEquations(NormalEquations normalEquations, ILinearAlgebraBackend backend)
    {
        var n = normalEquations.Columns;
        var gram = normalEquations.Gram.ToArray();
        var projected = normalEquations.ProjectedTargets.ToArray();
        if (InverseGamma() is { } inverse)
        {
            for (var j = 0; j < n; j++)
            {
                projected[j] *= inverse[j];
                for (var i = 0; i < n; i++)
                {
                    gram[i + j * n] *= inverse[i] * inverse[j];
                }
            }
        }
        var eigenvalues = new double[n];
        var vectors = new double[n * n];
        backend.SymmetricEigen(n, gram, eigenvalues, vectors);

        var largest = Math.Max(0, eigenvalues.Length > 0 ? eigenvalues[^1] : 0);
        var cutoff = n * SolverChecks.MachineEpsilon * largest;
        var projections = new double[n];
        var betaSquared = new double[n];
        var inRange = 0.0;
        var rank = 0;
        for (var i = 0; i < n; i++)
        {
            if (eigenvalues[i] <= cutoff)
            {
                eigenvalues[i] = 0; // rounding-level: treat as exactly singular
                continue;
            }
            rank++;
            var z = 0.0;
            for (var j = 0; j < n; j++)
            {
                z += vectors[j + i * n] * projected[j];
            }
            projections[i] = z;
            betaSquared[i] = z * z / eigenvalues[i];
            inRange += betaSquared[i];
        }
        var outside = Math.Max(0, normalEquations.TargetSquaredNorm - inRange);
        return (new BlrSpectrum(eigenvalues, projections, betaSquared, outside, normalEquations.RowCount, n, vectors, rank),
            new ScaledNormalEquations(n, gram, projected));
    }

    /// <summary>
    /// The posterior mean (G + mu I)^-1 b with mu = se^2 / s0^2 by Cholesky and one step of iterative refinement, or null
    /// when the factorisation fails. Unlike the sum over eigenvectors, whose rounding mixes directions of nearly equal small
    /// eigenvalues and so leaks about eps ||G|| / gap into coefficients the data cannot see, the triangular solve keeps a
    /// column that is zero to rounding (a purified function on structures with too few neighbours) at its own rounding
    /// level: its coefficient is (b_j - G_j. c) / (G_jj + mu) with every term proportional to that column.
    /// </summary>
    private static double[]? CholeskyMean(ScaledNormalEquations scaled, double mu, ILinearAlgebraBackend backend)
    {
        int n = scaled.Columns;
        var regularised = new double[n * n];
        void Fill()
        {
            scaled.Gram.CopyTo(regularised, 0);
            for (var j = 0; j < n; j++)
            {
                regularised[j + j * n] += mu;
            }
        }
        try
        {
            Fill();
            var mean = (double[])scaled.Projected.Clone();
            backend.CholeskySolve(n, regularised, mean, 1);
            // one step of refinement: r = b - (G + mu I) c, c += (G + mu I)^-1 r
            var residual = (double[])scaled.Projected.Clone();
            for (var j = 0; j < n; j++)
            {
                double cj = mean[j];
                residual[j] -= mu * cj;
                for (var i = 0; i < n; i++)
                {
                    residual[i] -= scaled.Gram[i + j * n] * cj;
                }
            }
            Fill();
            backend.CholeskySolve(n, regularised, residual, 1);
            for (var j = 0; j < n; j++)
            {
                mean[j] += residual[j];
            }
            return mean.All(double.IsFinite) ? mean : null;
        }
        catch (SingularMatrixException)
        {
            return null;
        }
    }

    private BayesianSolution Finish(BlrSpectrum spectrum, ILinearAlgebraBackend backend,
        Func<double[], double> residualNorm, ScaledNormalEquations? scaled)
    {
        if (spectrum.Rows < 1)
        {
            throw new ArgumentException("Bayesian linear regression needs at least one row; the normal equations are empty.",
                "normalEquations");
        }
        var (alpha, sigma, iterations, converged) = EvidenceMaximisation.Maximise(
            spectrum, PriorVarianceFloor, NoiseVarianceFloor, Tolerance, MaxIterations);

        int n = spectrum.Columns, k = spectrum.Count;
        var transformedMean = new double[n];
        var posteriorVariances = new double[k];
        var effectiveParameters = 0.0;
        for (var i = 0; i < k; i++)
        {
            var d = alpha * spectrum.Eigenvalues[i] + sigma;
            posteriorVariances[i] = alpha * sigma / d;
            effectiveParameters += alpha * spectrum.Eigenvalues[i] / d;
            var weight = alpha * spectrum.Projections[i] / d;
            for (var j = 0; j < n; j++)
            {
                transformedMean[j] += weight * spectrum.RightVectors[j + i * n];
            }
        }
        if (scaled is not null && CholeskyMean(scaled, sigma / alpha, backend) is { } refined)
        {
            transformedMean = refined;
        }
        var inverseGamma = InverseGamma();
        var coefficients = new double[n];
        for (var j = 0; j < n; j++)
        {
            coefficients[j] = transformedMean[j] * (inverseGamma is null ? 1 : inverseGamma[j]);
        }
        if (coefficients.Any(c => !double.IsFinite(c)))
        {
            throw new SingularMatrixException(string.Create(CultureInfo.InvariantCulture,
                $"Bayesian linear regression produced non-finite coefficients (prior variance {alpha:G3}, noise variance {sigma:G3})."));
        }
        return new BayesianSolution(Name, coefficients, residualNorm(coefficients), spectrum.Rank, iterations, converged,
            alpha, sigma, spectrum.LogEvidence(alpha, sigma), effectiveParameters, transformedMean,
            spectrum.RightVectors, posteriorVariances, inverseGamma, backend);
    }
}
