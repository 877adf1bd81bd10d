using System.Globalization;
using Ace.Core.TestUtilities;

namespace Ace.Cli.Tests;

/// <summary>
/// The pacemaker half of the carbon study in its reduced setting (the CI run; the full run is
/// `ace study --carbon --pacemaker --data ../shared/data`).
/// </summary>
public class PacemakerLadderTests : TemporaryFolderTest
{
    private static readonly string[] Sets = ["Tr124_dim", "Tr100_n", "Tr1k_n"];

    [Test]
    public void Reduced_ladder_writes_tables_plots_and_radial_fits_that_lower_the_training_loss()
    {
        var data = Path.GetDirectoryName(Path.GetDirectoryName(SharedData.Require("carbon/Tr124_dim.xyz")))!;
        var started = DateTime.UtcNow;
        var (code, output) = CliRunner.Run("study", "--carbon", "--pacemaker", "--quick", "--data", data, "--out", Folder);
        Assert.That(code, Is.Zero, output);
        Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(60)), "the reduced setting is time-boxed");
        Assert.That(output, Does.Contain("45,5,4/0,2,2").And.Contain("E0(C)").And.Contain("at most 2 L-BFGS iterations"));
        foreach (var set in Sets)
        {
            var rows = File.ReadAllLines(Path.Combine(Folder, $"pacemaker-{set}.csv"));
            var header = rows[0].Split(',');
            int Column(string name) => Array.IndexOf(header, name) is >= 0 and var k ? k : throw new AssertionException($"no column {name}");
            Assert.That(rows.Skip(1).Select(r => r.Split(',')[0]), Is.All.EqualTo(set));
            var cells = rows.Skip(1).Select(Split).ToList();
            Assert.That(cells.Select(c => c[Column("descriptor")]), Is.EqualTo(new[] { "100/0", "45,8/0,2", "45,5,4/0,2,2" }), set);
            foreach (var c in cells)
            {
                double Value(string name) => double.Parse(c[Column(name)], CultureInfo.InvariantCulture);
                Assert.That(Value("radial_parameters"), Is.GreaterThan(0), "fitted-radial rows");
                Assert.That(Value("iterations"), Is.InRange(1, 2));
                Assert.That(Value("loss_final"), Is.LessThanOrEqualTo(Value("loss_start")), "the radial fit never raises the training loss");
                Assert.That(Value("e_train_start"), Is.GreaterThan(0).And.LessThan(1e5));
                Assert.That(Value("e_train"), Is.GreaterThan(0).And.LessThan(1e5));
                Assert.That(Value("e_val"), Is.GreaterThan(0).And.LessThan(1e6), "every set has a validation split");
            }
            var steps = File.ReadAllLines(Path.Combine(Folder, $"pacemaker-{set}-steps.csv"));
            Assert.That(steps.Count(r => r.Contains("\"45,8/0,2\",0,", StringComparison.Ordinal)), Is.EqualTo(1), "step 0 of each rung");
            foreach (var figure in new[] { "energy", "force", "radial-loss", "dimer" })
            {
                var png = File.ReadAllBytes(Path.Combine(Folder, $"pacemaker-{set}-{figure}.png"));
                Assert.That(png.Take(4), Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }), $"pacemaker-{set}-{figure}.png");
            }
            var dimer = File.ReadAllLines(Path.Combine(Folder, $"pacemaker-{set}-dimer-45-8_0-2.csv"));
            Assert.That(dimer.Length, Is.GreaterThan(100), "dimer curve to the cutoff, 0.02 A apart");
        }
        Assert.That(Directory.GetFiles(Folder, "*.tmp*"), Is.Empty, "written atomically");
    }

    [Test]
    public void Kappa_fits_pacemakers_normalised_loss()
    {
        var data = Path.GetDirectoryName(Path.GetDirectoryName(SharedData.Require("carbon/Tr124_dim.xyz")))!;
        var (code, output) = CliRunner.Run("study", "--carbon", "--pacemaker", "--quick", "--kappa", "auto", "--descriptors", "45,8/0,2",
            "--radial-iterations", "1", "--data", data, "--out", Folder);
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("pacemaker's loss, kappa auto"));
        foreach (var set in Sets)
        {
            var rows = File.ReadAllLines(Path.Combine(Folder, $"pacemaker-{set}.csv"));
            var header = rows[0].Split(',');
            var cells = Split(rows[1]);
            double Value(string name) => double.Parse(cells[Array.IndexOf(header, name)], CultureInfo.InvariantCulture);
            // pacemaker's loss is (1 - kappa) <(dE/N)^2> + kappa <|dF|^2>: between the energy MSE (eV^2) and the mean squared
            // force error (three components, eV^2/A^2), plus the small ridge term of the start; plain weights (60, 1) sum over rows instead.
            double energy = Math.Pow(Value("e_train_start") / 1000, 2), force = 3 * Math.Pow(Value("f_train_start") / 1000, 2);
            Assert.That(Value("loss_start"), Is.InRange(Math.Min(energy, force), 1.01 * Math.Max(energy, force)), set);
        }
    }

    /// <summary>The cells of a CSV row whose quoted cells may hold commas.</summary>
    private static string[] Split(string row)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        bool quoted = false;
        foreach (char ch in row)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (ch == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }
        cells.Add(cell.ToString());
        return [.. cells];
    }

    [TestCase("--pacemaker", "--pacemaker is the pacemaker half of the carbon study")]
    [TestCase("--radial-iterations 3", "--radial-iterations only applies with --pacemaker")]
    [TestCase("--carbon --data . --radial-minutes 2", "--radial-minutes only applies with --pacemaker")]
    [TestCase("--carbon --data . --descriptors 45,8/0,2", "--descriptors only applies with --pacemaker")]
    [TestCase("--carbon --data . --pacemaker --degrees 8,6", "choose them with --descriptors, not --degrees")]
    [TestCase("--carbon --data . --pacemaker --smoothness-prior", "drop --smoothness-prior")]
    [TestCase("--carbon --data . --pacemaker --ace1-prior", "--ace1-prior and --energy-per-atom")]
    [TestCase("--carbon --data . --kappa 0.3", "--kappa only applies with --pacemaker")]
    [TestCase("--carbon --data . --pacemaker --kappa 2", "--kappa must be a number in [0, 1] or auto, got 2")]
    [TestCase("--carbon --data . --pacemaker --kappa often", "--kappa must be a number in [0, 1] or auto, got often")]
    [TestCase("--carbon --data . --pacemaker --radial-minutes 0", "--radial-minutes must be a positive number")]
    [TestCase("--carbon --data . --pacemaker --radial-iterations -1", "--radial-iterations must be 0 or more")]
    [TestCase("--carbon --data . --pacemaker --descriptors 45,8/0", "--descriptors: descriptor \"45,8/0\": 2 n_max but 1 l_max")]
    public void Bad_pacemaker_options_are_usage_errors(string options, string message)
    {
        var (code, output) = CliRunner.Run(["study", .. options.Split(' ')]);
        Assert.That(code, Is.EqualTo(2), output);
        Assert.That(output, Does.Contain(message));
    }
}
