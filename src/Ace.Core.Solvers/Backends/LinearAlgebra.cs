namespace Ace.Core.Solvers.Backends;

/// <summary>
/// Chooses the linear-algebra backend the solvers use by default. In order of precedence: a programmatic
/// <see cref="Override"/>; the environment variable <c>ACE_LINALG</c> = <c>managed</c> | <c>native</c> | <c>auto</c>;
/// otherwise native when a LAPACK/BLAS library loads and managed when not.
/// </summary>
public static class LinearAlgebra
{
    /// <summary>The environment variable that forces a backend: managed, native or auto.</summary>
    public const string EnvironmentVariable = "ACE_LINALG";

    private static ILinearAlgebraBackend? s_override;

    /// <summary>
    /// A backend that takes precedence over the environment variable and the automatic choice; null (the default)
    /// restores them. Set it once at start-up: solvers created afterwards without an explicit backend use it.
    /// </summary>
    public static ILinearAlgebraBackend? Override
    {
        get => Volatile.Read(ref s_override);
        set => Volatile.Write(ref s_override, value);
    }

    /// <summary>The backend in force now.</summary>
    /// <exception cref="InvalidOperationException">
    /// ACE_LINALG=native but no native library loads, or ACE_LINALG holds an unknown value.
    /// </exception>
    public static ILinearAlgebraBackend Backend => Override ?? FromEnvironment();

    private static ILinearAlgebraBackend FromEnvironment()
    {
        var choice = Environment.GetEnvironmentVariable(EnvironmentVariable)?.Trim().ToUpperInvariant();
        return choice switch
        {
            null or "" or "AUTO" => (ILinearAlgebraBackend?)NativeLapackBackend.TryGetInstance() ?? ManagedBackend.Instance,
            "MANAGED" => ManagedBackend.Instance,
            "NATIVE" => NativeLapackBackend.Instance,
            _ => throw new InvalidOperationException(
                $"Environment variable {EnvironmentVariable} = '{choice}' is not one of managed, native, auto."),
        };
    }
}
