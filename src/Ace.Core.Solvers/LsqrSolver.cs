using System.Globalization;

namespace Ace.Core.Solvers;

/// <summary>
/// LSQR (Paige and Saunders, ACM TOMS 8, 1982) with damping: the iterative, Golub-Kahan bidiagonalisation based
/// solution of <c>min ||W (A c - y)||^2 + damping^2 ||c||^2</c>, which touches A only through products with A and
/// A^T (managed code; no factorisation). Stops when <c>||r|| &lt;= tol ||b|| + tol ||A|| ||c||</c> (compatible
/// systems) or <c>||A^T r|| &lt;= tol ||A|| ||r||</c> (least squares), with ||A|| LSQR's running estimate.
/// <see cref="LeastSquaresSolution.EffectiveRank"/> is the number of columns (LSQR does not reveal rank).
/// </summary>
public sealed class LsqrSolver : ILeastSquaresSolver
{
    /// <summary>Creates the solver.</summary>
    /// <param name="damping">The damping (Tikhonov) factor, &gt;= 0.</param>
    /// <param name="tolerance">The relative stopping tolerance (LSQR's atol = btol), in (0, 1).</param>
    /// <param name="maxIterations">The iteration limit, at least 1.</param>
    public LsqrSolver(double damping = 0, double tolerance = 1e-12, int maxIterations = 10_000)
    {
        SolverChecks.RequireNonNegative(damping, nameof(damping));
        SolverChecks.RequirePositive(tolerance, nameof(tolerance));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(tolerance, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIterations, 1);
        Damping = damping;
        Tolerance = tolerance;
        MaxIterations = maxIterations;
    }

    /// <summary>The damping factor.</summary>
    public double Damping { get; }

    /// <summary>The relative stopping tolerance.</summary>
    public double Tolerance { get; }

    /// <summary>The iteration limit.</summary>
    public int MaxIterations { get; }

    /// <inheritdoc />
    public string Name => string.Create(CultureInfo.InvariantCulture,
        $"LSQR (damping {SolverChecks.Format(Damping)}, tolerance {SolverChecks.Format(Tolerance)}, max {MaxIterations} iterations)");

    /// <inheritdoc />
    public bool AcceptsNormalEquations => false;

    /// <inheritdoc />
    public LeastSquaresSolution Solve(LeastSquaresProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        int m = problem.Rows, n = problem.Columns;
        var a = problem.WeightedDesign();
        var u = problem.WeightedTargets();
        var x = new double[n];
        var v = new double[n];
        var w = new double[n];

        var bNorm = Normalise(u);
        if (bNorm == 0)
        {
            return new LeastSquaresSolution(Name, x, 0, n);
        }
        MultiplyTransposed(a, m, n, u, v, 0);
        var alpha = Normalise(v);
        v.CopyTo(w, 0);
        double phiBar = bNorm, rhoBar = alpha, aNorm = 0, dampedResidual2 = 0;
        var damp = Damping;
        var iterations = 0;
        var converged = alpha == 0; // A^T b = 0: x = 0 is the answer
        while (!converged && iterations < MaxIterations)
        {
            iterations++;
            Multiply(a, m, n, v, u, -alpha);
            var beta = Normalise(u);
            aNorm = Math.Sqrt(aNorm * aNorm + alpha * alpha + beta * beta + damp * damp);
            MultiplyTransposed(a, m, n, u, v, -beta);
            alpha = Normalise(v);

            // Eliminate the damping term, then the subdiagonal beta, by plane rotations.
            var rhoBar1 = Math.Sqrt(rhoBar * rhoBar + damp * damp);
            var cs1 = rhoBar / rhoBar1;
            var sn1 = damp / rhoBar1;
            var psi = sn1 * phiBar;
            phiBar *= cs1;
            var rho = Math.Sqrt(rhoBar1 * rhoBar1 + beta * beta);
            var cs = rhoBar1 / rho;
            var sn = beta / rho;
            var theta = sn * alpha;
            rhoBar = -cs * alpha;
            var phi = cs * phiBar;
            phiBar *= sn;
            var tau = sn * phi;

            var t1 = phi / rho;
            var t2 = -theta / rho;
            var xNorm2 = 0.0;
            for (var j = 0; j < n; j++)
            {
                x[j] += t1 * w[j];
                w[j] = v[j] + t2 * w[j];
                xNorm2 += x[j] * x[j];
            }

            dampedResidual2 += psi * psi;
            var rNorm = Math.Sqrt(phiBar * phiBar + dampedResidual2);
            var arNorm = alpha * Math.Abs(tau);
            var compatible = rNorm <= Tolerance * bNorm + Tolerance * aNorm * Math.Sqrt(xNorm2);
            var leastSquares = arNorm <= Tolerance * aNorm * rNorm;
            converged = compatible || leastSquares || alpha == 0 || rNorm == 0;
        }
        return new LeastSquaresSolution(Name, x, problem.ResidualNorm(x), n, iterations, converged);
    }

    /// <inheritdoc />
    public LeastSquaresSolution Solve(NormalEquations normalEquations) =>
        throw SolverChecks.NormalEquationsNotSupported(Name);

    /// <summary>u = A v + scale u (A column-major m x n).</summary>
    private static void Multiply(double[] a, int m, int n, double[] v, double[] u, double scale)
    {
        for (var i = 0; i < m; i++)
        {
            u[i] *= scale;
        }
        for (var j = 0; j < n; j++)
        {
            var vj = v[j];
            var column = a.AsSpan(j * m, m);
            for (var i = 0; i < m; i++)
            {
                u[i] += column[i] * vj;
            }
        }
    }

    /// <summary>v = A^T u + scale v.</summary>
    private static void MultiplyTransposed(double[] a, int m, int n, double[] u, double[] v, double scale)
    {
        for (var j = 0; j < n; j++)
        {
            var column = a.AsSpan(j * m, m);
            var dot = 0.0;
            for (var i = 0; i < m; i++)
            {
                dot += column[i] * u[i];
            }
            v[j] = dot + scale * v[j];
        }
    }

    /// <summary>Scales x to unit norm (unless zero) and returns its former norm.</summary>
    private static double Normalise(double[] x)
    {
        var sum = 0.0;
        foreach (var value in x)
        {
            sum += value * value;
        }
        var norm = Math.Sqrt(sum);
        if (norm > 0)
        {
            for (var i = 0; i < x.Length; i++)
            {
                x[i] /= norm;
            }
        }
        return norm;
    }
}
