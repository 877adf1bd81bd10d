using System.Globalization;
using Ace.Core.Solvers.Backends;

namespace Ace.Core.Solvers;

/// <summary>
/// Truncated SVD: from the thin SVD <c>W A = U S V^T</c>, keeps the singular values above
/// <c>relativeTolerance * s_max</c> (at most <c>rank</c> of them when a rank is given) and returns the minimum-norm
/// solution <c>c = V_k S_k^-1 U_k^T W y</c>. The number kept is <see cref="LeastSquaresSolution.EffectiveRank"/>.
/// </summary>
public sealed class TruncatedSvdSolver : ILeastSquaresSolver
{
    private readonly ILinearAlgebraBackend? _backend;

    /// <summary>Creates the solver.</summary>
    /// <param name="relativeTolerance">Singular values at or below this fraction of the largest are dropped; in [0, 1).</param>
    /// <param name="rank">The largest number of singular values to keep; null means no cap.</param>
    /// <param name="backend">The backend; null means <see cref="LinearAlgebra.Backend"/> at solve time.</param>
    public TruncatedSvdSolver(double relativeTolerance = 1e-10, int? rank = null, ILinearAlgebraBackend? backend = null)
    {
        SolverChecks.RequireNonNegative(relativeTolerance, nameof(relativeTolerance));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(relativeTolerance, 1);
        if (rank is { } r)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(r, 1, nameof(rank));
        }
        RelativeTolerance = relativeTolerance;
        Rank = rank;
        _backend = backend;
    }

    /// <summary>The relative singular-value cut-off.</summary>
    public double RelativeTolerance { get; }

    /// <summary>The cap on the rank, if any.</summary>
    public int? Rank { get; }

    /// <inheritdoc />
    public string Name => Rank is { } r
        ? string.Create(CultureInfo.InvariantCulture, $"truncated SVD (rank <= {r}, tolerance {SolverChecks.Format(RelativeTolerance)})")
        : $"truncated SVD (tolerance {SolverChecks.Format(RelativeTolerance)})";

    /// <inheritdoc />
    public bool AcceptsNormalEquations => false;

    /// <inheritdoc />
    public LeastSquaresSolution Solve(LeastSquaresProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        int m = problem.Rows, n = problem.Columns, k = Math.Min(m, n);
        var a = problem.WeightedDesign();
        var b = problem.WeightedTargets();
        var s = new double[k];
        var u = new double[m * k];
        var vt = new double[k * n];
        (_backend ?? LinearAlgebra.Backend).ThinSvd(m, n, a, s, u, vt);

        var kept = 0;
        while (kept < k && s[kept] > RelativeTolerance * s[0] && s[kept] > 0 && (Rank is null || kept < Rank))
        {
            kept++;
        }
        var coefficients = new double[n];
        for (var i = 0; i < kept; i++)
        {
            var projection = 0.0;
            var ui = u.AsSpan(i * m, m);
            for (var r = 0; r < m; r++)
            {
                projection += ui[r] * b[r];
            }
            var scale = projection / s[i];
            for (var j = 0; j < n; j++)
            {
                coefficients[j] += scale * vt[i + j * k];
            }
        }
        return new LeastSquaresSolution(Name, coefficients, problem.ResidualNorm(coefficients), kept);
    }

    /// <inheritdoc />
    public LeastSquaresSolution Solve(NormalEquations normalEquations) =>
        throw SolverChecks.NormalEquationsNotSupported(Name);
}
