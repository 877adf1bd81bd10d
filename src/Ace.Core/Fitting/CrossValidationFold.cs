using Ace.Core.Errors;
using Ace.Core.Solvers;

namespace Ace.Core.Fitting;

/// <summary>One fold of <see cref="FitBuilder.CrossValidate(IEnumerable{Ace.Core.Atoms.Structure}, int)"/>: its held-out structures and the model fitted without them.</summary>
/// <param name="Index">The fold number f, 0 .. K-1; it holds out the structures whose index s has s mod K == f.</param>
/// <param name="HeldOut">The indices (into the training set) of the held-out structures, ascending.</param>
/// <param name="TrainingRows">The number of weighted rows the model of this fold was fitted to.</param>
/// <param name="Solution">The solver's answer on the other folds.</param>
/// <param name="Ridge">The lambda chosen by the inner cross-validation when the fit uses <see cref="FitBuilder.RidgeByCrossValidation"/>, else null.</param>
/// <param name="Errors">The errors of this fold's model on its held-out structures.</param>
public sealed record CrossValidationFold(
    int Index,
    IReadOnlyList<int> HeldOut,
    long TrainingRows,
    LeastSquaresSolution Solution,
    RidgeSelection? Ridge,
    ErrorTable Errors)
{
    /// <summary>The solver's description with its settings (<see cref="LeastSquaresSolution.Solver"/>).</summary>
    public string Solver => Solution.Solver;
}
