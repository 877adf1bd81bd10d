namespace Ace.Core.Studies;

/// <summary>The record of a convergence study.</summary>
/// <param name="Steps">Every fit, in the order it was made (accepted or not).</param>
/// <param name="BestPerOrder">For each correlation order opened successfully, its best (frozen) step.</param>
public sealed record ConvergenceResult(IReadOnlyList<ConvergenceStep> Steps, IReadOnlyList<ConvergenceStep> BestPerOrder)
{
    /// <summary>The final model: the best step of the highest order that improved the validation score.</summary>
    public ConvergenceStep Final => BestPerOrder[^1];
}
