using System.Text.RegularExpressions;
using Ace.Core;
using Ace.Core.Atoms;
using Ace.Core.Studies;

namespace Ace.Cli.Tests;

/// <summary>
/// The acceptance test of docs/errors.md: every command the tool registers (read from `ace --help`, so commands added
/// later are covered) run against broken inputs in each of its file arguments exits with 1 or 2 and one line, never a
/// stack trace.
/// </summary>
[NonParallelizable]
public class BrokenInputTests
{
    private string _folder = "";
    private string _potential = "";
    private readonly Dictionary<string, string> _broken = new(StringComparer.Ordinal);

    [OneTimeSetUp]
    public void WriteBrokenInputs()
    {
        _folder = Path.Combine(Path.GetTempPath(), "ace-broken-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        string Put(string name, string text)
        {
            var path = Path.Combine(_folder, name);
            File.WriteAllText(path, text);
            _broken[name] = path;
            return path;
        }
        var data = SiliconStudyData.Generate("Si2", new SiliconStudyDataOptions(Dimers: 12, Trimers: 0));
        var train = Path.Combine(_folder, "train.xyz");
        ExtendedXyz.Write(train, data.Train);
        var basis = LinearAce.Basis("Si").Cutoff(5.0).Radial(r0: 2.3).TotalDegree(4).Build();
        _potential = Path.Combine(_folder, "si.json");
        LinearAce.Fit(basis).Run(data.Train).Potential.Save(_potential);
        var json = File.ReadAllText(_potential);

        _broken["missing"] = Path.Combine(_folder, "no", "such", "file.txt");
        Directory.CreateDirectory(Path.Combine(_folder, "folder"));
        _broken["folder"] = Path.Combine(_folder, "folder");
        Put("empty.txt", "");
        var random = new Random(16);
        var bytes = new byte[2000];
        random.NextBytes(bytes);
        File.WriteAllBytes(Path.Combine(_folder, "garbage.bin"), bytes);
        _broken["garbage.bin"] = Path.Combine(_folder, "garbage.bin");
        Put("truncated.json", json[..(json.Length / 2)]);
        Put("edited.json", Regex.Replace(json, @"""r0"": ([0-9.]+)", m => $"\"r0\": {m.Groups[1].Value}1"));
        Put("huge-degree.json", Regex.Replace(json, @"""numerator"": \d+", "\"numerator\": 100000000"));
        Put("version-string.json", json.Replace($"\"version\": {Ace.Core.Serialization.PotentialSerializer.CurrentVersion}", "\"version\": \"one\"", StringComparison.Ordinal));
        Put("carbon.xyz", "2\nProperties=species:S:1:pos:R:3 energy=-1\nC 0 0 0\nC 1.4 0 0\n");
        Put("too-close.xyz", "2\nProperties=species:S:1:pos:R:3 energy=-1\nSi 0 0 0\nSi 0.01 0 0\n");
        Put("huge-count.xyz", "2000000000\nProperties=species:S:1:pos:R:3\nSi 0 0 0\n");
        Put("quotes.xyz", "1\nLattice=\"5 0 0 0 5 0 0 0 5 pbc=\"T T T\"\nSi 0 0 0\n");
        Put("far.xyz", "1\nLattice=\"5 0 0 0 5 0 0 0 5\" pbc=\"T T T\" Properties=species:S:1:pos:R:3\nSi 1e13 0 0\n");
        Put("unclosed.yaml", "elements: [Si\ncutoff: 5\n");
        Put("huge-degree.yaml", "elements: [Si]\ncutoff: 5\ndegrees: [100000]\ndata: {train: train.xyz}\noutput: out.json\n");
        Put("output-is-folder.yaml", "elements: [Si]\ncutoff: 5\ndegrees: [4]\ndata: {train: train.xyz}\noutput: folder\n");
        Put("output-is-train.yaml", "elements: [Si]\ncutoff: 5\ndegrees: [4]\ndata: {train: train.xyz}\noutput: train.xyz\n");
        Put("forces-key.yaml", "elements: [Si]\ncutoff: 5\ndegrees: [4]\ndata: {train: train.xyz, forces_key: force}\noutput: out.json\n");
        Put("foreign-validation.yaml", "elements: [Si]\ncutoff: 5\ndegrees: [4]\ndata: {train: train.xyz, validation: carbon.xyz}\noutput: out.json\n");
        Put("string-degree.yaml", "elements: [Si]\ncutoff: 5\ndegrees: [four]\ndata: {train: train.xyz}\n");
    }

    [OneTimeTearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    /// <summary>Each registered command and its positional arguments, from `ace --help`.</summary>
    private static List<(string Name, int Arguments)> RegisteredCommands()
    {
        var (code, help) = CliRunner.Run("--help");
        Assert.That(code, Is.Zero);
        var commands = help[help.IndexOf("COMMANDS:", StringComparison.Ordinal)..].Split('\n').Skip(1)
            .Select(l => Regex.Match(l, @"^\s{4}([a-z][\w-]*)((?:\s+<[^>]+>)*)"))
            .Where(m => m.Success)
            .Select(m => (m.Groups[1].Value, Regex.Matches(m.Groups[2].Value, "<[^>]+>").Count))
            .ToList();
        Assert.That(commands.Select(c => c.Item1), Is.SupersetOf(new[] { "fit", "init", "eval", "dimer", "study" }));
        return commands;
    }

    [Test]
    public void EveryCommandExitsWithOneOrTwoAndOneLineOnEveryBrokenInput()
    {
        int runs = 0;
        var failures = new List<string>();
        foreach (var (command, arguments) in RegisteredCommands())
        {
            foreach (var (name, path) in _broken)
            {
                var lines = new List<string[]>();
                if (arguments == 0)
                {
                    // Commands without file arguments: their data option, when they have one.
                    if (CliRunner.Run(command, "--help").Output.Contains("--data", StringComparison.Ordinal))
                    {
                        lines.Add([command, "--data", path]);
                    }
                }
                else
                {
                    lines.Add([command, .. Enumerable.Repeat(path, arguments)]);
                    if (arguments > 1)
                    {
                        lines.Add([command, _potential, .. Enumerable.Repeat(path, arguments - 1)]);
                    }
                }
                foreach (var args in lines)
                {
                    runs++;
                    var (code, output) = CliRunner.Run(args);
                    var shown = $"ace {string.Join(' ', args.Select(a => a.Replace(_folder, "<tmp>", StringComparison.Ordinal)))} [{name}]";
                    if (code is not (1 or 2))
                    {
                        failures.Add($"{shown}: exit {code}: {output.Trim()}");
                    }
                    else if (output.Contains("   at ", StringComparison.Ordinal) || Regex.IsMatch(output, @"\w+Exception:"))
                    {
                        failures.Add($"{shown}: a stack trace or raw exception: {output.Trim()}");
                    }
                    else if (code == 1 && (output.Trim().Split('\n') is var outputLines
                        && (outputLines.Count(l => l.StartsWith("error:", StringComparison.Ordinal)) != 1 || !outputLines[^1].StartsWith("error:", StringComparison.Ordinal))))
                    {
                        failures.Add($"{shown}: the error is not one last line: {output.Trim()}");
                    }
                }
            }
        }
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
        Assert.That(runs, Is.GreaterThan(50));
    }

    [TestCase("huge-degree.yaml", "100,000 functions")]
    [TestCase("output-is-folder.yaml", "is a folder")]
    [TestCase("output-is-train.yaml", "data.train")]
    [TestCase("forces-key.yaml", "columns present besides species and positions are: forces")]
    [TestCase("foreign-validation.yaml", "atom 0 is C")]
    [TestCase("unclosed.yaml", "unclosed")]
    [TestCase("string-degree.yaml", "expected positive integers, got 'four'")]
    public void FitNamesTheProblem(string config, string expected)
    {
        var (code, output) = CliRunner.Run("fit", _broken[config]);
        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain(expected));
    }

    [TestCase("edited.json", "\"basis\"")]
    [TestCase("huge-degree.json", "functions")]
    [TestCase("version-string.json", "integer \"version\"")]
    [TestCase("truncated.json", "not valid JSON")]
    public void EvalNamesWhatIsWrongWithThePotential(string potential, string expected)
    {
        var (code, output) = CliRunner.Run("eval", _broken[potential], Path.Combine(_folder, "train.xyz"));
        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain(expected));
    }
}
