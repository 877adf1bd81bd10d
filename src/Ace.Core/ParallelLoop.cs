using System.Runtime.ExceptionServices;

namespace Ace.Core;

/// <summary>
/// Runs parallel loops so that a failure surfaces as the exception itself (the one a sequential loop would give, with
/// its own stack trace), not as an <see cref="AggregateException"/>: docs/errors.md promises callers specific exceptions.
/// </summary>
internal static class ParallelLoop
{
    /// <summary>Runs <paramref name="loop"/> (a <c>Parallel.For</c>), rethrowing the first failure of its iterations unwrapped.</summary>
    public static void Run(Action loop)
    {
        try
        {
            loop();
        }
        catch (AggregateException e) when (e.Flatten().InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(e.Flatten().InnerExceptions[0]).Throw();
        }
    }
}
