using Ace.Core.Analysis;
using Ace.Core.Atoms;
using Ace.Core.Studies;

namespace Ace.Cli.Tests;

public class CommandTests : TemporaryFolderTest
{
    [Test]
    public void WrongCommandLinesExitWithTwoAndUsage()
    {
        var (code, output) = CliRunner.Run("frobnicate");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(output, Does.Contain("Unknown command 'frobnicate'").And.Contain("usage: ace"));
        (code, output) = CliRunner.Run("study", "--colour", "red");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(output, Does.Contain("unknown option --colour for 'study'"));
        (code, output) = CliRunner.Run("eval", "only-one.json");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(output, Does.Contain("missing required argument 'data'"));
        (code, output) = CliRunner.Run("dimer", "p.json", "--points");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(output, Does.Contain("Option 'points' is defined but no value has been provided"));
        Assert.That(CliRunner.Run("help").Code, Is.Zero);
    }

    [Test]
    public void BadInputFilesExitWithOneAndSayWhere()
    {
        File.WriteAllText(Path.Combine(Folder, "fit.yaml"), "elements: [Si]\ncutoff: 5\ndegrees: [6]\ndata: {train: none.xyz}\nsolver: nope\n");
        var (code, output) = CliRunner.Run("fit", Path.Combine(Folder, "fit.yaml"));
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("fit.yaml:5:").And.Contain("unknown solver 'nope'"));
        (code, _) = CliRunner.Run("eval", Path.Combine(Folder, "missing.json"), Path.Combine(Folder, "missing.xyz"));
        Assert.That(code, Is.EqualTo(1));
    }

    [Test]
    public void FitEvalAndDimerWorkTogether()
    {
        var config = WriteSiliconFit("[12, 8]");
        var (code, output) = CliRunner.Run("fit", config);
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("training errors").And.Contain("validation errors").And.Contain("overall"));
        var potential = Path.Combine(Folder, "si.json");
        Assert.That(File.Exists(potential));
        (code, output) = CliRunner.Run("info", potential);
        Assert.That(code, Is.Zero, output);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(Folder, "train.xyz"))));
        Assert.That(output, Does.Contain("body order up to 3").And.Contain("cutoff      Si-Si 5 A")
            .And.Contain("fitted by   Ace.Core 0.1.0").And.Contain("backend").And.Contain("noiseVariance")
            .And.Contain("weights     energy 30, forces 1, virial 0").And.Contain($"train.xyz  sha256 {sha}"));
        (code, output) = CliRunner.Run("eval", potential, Path.Combine(Folder, "val.xyz"));
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("Si2").And.Contain("Si3"));
        (code, output) = CliRunner.Run("dimer", potential, "--from", "2", "--to", "5", "--points", "31", "--csv");
        Assert.That(code, Is.Zero, output);
        var lines = output.Trim().Split('\n');
        Assert.That(lines[0], Is.EqualTo("r_A,energy_eV"));
        Assert.That(lines, Has.Length.EqualTo(32));
        // The fitted dimer curve follows the exact SW pair curve it was trained on (dimers included).
        var curve = new Curve("fit", [.. lines.Skip(1).Select(l => double.Parse(l.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture))],
            [.. lines.Skip(1).Select(l => double.Parse(l.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.That(curve.RmsDeviation(StillingerWeber.Silicon.PairEnergy, 2, 5), Is.LessThan(0.05));
    }

    [Test]
    public void QuickStudyWritesTablesAndPlots()
    {
        var (code, output) = CliRunner.Run("study", "--quick", "--degrees", "6,4", "--out", Folder);
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("Si345").And.Contain("dimer RMS"));
        Assert.That(File.ReadAllLines(Path.Combine(Folder, "summary.csv")), Has.Length.EqualTo(1 + 8 * 2 * 2)); // 8 sets x 2 body orders x (self-interacting, purified)
        foreach (var name in SiliconStudyData.Names)
        {
            var png = File.ReadAllBytes(Path.Combine(Folder, $"dimer-{name}.png"));
            Assert.That(png.Take(4), Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }));
            Assert.That(File.Exists(Path.Combine(Folder, $"coefficients-{name}.png")));
            // The equilateral trimer curves of every fit: plotted per set and written per fit, to the cutoff (5 A here).
            PlotImage.AssertNonTrivial(Path.Combine(Folder, $"trimer-{name}.png"));
            foreach (var variant in new[] { "SI", "PURE" })
            {
                var trimer = File.ReadAllLines(Path.Combine(Folder, $"trimer-{name}-{variant}-bo3.csv"));
                Assert.That(trimer[0], Is.EqualTo("side_A,energy_eV"));
                var last = trimer[^1].Split(',');
                Assert.That(double.Parse(last[0], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(5.0).Within(1e-9), $"{name} {variant}: to the cutoff");
                Assert.That(double.Parse(last[1], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(0).Within(1e-9), $"{name} {variant}: zero at the cutoff");
            }
        }
        Assert.That(File.ReadAllLines(Path.Combine(Folder, "summary.csv"))[0], Does.Contain("dimer_tail_drop_meV,trimer_tail_drop_meV"));
        // The fit report of the largest fit of each variant (body order 3), the same pages `ace fit` writes.
        var reports = Directory.GetDirectories(Folder, "report-*").Select(Path.GetFileName).Order().ToList();
        Assert.That(reports, Has.Count.EqualTo(2).And.All.EndsWith("-bo3"), string.Join(", ", reports));
        foreach (var report in reports)
        {
            var images = ReportTests.AssertPageAndPlots(Path.Combine(Folder, report!));
            Assert.That(images, Has.Some.StartsWith("parity-energy-validation").And.Some.StartsWith("dimer-"), report);
            Assert.That(File.ReadAllText(Path.Combine(Folder, report!, "report.md")), Does.Contain("## validation").And.Contain("body order 3"));
        }
    }
}
