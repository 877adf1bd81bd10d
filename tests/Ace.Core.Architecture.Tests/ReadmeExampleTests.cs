using System.Diagnostics;
using System.Text.RegularExpressions;
using Ace.Core.TestUtilities;

namespace Ace.Core.Architecture.Tests;

/// <summary>
/// The README's code example, exactly as printed, compiles and runs as a file-based app (<c>dotnet run app.cs</c>)
/// with plain <c>using</c> lines; only a <c>#:project</c> line pointing at src/Ace.Core is put in front of it.
/// </summary>
[NonParallelizable]
public partial class ReadmeExampleTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("ace-readme-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void TheExampleUsesPlainUsingLines()
    {
        var usings = Example().Split('\n').Where(l => l.StartsWith("using", StringComparison.Ordinal)).ToList();
        Assert.That(usings, Is.Not.Empty);
        Assert.That(usings, Has.All.Matches<string>(l => PlainUsing().IsMatch(l)));
    }

    [Test]
    public void TheExampleCompiles()
    {
        var (code, output) = Dotnet("build", WriteApp());
        Assert.That(code, Is.Zero, output);
    }

    [Test]
    public void TheExampleRunsOnTheSiliconClusters()
    {
        foreach (var name in new[] { "Si2345_train.xyz", "Si2345_val.xyz" })
        {
            File.Copy(SharedData.Require(Path.Combine("si", name)), Path.Combine(_folder, name));
        }
        var (code, output) = Dotnet("run", WriteApp());
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("overall"));
        var potential = LinearAce.Load(Path.Combine(_folder, "si.ace.json"));
        Assert.That(potential.Basis.FunctionCount, Is.GreaterThan(100));
    }

    /// <summary>The first C# code block of README.md.</summary>
    private static string Example()
    {
        var readme = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var match = CSharpBlock().Match(readme);
        Assert.That(match.Success, "README.md has no ```csharp block");
        return match.Groups[1].Value;
    }

    private string WriteApp()
    {
        var project = Path.Combine(SharedData.RepositoryRoot, "src", "Ace.Core", "Ace.Core.csproj");
        var path = Path.Combine(_folder, "readme.cs");
        File.WriteAllText(path, $"#:project {project}\n{Example()}");
        return path;
    }

    private (int Code, string Output) Dotnet(string verb, string app)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = _folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { verb, "-c", "Release", app })
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(5)), "dotnet " + verb + " did not finish within 5 minutes");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"^using [A-Za-z][A-Za-z0-9.]*;")]
    private static partial Regex PlainUsing();
}
