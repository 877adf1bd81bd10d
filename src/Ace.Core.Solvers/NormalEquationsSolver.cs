using System.Globalization;
using Ace.Core.Solvers.Backends;

namespace Ace.Core.Solvers;

/// <summary>
/// Normal equations with Cholesky: solves <c>(A^T W^2 A + lambda^2 Gamma^2) c = A^T W^2 y</c> (ridge regression when
/// lambda &gt; 0; Gamma the identity unless a <see cref="Prior"/> is given). Works from a problem or from accumulated
/// <see cref="NormalEquations"/>. Squares the condition number: prefer QR for ill-conditioned unregularised systems.
/// </summary>
public sealed class NormalEquationsSolver : ILeastSquaresSolver
{
    private readonly ILinearAlgebraBackend? _backend;
    private readonly TikhonovPenalty _penalty;

    /// <summary>Creates the solver.</summary>
    /// <param name="tikhonov">lambda &gt;= 0; 0 means plain least squares.</param>
    /// <param name="prior">Gamma for the penalty; null means the identity.</param>
    /// <param name="backend">The backend; null means <see cref="LinearAlgebra.Backend"/> at solve time.</param>
    public NormalEquationsSolver(double tikhonov = 0, Prior? prior = null, ILinearAlgebraBackend? backend = null)
    {
        _penalty = new TikhonovPenalty(tikhonov, prior, nameof(tikhonov));
        _backend = backend;
    }

    /// <summary>The Tikhonov factor lambda.</summary>
    public double Tikhonov => _penalty.Lambda;

    /// <inheritdoc />
    public string Name => _penalty.Describe("normal equations", "Cholesky");

    /// <inheritdoc />
    public bool AcceptsNormalEquations => true;

    /// <inheritdoc />
    public LeastSquaresSolution Solve(LeastSquaresProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var backend = _backend ?? LinearAlgebra.Backend;
        var coefficients = SolveCoefficients(NormalEquations.FromProblem(problem, backend), backend);
        return new LeastSquaresSolution(Name, coefficients, problem.ResidualNorm(coefficients), problem.Columns);
    }

    /// <inheritdoc />
    public LeastSquaresSolution Solve(NormalEquations normalEquations)
    {
        ArgumentNullException.ThrowIfNull(normalEquations);
        var coefficients = SolveCoefficients(normalEquations, _backend ?? LinearAlgebra.Backend);
        return new LeastSquaresSolution(Name, coefficients, normalEquations.ResidualNorm(coefficients),
            normalEquations.Columns);
    }

    private double[] SolveCoefficients(NormalEquations normalEquations, ILinearAlgebraBackend backend)
    {
        var n = normalEquations.Columns;
        _penalty.RequireColumns(n);
        var matrix = normalEquations.Gram.ToArray();
        var squared = Tikhonov * Tikhonov;
        for (var j = 0; j < n; j++)
        {
            var gamma = _penalty.Gamma(j);
            matrix[j + j * n] += squared * gamma * gamma;
        }
        var coefficients = normalEquations.ProjectedTargets.ToArray();
        backend.CholeskySolve(n, matrix, coefficients, 1);

        // A positive but rounding-level pivot means the matrix is singular to working precision.
        double smallest = double.PositiveInfinity, largest = 0;
        for (var j = 0; j < n; j++)
        {
            var d = Math.Abs(matrix[j + j * n]);
            smallest = Math.Min(smallest, d);
            largest = Math.Max(largest, d);
        }
        var ratio = smallest / largest;
        if (ratio * ratio <= n * SolverChecks.MachineEpsilon)
        {
            throw new SingularMatrixException(string.Create(CultureInfo.InvariantCulture,
                $"Normal equations: the {n} x {n} Gram matrix is singular to working precision (Cholesky pivot ratio ") +
                string.Create(CultureInfo.InvariantCulture, $"{ratio * ratio:G3}). ") +
                "Add a Tikhonov term or use LeastSquares.TruncatedSvd / LeastSquares.RankRevealingQr.");
        }
        return coefficients;
    }
}
