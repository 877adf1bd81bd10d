using Ace.Core.TestUtilities;

namespace Ace.Cli.Tests;

/// <summary>The carbon half of the study in its reduced setting (the CI run; the full run is `ace study --carbon --data ../shared/data`).</summary>
public class CarbonStudyTests : TemporaryFolderTest
{
    [Test]
    public void Reduced_carbon_study_writes_tables_and_the_three_figures()
    {
        var data = Path.GetDirectoryName(Path.GetDirectoryName(SharedData.Require("carbon/Tr124_dim.xyz")))!;
        var started = DateTime.UtcNow;
        var (code, output) = CliRunner.Run("study", "--carbon", "--quick", "--data", data, "--out", Folder);
        Assert.That(code, Is.Zero, output);
        Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(60)), "the reduced setting is time-boxed");
        Assert.That(output, Does.Contain("Tr1k_n").And.Contain("E0(C)"));
        var rows = File.ReadAllLines(Path.Combine(Folder, "summary.csv"));
        Assert.That(rows, Has.Length.EqualTo(1 + 3 * 2 * 4), "3 sets x 2 variants x body orders 2..5");
        foreach (var set in new[] { "Tr124_dim", "Tr100_n", "Tr1k_n" })
        {
            foreach (var figure in new[] { "dimer", "loss", "coefficients" })
            {
                var png = File.ReadAllBytes(Path.Combine(Folder, $"{figure}-{set}.png"));
                Assert.That(png.Take(4), Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }), $"{figure}-{set}.png");
            }
            // every row has finite training errors
            foreach (var row in rows.Skip(1).Where(r => r.StartsWith(set + ",", StringComparison.Ordinal)))
            {
                var cells = row.Split(',');
                Assert.That(double.Parse(cells[4], System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(0).And.LessThan(1e5), row);
            }
        }
    }

    [Test]
    public void Carbon_without_data_is_a_usage_error()
    {
        var (code, output) = CliRunner.Run("study", "--carbon");
        Assert.That(code, Is.EqualTo(2), output);
        Assert.That(output, Does.Contain("--carbon needs --data"));
    }
}
