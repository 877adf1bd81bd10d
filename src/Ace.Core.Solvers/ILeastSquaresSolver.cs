namespace Ace.Core.Solvers;

/// <summary>
/// A weighted linear least-squares solver. Create one through <see cref="Solvers"/>. Solvers are immutable and may
/// be shared between threads.
/// </summary>
public interface ILeastSquaresSolver
{
    /// <summary>The solver's name with its settings, e.g. "QR (tikhonov 0.001)".</summary>
    string Name { get; }

    /// <summary>True when <see cref="Solve(NormalEquations)"/> is supported.</summary>
    bool AcceptsNormalEquations { get; }

    /// <summary>Solves the weighted problem <c>min ||W (A c - y)||</c> (plus the solver's penalty or prior).</summary>
    /// <exception cref="SingularMatrixException">The system is singular for this solver.</exception>
    LeastSquaresSolution Solve(LeastSquaresProblem problem);

    /// <summary>Solves from accumulated normal equations.</summary>
    /// <exception cref="NotSupportedException">This solver needs the rows themselves (see <see cref="AcceptsNormalEquations"/>).</exception>
    /// <exception cref="SingularMatrixException">The system is singular for this solver.</exception>
    LeastSquaresSolution Solve(NormalEquations normalEquations);
}
