using NUnit.Framework;

namespace Ace.Core.TestUtilities;

/// <summary>
/// Locates the read-only reference data set that lives beside the repository at <c>../shared/data</c>.
/// Tests that need it call <see cref="Require"/>, which reports the test as Ignored (with the reason)
/// when the data is absent, so a fresh clone without the data still passes.
/// </summary>
public static class SharedData
{
    /// <summary>The <c>shared/data</c> directory beside the repository root, or null when it is absent.</summary>
    public static string? Directory { get; } = Locate();

    /// <summary>Returns the full path of <paramref name="relativePath"/> under shared/data, or ignores the test.</summary>
    public static string Require(string relativePath)
    {
        if (Directory is null)
        {
            Assert.Ignore($"../shared/data is not beside the repository; '{relativePath}' is needed by this test.");
        }
        var path = Path.Combine(Directory!, relativePath);
        if (!File.Exists(path))
        {
            Assert.Ignore($"shared data file '{path}' is absent.");
        }
        return path;
    }

    /// <summary>The repository root: the first ancestor of the test assembly that holds Ace.Core.sln.</summary>
    public static string RepositoryRoot { get; } = LocateRoot();

    private static string LocateRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ace.Core.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Ace.Core.sln not found above " + AppContext.BaseDirectory);
    }

    private static string? Locate()
    {
        var env = Environment.GetEnvironmentVariable("ACE_SHARED_DATA");
        if (!string.IsNullOrEmpty(env) && System.IO.Directory.Exists(env))
        {
            return env;
        }
        var candidate = Path.GetFullPath(Path.Combine(LocateRoot(), "..", "shared", "data"));
        return System.IO.Directory.Exists(candidate) ? candidate : null;
    }
}
