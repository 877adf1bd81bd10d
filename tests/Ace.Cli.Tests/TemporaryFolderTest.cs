namespace Ace.Cli.Tests;

/// <summary>A test fixture with a fresh temporary folder per test (<see cref="Folder"/>), deleted afterwards.</summary>
public abstract class TemporaryFolderTest
{
    /// <summary>The current test's folder.</summary>
    protected string Folder { get; private set; } = "";

    [SetUp]
    public void CreateFolder()
    {
        Folder = Path.Combine(Path.GetTempPath(), "ace-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(Folder, recursive: true);
}
