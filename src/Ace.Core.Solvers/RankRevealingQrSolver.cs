using Ace.Core.Solvers.Backends;

namespace Ace.Core.Solvers;

/// <summary>
/// Rank-revealing QR: QR with column pivoting of the weighted design matrix, the numerical rank from the pivots
/// (relative tolerance against the leading one, LAPACK's rcond), and the minimum-norm solution through a complete
/// orthogonal decomposition (LAPACK dgelsy natively). Works for over- and underdetermined, rank-deficient systems.
/// </summary>
public sealed class RankRevealingQrSolver : ILeastSquaresSolver
{
    private readonly ILinearAlgebraBackend? _backend;

    /// <summary>Creates the solver.</summary>
    /// <param name="relativeTolerance">Pivots at or below this fraction of the first count as zero; in [0, 1).</param>
    /// <param name="backend">The backend; null means <see cref="LinearAlgebra.Backend"/> at solve time.</param>
    public RankRevealingQrSolver(double relativeTolerance = 1e-10, ILinearAlgebraBackend? backend = null)
    {
        SolverChecks.RequireNonNegative(relativeTolerance, nameof(relativeTolerance));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(relativeTolerance, 1);
        RelativeTolerance = relativeTolerance;
        _backend = backend;
    }

    /// <summary>The relative pivot cut-off.</summary>
    public double RelativeTolerance { get; }

    /// <inheritdoc />
    public string Name => $"rank-revealing QR (tolerance {SolverChecks.Format(RelativeTolerance)})";

    /// <inheritdoc />
    public bool AcceptsNormalEquations => false;

    /// <inheritdoc />
    public LeastSquaresSolution Solve(LeastSquaresProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var coefficients = new double[problem.Columns];
        var rank = (_backend ?? LinearAlgebra.Backend).RankRevealingLeastSquares(problem.Rows, problem.Columns,
            problem.WeightedDesign(), problem.WeightedTargets(), RelativeTolerance, coefficients);
        return new LeastSquaresSolution(Name, coefficients, problem.ResidualNorm(coefficients), rank);
    }

    /// <inheritdoc />
    public LeastSquaresSolution Solve(NormalEquations normalEquations) =>
        throw SolverChecks.NormalEquationsNotSupported(Name);
}
