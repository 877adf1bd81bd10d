using System.Globalization;
using System.Text;
using Ace.Core.Errors;

namespace Ace.Core.Fitting;

/// <summary>
/// The outcome of <see cref="FitBuilder.CrossValidate(IEnumerable{Ace.Core.Atoms.Structure}, int)"/>: the out-of-fold errors (every structure predicted by the
/// model fitted without its fold) and what each fold's model was.
/// </summary>
public sealed class CrossValidationResult
{
    internal CrossValidationResult(ErrorTable errors, IReadOnlyList<CrossValidationFold> folds)
    {
        Errors = errors;
        Folds = folds;
    }

    /// <summary>The out-of-fold errors over all structures, per config_type and overall.</summary>
    public ErrorTable Errors { get; }

    /// <summary>The number of folds K.</summary>
    public int FoldCount => Folds.Count;

    /// <summary>Each fold, in order.</summary>
    public IReadOnlyList<CrossValidationFold> Folds { get; }

    /// <summary>The fold summary (held-out structures, training rows, solver, held-out errors) and the out-of-fold error table.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{FoldCount}-fold cross-validation (structure s in fold s mod {FoldCount})\n");
        foreach (var f in Folds)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"fold {f.Index}: {f.HeldOut.Count} held out, {f.TrainingRows} training rows, E RMSE {f.Errors.Overall.EnergyRmse:F1} meV/atom, F RMSE {f.Errors.Overall.ForceRmse:F1} meV/A, {f.Solver}\n");
        }
        sb.Append("out-of-fold errors:\n").Append(Errors);
        return sb.ToString();
    }
}
