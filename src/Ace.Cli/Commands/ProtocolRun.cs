using Ace.Core.Analysis;
using Ace.Core.Studies;

namespace Ace.Cli.Commands;

/// <summary>The convergence protocol's record for one data set and basis variant.</summary>
internal sealed record ProtocolRun(string Dataset, string Variant, ConvergenceResult Result)
{
    /// <summary>True when the step is the frozen (best) step of its correlation order.</summary>
    public bool IsFrozen(ConvergenceStep step) => Result.BestPerOrder.Contains(step);
}
