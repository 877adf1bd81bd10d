using Ace.Core.Solvers.Backends;

namespace Ace.Core.Solvers.Tests;

/// <summary>The native backend for tests, or Assert.Ignore with the reason when no LAPACK library loads.</summary>
internal static class NativeBackendAvailability
{
    public static ILinearAlgebraBackend Require()
    {
        var backend = NativeLapackBackend.TryGetInstance();
        if (backend is null)
        {
            Assert.Ignore("Native LAPACK backend unavailable: " + NativeLapackBackend.LibraryDescription);
        }
        return backend!;
    }
}
