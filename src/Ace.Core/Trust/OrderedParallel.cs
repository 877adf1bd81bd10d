using System.Runtime.ExceptionServices;

namespace Ace.Core.Trust;

/// <summary>Runs a body for every index in parallel and rethrows the exception of the lowest failing index, so errors do not depend on thread timing.</summary>
internal static class OrderedParallel
{
    public static void For(int count, int maxDegreeOfParallelism, Action<int> body)
    {
        var errors = new Exception?[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, k =>
        {
            try
            {
                body(k);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                errors[k] = e;
            }
        });
        if (errors.FirstOrDefault(e => e is not null) is { } first)
        {
            ExceptionDispatchInfo.Capture(first).Throw();
        }
    }
}
