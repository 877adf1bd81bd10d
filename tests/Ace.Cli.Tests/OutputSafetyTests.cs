using Ace.Core;
using Ace.Core.Atoms;
using Ace.Core.Primitives;
using Ace.Core.Studies;

namespace Ace.Cli.Tests;

/// <summary>`ace fit` never overwrites an input, checks its outputs before the fit, and never loses a fitted potential.</summary>
public class OutputSafetyTests : TemporaryFolderTest
{
    private string WriteConfig(string extra, string output = "si.json")
    {
        var data = SiliconStudyData.Generate("Si2", new SiliconStudyDataOptions(Dimers: 12, Trimers: 0));
        ExtendedXyz.Write(Path.Combine(Folder, "train.xyz"), data.Train);
        var config = Path.Combine(Folder, "fit.yaml");
        File.WriteAllText(config, $"elements: [Si]\ncutoff: 5.0\ndegrees: [4]\ndata: {{train: train.xyz}}\noutput: {output}\n{extra}");
        return config;
    }

    [TestCase("train.xyz", "data.train")]
    [TestCase("fit.yaml", "the config itself")]
    public void AnOutputThatIsAnInputIsRefusedBeforeWork(string output, string named)
    {
        var config = WriteConfig("", output);
        var before = File.ReadAllText(Path.Combine(Folder, output));
        var (code, text) = CliRunner.Run("fit", config);
        Assert.That(code, Is.EqualTo(1), text);
        Assert.That(text, Does.Contain("fit.yaml:5: output:").And.Contain(named));
        Assert.That(File.ReadAllText(Path.Combine(Folder, output)), Is.EqualTo(before));
    }

    [Test]
    public void AnOutputLinkToAnInputCountsAsTheInput()
    {
        var config = WriteConfig("", "link.xyz");
        File.CreateSymbolicLink(Path.Combine(Folder, "link.xyz"), Path.Combine(Folder, "train.xyz"));
        var (code, text) = CliRunner.Run("fit", config);
        Assert.That(code, Is.EqualTo(1), text);
        Assert.That(text, Does.Contain("data.train"));
    }

    [Test]
    public void ErrorsCsvEqualToOutputIsRefused()
    {
        var config = WriteConfig("errors_csv: si.json\n");
        var (code, text) = CliRunner.Run("fit", config);
        Assert.That(code, Is.EqualTo(1), text);
        Assert.That(text, Does.Contain("errors_csv:").And.Contain("output (another output)"));
    }

    [Test]
    public void AnOutputThatIsAFolderOrInAMissingFolderFailsBeforeTheFit()
    {
        Directory.CreateDirectory(Path.Combine(Folder, "out"));
        var (code, text) = CliRunner.Run("fit", WriteConfig("", "out"));
        Assert.That(code, Is.EqualTo(1), text);
        Assert.That(text, Does.Contain("is a folder").And.Not.Contain("basis:"), "refused before the basis is built");
        (code, text) = CliRunner.Run("fit", WriteConfig("", "missing/si.json"));
        Assert.That(code, Is.EqualTo(1), text);
        Assert.That(text, Does.Contain("does not exist").And.Not.Contain("basis:"));
    }

    [Test]
    public void AnOutputLinkIsWrittenThroughAndStaysALink()
    {
        var config = WriteConfig("", "link.json");
        File.WriteAllText(Path.Combine(Folder, "real.json"), "old");
        File.CreateSymbolicLink(Path.Combine(Folder, "link.json"), Path.Combine(Folder, "real.json"));
        var (code, text) = CliRunner.Run("fit", config);
        Assert.That(code, Is.Zero, text);
        Assert.That(new FileInfo(Path.Combine(Folder, "link.json")).LinkTarget, Is.Not.Null, "still a link");
        Assert.That(LinearAce.Load(Path.Combine(Folder, "real.json")).Elements, Is.EqualTo(new[] { "Si" }));
    }

    [Test]
    public void AValidationSetWithAForeignElementIsRefusedBeforeTheFit()
    {
        var carbon = Structure.Isolated([Element.FromSymbol("C"), Element.FromSymbol("C")], [Vec3.Zero, new Vec3(1.4, 0, 0)])
            .WithReferenceData(-1, null, null);
        ExtendedXyz.Write(Path.Combine(Folder, "val.xyz"), [carbon]);
        var config = WriteConfig("");
        File.WriteAllText(config, File.ReadAllText(config).Replace("{train: train.xyz}", "{train: train.xyz, validation: val.xyz}"));
        var (code, text) = CliRunner.Run("fit", config);
        Assert.That(code, Is.EqualTo(1), text);
        Assert.That(text, Does.Contain("val.xyz: structure 0: atom 0 is C"));
    }

    [Test]
    public void EvalOfAForeignElementNamesStructureAndAtom()
    {
        var config = WriteConfig("");
        Assert.That(CliRunner.Run("fit", config).Code, Is.Zero);
        var carbon = Structure.Isolated([Element.FromSymbol("Si"), Element.FromSymbol("C")], [Vec3.Zero, new Vec3(1.9, 0, 0)])
            .WithReferenceData(-1, null, null);
        ExtendedXyz.Write(Path.Combine(Folder, "c.xyz"), [carbon]);
        var (code, text) = CliRunner.Run("eval", Path.Combine(Folder, "si.json"), Path.Combine(Folder, "c.xyz"));
        Assert.That(code, Is.EqualTo(1), text);
        Assert.That(text.Trim(), Does.StartWith("error: structure 0").And.Contain("atom 1 is C").And.Not.Contain("Parameter"));
        Assert.That(text.Trim().Split('\n'), Has.Length.EqualTo(1), "one line");
    }

    [Test]
    public void DebugAddsTheStackTrace()
    {
        var (code, text) = CliRunner.Run("eval", Path.Combine(Folder, "none.json"), Path.Combine(Folder, "none.xyz"));
        Assert.That(code, Is.EqualTo(1));
        Assert.That(text, Does.Not.Contain("   at "));
        (code, text) = CliRunner.Run("--debug", "eval", Path.Combine(Folder, "none.json"), Path.Combine(Folder, "none.xyz"));
        Assert.That(code, Is.EqualTo(1));
        Assert.That(text, Does.Contain("   at "));
    }
}
