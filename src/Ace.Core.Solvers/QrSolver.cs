using System.Globalization;
using Ace.Core.Solvers.Backends;

namespace Ace.Core.Solvers;

/// <summary>
/// Householder QR of the weighted system, optionally stacked with Tikhonov rows: minimises
/// <c>||W (A c - y)||^2 + lambda^2 ||Gamma c||^2</c> through the QR factorisation of <c>[W A; lambda Gamma]</c>
/// (Gamma the identity unless a <see cref="Prior"/> is given). Needs the rows; does not accept normal equations.
/// </summary>
public sealed class QrSolver : ILeastSquaresSolver
{
    private readonly ILinearAlgebraBackend? _backend;
    private readonly TikhonovPenalty _penalty;

    /// <summary>Creates the solver.</summary>
    /// <param name="tikhonov">lambda &gt;= 0; 0 means plain least squares.</param>
    /// <param name="prior">Gamma for the Tikhonov rows; null means the identity.</param>
    /// <param name="backend">The backend; null means <see cref="LinearAlgebra.Backend"/> at solve time.</param>
    public QrSolver(double tikhonov = 0, Prior? prior = null, ILinearAlgebraBackend? backend = null)
    {
        _penalty = new TikhonovPenalty(tikhonov, prior, nameof(tikhonov));
        _backend = backend;
    }

    /// <summary>The Tikhonov factor lambda.</summary>
    public double Tikhonov => _penalty.Lambda;

    /// <inheritdoc />
    public string Name => _penalty.Describe("QR");

    /// <inheritdoc />
    public bool AcceptsNormalEquations => false;

    /// <inheritdoc />
    public LeastSquaresSolution Solve(LeastSquaresProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        _penalty.RequireColumns(problem.Columns);
        int m = problem.Rows, n = problem.Columns;
        var extra = Tikhonov > 0 ? n : 0;
        var total = m + extra;
        if (total < n)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"QR needs at least as many rows as columns, but the problem is {m} x {n}. Add a Tikhonov term, or use ") +
                "LeastSquares.TruncatedSvd, LeastSquares.RankRevealingQr or LeastSquares.Lsqr for underdetermined systems.",
                nameof(problem));
        }
        var a = problem.WeightedDesign(extra);
        for (var j = 0; j < extra; j++)
        {
            a[m + j + j * total] = Tikhonov * _penalty.Gamma(j);
        }
        var b = problem.WeightedTargets(extra);
        var rDiagonal = new double[n];
        (_backend ?? LinearAlgebra.Backend).QrLeastSquares(total, n, a, b, rDiagonal);
        RequireNonsingular(rDiagonal, total, n);
        var coefficients = b.AsSpan(0, n).ToArray();
        return new LeastSquaresSolution(Name, coefficients, problem.ResidualNorm(coefficients), n);
    }

    /// <inheritdoc />
    public LeastSquaresSolution Solve(NormalEquations normalEquations) =>
        throw SolverChecks.NormalEquationsNotSupported(Name);

    private static void RequireNonsingular(ReadOnlySpan<double> rDiagonal, int m, int n)
    {
        var largest = 0.0;
        foreach (var r in rDiagonal)
        {
            largest = Math.Max(largest, Math.Abs(r));
        }
        var threshold = SolverChecks.SingularityThreshold(m, n) * largest;
        for (var j = 0; j < rDiagonal.Length; j++)
        {
            if (Math.Abs(rDiagonal[j]) <= threshold)
            {
                throw new SingularMatrixException(string.Create(CultureInfo.InvariantCulture,
                    $"QR factorisation: |R[{j},{j}]| = {Math.Abs(rDiagonal[j]):G3} is below {threshold:G3} (rounding level), so ") +
                    "the weighted design matrix is numerically rank-deficient. Use LeastSquares.TruncatedSvd or " +
                    "LeastSquares.RankRevealingQr, or add a Tikhonov term.");
            }
        }
    }
}
