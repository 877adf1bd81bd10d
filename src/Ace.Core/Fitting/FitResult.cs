using Ace.Core.Atoms;
using Ace.Core.Errors;
using Ace.Core.Potentials;
using Ace.Core.Solvers;

namespace Ace.Core.Fitting;

/// <summary>The outcome of <see cref="FitBuilder.Run"/>: the potential and how it was obtained.</summary>
/// <param name="Potential">The fitted potential.</param>
/// <param name="Solution">The solver's answer (for BLR a <c>BayesianSolution</c>: variances, evidence, committees).</param>
/// <param name="StructureCount">The number of training structures.</param>
/// <param name="Rows">The number of weighted rows assembled.</param>
/// <param name="Mode">How the system was assembled.</param>
/// <param name="AssemblyTime">Wall time of the assembly.</param>
/// <param name="SolveTime">Wall time of the solve.</param>
public sealed record FitResult(
    LinearAcePotential Potential,
    LeastSquaresSolution Solution,
    int StructureCount,
    long Rows,
    AssemblyMode Mode,
    TimeSpan AssemblyTime,
    TimeSpan SolveTime)
{
    /// <summary>The lambda chosen by cross-validation and the loss curve, when the fit used <see cref="FitBuilder.RidgeByCrossValidation"/>; else null.</summary>
    public RidgeSelection? Ridge { get; init; }

    /// <summary>The steps of the fitted-radial optimisation when the fit used <see cref="FitBuilder.FitRadials"/>; else null.</summary>
    public RadialFitReport? RadialFit { get; init; }

    /// <summary>The number of basis functions (coefficients).</summary>
    public int FunctionCount => Potential.Basis.FunctionCount;

    /// <summary>The RMSE and MAE of the potential on <paramref name="structures"/>, per config_type and overall.</summary>
    public ErrorTable Errors(IEnumerable<Structure> structures) => ErrorTable.Compute(Potential, structures);
}
