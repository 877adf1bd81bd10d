using System.Globalization;
using Ace.Core.Atoms;
using Ace.Core.Errors;
using Ace.Core.Potentials;
using Ace.Core.Solvers;

namespace Ace.Core.Fitting;

/// <summary>
/// The fold machinery of K-fold cross-validation over structures: structure s (its index in the training set) belongs
/// to fold s mod K; the rows of each fold are streamed once into their own <see cref="NormalEquations"/>, and the
/// training system of fold f is the sum of the other folds' normal equations.
/// </summary>
internal static class CrossValidation
{
    /// <summary>The fold of structure <paramref name="structure"/>: its index modulo the number of folds.</summary>
    public static int FoldOf(int structure, int folds) => structure % folds;

    /// <summary>Throws unless there are at least two folds.</summary>
    public static void RequireFolds(int folds, string argument)
    {
        if (folds < 2)
        {
            throw new ArgumentOutOfRangeException(argument, folds,
                string.Create(CultureInfo.InvariantCulture, $"cross-validation needs at least 2 folds, got {folds}"));
        }
    }

    /// <summary>Throws unless every fold gets at least one of <paramref name="structures"/> structures.</summary>
    public static void RequireEnoughStructures(int folds, int structures, string argument)
    {
        if (folds > structures)
        {
            throw new ArgumentOutOfRangeException(argument, folds, string.Create(CultureInfo.InvariantCulture,
                $"{folds} folds need at least {folds} structures, but the training set has {structures}"));
        }
    }

    /// <summary>The sum of the folds' normal equations in fold order, leaving out fold <paramref name="except"/> (-1: none).</summary>
    public static NormalEquations Sum(IReadOnlyList<NormalEquations> folds, int except = -1)
    {
        var sum = new NormalEquations(folds[0].Columns);
        for (int f = 0; f < folds.Count; f++)
        {
            if (f != except)
            {
                sum.Merge(folds[f]);
            }
        }
        return sum;
    }

    /// <summary>
    /// Fits each fold's model to the other folds with <paramref name="strategy"/> (given the other folds and their sum),
    /// predicts the held-out structures with it, and tabulates the out-of-fold errors.
    /// </summary>
    public static CrossValidationResult Run(IReadOnlyList<Structure> structures, IReadOnlyList<NormalEquations> folds, SolveStrategy strategy,
        Func<LeastSquaresSolution, LinearAcePotential> potentialOf)
    {
        var predictions = new PotentialEvaluation[structures.Count];
        var results = new CrossValidationFold[folds.Count];
        for (int f = 0; f < folds.Count; f++)
        {
            var others = folds.Where((_, g) => g != f).ToArray();
            var training = Sum(folds, except: f);
            var (solution, ridge) = strategy.Solve(others, training);
            var potential = potentialOf(solution);
            int fold = f;
            var heldOut = Enumerable.Range(0, structures.Count).Where(s => FoldOf(s, folds.Count) == fold).ToArray();
            ParallelLoop.Run(() => Parallel.For(0, heldOut.Length, k => predictions[heldOut[k]] = ErrorTable.Predict(potential, structures[heldOut[k]])));
            var errors = ErrorTable.FromPredictions(heldOut.Select(s => structures[s]).ToArray(), heldOut.Select(s => predictions[s]).ToArray());
            results[f] = new CrossValidationFold(f, heldOut, training.RowCount, solution, ridge, errors);
        }
        return new CrossValidationResult(ErrorTable.FromPredictions(structures, predictions), results);
    }
}
