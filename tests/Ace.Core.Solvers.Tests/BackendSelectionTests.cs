using Ace.Core.Solvers.Backends;

namespace Ace.Core.Solvers.Tests;

[NonParallelizable]
public sealed class BackendSelectionTests
{
    private string? _saved;

    [SetUp]
    public void Save() => _saved = Environment.GetEnvironmentVariable(LinearAlgebra.EnvironmentVariable);

    [TearDown]
    public void Restore()
    {
        Environment.SetEnvironmentVariable(LinearAlgebra.EnvironmentVariable, _saved);
        LinearAlgebra.Override = null;
    }

    [Test]
    public void The_environment_variable_forces_the_managed_backend_and_the_override_wins_over_it()
    {
        Environment.SetEnvironmentVariable(LinearAlgebra.EnvironmentVariable, "managed");
        Assert.That(LinearAlgebra.Backend, Is.SameAs(ManagedBackend.Instance));

        var native = NativeBackendAvailability.Require();
        LinearAlgebra.Override = native;
        Assert.That(LinearAlgebra.Backend, Is.SameAs(native));
    }

    [Test]
    public void Without_settings_native_is_chosen_when_available_and_managed_otherwise()
    {
        Environment.SetEnvironmentVariable(LinearAlgebra.EnvironmentVariable, null);
        var expected = (ILinearAlgebraBackend?)NativeLapackBackend.TryGetInstance() ?? ManagedBackend.Instance;
        Assert.That(LinearAlgebra.Backend, Is.SameAs(expected));
    }

    [Test]
    public void Forcing_native_without_a_library_or_an_unknown_value_throws_a_clear_exception()
    {
        Environment.SetEnvironmentVariable(LinearAlgebra.EnvironmentVariable, "fortran77");
        Assert.That(Assert.Throws<InvalidOperationException>(() => _ = LinearAlgebra.Backend)!.Message, Does.Contain("managed, native, auto"));

        Environment.SetEnvironmentVariable(LinearAlgebra.EnvironmentVariable, "native");
        if (NativeLapackBackend.IsAvailable)
        {
            Assert.That(LinearAlgebra.Backend, Is.SameAs(NativeLapackBackend.Instance));
            Assert.That(NativeLapackBackend.Instance.Name, Does.Contain("lib"));
        }
        else
        {
            Assert.That(Assert.Throws<InvalidOperationException>(() => _ = LinearAlgebra.Backend)!.Message, Does.Contain("unavailable"));
        }
    }
}
