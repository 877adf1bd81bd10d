using System.Text.RegularExpressions;
using Ace.Core.Atoms;
using Ace.Core.Studies;
using Ace.Core.TestUtilities;

namespace Ace.Cli.Tests;

/// <summary>`ace fit` writes a report folder (plots and report.md); `ace report` makes the same for any data set.</summary>
public partial class ReportTests : TemporaryFolderTest
{
    [GeneratedRegex(@"!\[[^\]]*\]\(([^)]+\.png)\)")]
    private static partial Regex ImageLink();

    /// <summary>Every image the page links exists, is at least 640 x 480 and has non-trivial content; returns the linked file names.</summary>
    internal static List<string> AssertPageAndPlots(string folder)
    {
        var page = File.ReadAllText(Path.Combine(folder, "report.md"));
        var images = ImageLink().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.That(Directory.GetFiles(folder, "*.png").Select(Path.GetFileName), Is.EquivalentTo(images), "the page links every plot in the folder");
        foreach (var image in images)
        {
            PlotImage.AssertNonTrivial(Path.Combine(folder, image));
        }
        return images;
    }

    [Test]
    public void FitWritesTheReportWithEveryPlotAndReportMakesTheSameForAnySet()
    {
        var config = WriteSiliconFit("[10, 6]", clusters: 16);
        var (code, output) = CliRunner.Run("fit", config, "--learning-curve");
        Assert.That(code, Is.Zero, output);
        var folder = Path.Combine(Folder, "si-report");
        Assert.That(output, Does.Contain("report.md"));
        var images = AssertPageAndPlots(folder);
        foreach (var set in new[] { "training", "validation" })
        {
            Assert.That(images, Is.SupersetOf(new[] { "parity-energy", "parity-forces", "errors-energy", "errors-forces", "error-vs-energy", "error-vs-force" }
                .Select(kind => $"{kind}-{set}.png")));
        }
        Assert.That(images, Is.SupersetOf(new[] { "dimer-Si-Si.png", "coefficients.png", "learning-curve.png" }));
        var page = File.ReadAllText(Path.Combine(folder, "report.md"));
        Assert.That(page, Does.Contain("## Basis").And.Contain("body order up to 3").And.Contain("noiseVariance")
            .And.Contain("timings").And.Contain("| Si2 |").And.Contain("## Learning curve"));

        (code, output) = CliRunner.Run("report", Path.Combine(Folder, "si.json"), Path.Combine(Folder, "val.xyz"), "--out", Path.Combine(Folder, "val-report"));
        Assert.That(code, Is.Zero, output);
        images = AssertPageAndPlots(Path.Combine(Folder, "val-report"));
        Assert.That(images, Has.Member("parity-forces-val-xyz.png").And.Member("dimer-Si-Si.png"));

        (code, output) = CliRunner.Run("fit", Path.Combine(Folder, "fit.yaml"), "--no-report", "--report", Path.Combine(Folder, "none"));
        Assert.That(code, Is.Zero, output);
        Assert.That(Directory.Exists(Path.Combine(Folder, "none")), Is.False, "--no-report writes no report");
    }

    [Test]
    public void ACarbonFitWritesItsReport()
    {
        var train = SharedData.Require("carbon/Tr100_n.xyz");
        var validation = SharedData.Require("carbon/Tr124_dim.xyz");
        File.WriteAllText(Path.Combine(Folder, "fit.yaml"), $$"""
            elements: [C]
            cutoff: 5.0
            radial: {r0: 1.287}
            degrees: [6, 4]
            data: {train: "{{train}}", validation: "{{validation}}", forces_key: force}
            reference_energies: {C: -245.44385736}
            weights: {energy: 60, forces: 1}
            output: c.json
            """);
        var (code, output) = CliRunner.Run("fit", Path.Combine(Folder, "fit.yaml"));
        Assert.That(code, Is.Zero, output);
        var images = AssertPageAndPlots(Path.Combine(Folder, "c-report"));
        Assert.That(images, Has.Member("parity-forces-validation.png").And.Member("dimer-C-C.png").And.Member("coefficients.png"));
        Assert.That(File.ReadAllText(Path.Combine(Folder, "c-report", "report.md")), Does.Contain("shaiducarbon"));
    }
}
