namespace Ace.Core.Solvers;

/// <summary>The result of a least-squares solve: the coefficients and what the solver learned.</summary>
public class LeastSquaresSolution
{
    private readonly double[] _coefficients;

    /// <summary>Creates a solution.</summary>
    /// <param name="solver">The solver's name.</param>
    /// <param name="coefficients">The coefficients c (kept, not copied).</param>
    /// <param name="residualNorm">The weighted data residual <c>||W (y - A c)||</c> (without penalty terms).</param>
    /// <param name="effectiveRank">The numerical rank used (the number of coefficients for full-rank solvers).</param>
    /// <param name="iterations">Iterations taken (0 for direct solvers).</param>
    /// <param name="converged">False when an iterative solver stopped at its iteration limit.</param>
    public LeastSquaresSolution(string solver, double[] coefficients, double residualNorm, int effectiveRank,
        int iterations = 0, bool converged = true)
    {
        ArgumentNullException.ThrowIfNull(solver);
        ArgumentNullException.ThrowIfNull(coefficients);
        Solver = solver;
        _coefficients = coefficients;
        ResidualNorm = residualNorm;
        EffectiveRank = effectiveRank;
        Iterations = iterations;
        Converged = converged;
    }

    /// <summary>The name of the solver that produced this solution, with its settings.</summary>
    public string Solver { get; }

    /// <summary>The coefficients c.</summary>
    public ReadOnlySpan<double> Coefficients => _coefficients;

    /// <summary>The coefficients as a new array.</summary>
    public double[] ToArray() => (double[])_coefficients.Clone();

    /// <summary>The weighted data residual norm <c>||W (y - A c)||</c>, without any penalty or prior term.</summary>
    public double ResidualNorm { get; }

    /// <summary>The numerical rank the solver used (the number of coefficients when the problem is full rank).</summary>
    public int EffectiveRank { get; }

    /// <summary>Iterations taken: LSQR steps, evidence-maximisation steps for BLR, 0 for direct solvers.</summary>
    public int Iterations { get; }

    /// <summary>False when an iterative solver stopped at its iteration limit before meeting its tolerance.</summary>
    public bool Converged { get; }
}
