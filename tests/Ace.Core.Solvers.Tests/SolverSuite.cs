using Ace.Core.Solvers.Backends;

namespace Ace.Core.Solvers.Tests;

/// <summary>
/// Every solver and backend test, written once and run per backend (as Math.NET tests its providers):
/// <see cref="ManagedBackendTests"/> and <see cref="NativeBackendTests"/>, the latter Ignored with the reason when
/// no LAPACK library loads.
/// </summary>
public abstract partial class SolverSuite
{
    /// <summary>The backend under test, chosen per fixture.</summary>
    protected ILinearAlgebraBackend Backend { get; private set; } = null!;

    /// <summary>Creates the backend, or ignores the fixture when it is unavailable.</summary>
    protected abstract ILinearAlgebraBackend CreateBackend();

    [SetUp]
    public void ChooseBackend() => Backend = CreateBackend();
}

/// <summary>The suite on Math.NET's managed provider.</summary>
[TestFixture]
public sealed class ManagedBackendTests : SolverSuite
{
    /// <inheritdoc />
    protected override ILinearAlgebraBackend CreateBackend() => ManagedBackend.Instance;
}

/// <summary>The suite on native LAPACK/BLAS (OpenBLAS, MKL or reference LAPACK).</summary>
[TestFixture]
public sealed class NativeBackendTests : SolverSuite
{
    /// <inheritdoc />
    protected override ILinearAlgebraBackend CreateBackend() => NativeBackendAvailability.Require();
}
