using System.Globalization;
using Ace.Cli.Commands;
using Ace.Core.Studies;

namespace Ace.Cli.Tests;

public class ProtocolCommandTests : TemporaryFolderTest
{
    [Test]
    public void QuickProtocolGrowsOrderByOrderAndWritesStepsAndPlots()
    {
        var (code, output) = CliRunner.Run("study", "--protocol", "--quick", "--candidates", "8,10,12;6,8,10;4", "--out", Folder);
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("Si345 PURE: protocol steps").And.Contain("final model body order"));
        var lines = File.ReadAllLines(Path.Combine(Folder, "protocol.csv"));
        Assert.That(lines[0].Split(','), Is.EqualTo(Output.ProtocolReport.CsvHeader.Split(',')));
        var steps = lines.Skip(1).Select(CsvStep.Parse).ToList();
        var runs = steps.GroupBy(s => (s.Set, s.Basis)).ToList();
        Assert.That(runs.Select(r => r.Key), Is.EquivalentTo(
            SiliconStudyData.Names.SelectMany(n => new[] { (n, "SI"), (n, "PURE") })));
        foreach (var run in runs)
        {
            var s = run.ToList();
            Assert.That(s.Select(x => x.Step), Is.EqualTo(Enumerable.Range(1, s.Count)), $"{run.Key}");
            Assert.That(s[0].BodyOrder, Is.EqualTo(2), $"{run.Key}: starts from two-body functions");
            Assert.That(s[0].Accepted, $"{run.Key}: the first fit always improves on nothing");
            for (int k = 1; k < s.Count; k++)
            {
                Assert.That(s[k].BodyOrder, Is.GreaterThanOrEqualTo(s[k - 1].BodyOrder), $"{run.Key} step {k + 1}");
            }
            // Lower orders stay frozen: a step of body order b keeps the degrees of the frozen step of body order b - 1.
            foreach (var step in s.Where(x => x.BodyOrder > 2))
            {
                var frozen = s.Single(x => x.Frozen && x.BodyOrder == step.BodyOrder - 1);
                Assert.That(step.Degrees[..^1], Is.EqualTo(frozen.Degrees), $"{run.Key} step {step.Step}");
            }
            var accepted = s.Where(x => x.Accepted).ToList();
            for (int k = 1; k < accepted.Count; k++)
            {
                Assert.That(accepted[k].Score, Is.LessThanOrEqualTo(accepted[k - 1].Score), $"{run.Key}: accepted scores never rise");
            }
            Assert.That(s.Where(x => x.Accepted).All(x => x.Score == x.EnergyValidation), $"{run.Key}: the score is the validation energy RMSE");
            Assert.That(s.Count(x => x.Final), Is.EqualTo(1), $"{run.Key}");
            var final = s.Single(x => x.Final);
            Assert.That(final.Accepted && final.Frozen && final.Score == accepted.Min(x => x.Score), $"{run.Key}: the final model is the best accepted step");
            // One frozen step per body order reached, each the last accepted step of its order.
            Assert.That(s.Where(x => x.Frozen).Select(x => x.BodyOrder), Is.EqualTo(accepted.Select(x => x.BodyOrder).Distinct()), $"{run.Key}");
            foreach (var kind in new[] { "loss", "dimer", "trimer" })
            {
                var png = File.ReadAllBytes(Path.Combine(Folder, $"protocol-{run.Key.Set}-{run.Key.Basis}-{kind}.png"));
                Assert.That(png.Take(4), Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }));
                Assert.That(png, Has.Length.GreaterThan(1000));
            }
            PlotImage.AssertNonTrivial(Path.Combine(Folder, $"protocol-{run.Key.Set}-{run.Key.Basis}-trimer.png"));
        }
        // SW is a 2 + 3-body potential: on every set with clusters of three or more atoms, opening body order 3 lowers
        // the validation error, so the final model has at least three-body functions.
        foreach (var set in SiliconStudyData.Names.Where(n => n != "Si2"))
        {
            Assert.That(steps.Where(s => s.Set == set && s.Final).Select(s => s.BodyOrder), Has.All.GreaterThanOrEqualTo(3), set);
        }
    }

    [TestCase("6,x,8", "'x' (correlation order 1)")]
    [TestCase("6,8;4,-2", "'-2' (correlation order 2)")]
    [TestCase("6,8;;4", "correlation order 2 has no degrees")]
    [TestCase("8,6", "'6' (correlation order 1) does not increase on '8'")]
    public void BadCandidatesAreUsageErrorsNamingTheToken(string candidates, string message)
    {
        var (code, output) = CliRunner.Run("study", "--protocol", "--quick", "--candidates", candidates, "--out", Folder);
        Assert.That(code, Is.EqualTo(2), output);
        Assert.That(output, Does.Contain("--candidates: ").And.Contain(message).And.Contain("usage: ace"));
        Assert.That(Directory.EnumerateFileSystemEntries(Folder), Is.Empty, "nothing is fitted or written");
    }

    [Test]
    public void CandidatesNeedTheProtocolAndExcludeDegrees()
    {
        var (code, output) = CliRunner.Run("study", "--quick", "--candidates", "4,6", "--out", Folder);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(output, Does.Contain("--candidates only applies with --protocol"));
        (code, output) = CliRunner.Run("study", "--protocol", "--degrees", "6,4", "--candidates", "4,6", "--out", Folder);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(output, Does.Contain("not both"));
    }

    [Test]
    public void MissingDftFolderIsAnInputFailure()
    {
        var (code, output) = CliRunner.Run("study", "--protocol", "--data", Path.Combine(Folder, "nowhere"), "--out", Folder);
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("no such directory"));
    }

    [Test]
    public void DefaultCandidatesGrowInStepsOfTwoUpToEachOrdersMaximum()
    {
        Assert.That(DegreeLists.DefaultCandidates([16, 14, 12, 10]), Is.EqualTo(new[]
        {
            new[] { 10, 12, 14, 16 }, new[] { 8, 10, 12, 14 }, new[] { 6, 8, 10, 12 }, new[] { 4, 6, 8, 10 },
        }));
        // Never below the correlation order (the smallest degree holding an order-nu function).
        Assert.That(DegreeLists.DefaultCandidates([8, 6, 5, 4]), Is.EqualTo(new[]
        {
            new[] { 2, 4, 6, 8 }, new[] { 2, 4, 6 }, new[] { 3, 5 }, new[] { 4 },
        }));
        Assert.That(DegreeLists.ParseCandidates(" 8, 12 ;6"), Is.EqualTo(new[] { new[] { 8, 12 }, new[] { 6 } }));
    }

    private sealed record CsvStep(string Set, string Basis, int Step, int BodyOrder, int[] Degrees, int Functions,
        double EnergyValidation, double Score, bool Accepted, bool Frozen, bool Final)
    {
        public static CsvStep Parse(string line)
        {
            var f = line.Split(',');
            Assert.That(f, Has.Length.EqualTo(15), line);
            static double D(string t) => double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture);
            static int I(string t) => int.Parse(t, NumberStyles.Integer, CultureInfo.InvariantCulture);
            var step = new CsvStep(f[0], f[1], I(f[2]), I(f[3]), [.. f[4].Split('.').Select(I)], I(f[5]), D(f[8]), D(f[10]),
                f[12] == "1", f[13] == "1", f[14] == "1");
            Assert.That(step.Degrees, Has.Length.EqualTo(step.BodyOrder - 1), line);
            Assert.That(new[] { D(f[6]), D(f[7]), D(f[9]), D(f[11]) }, Has.All.GreaterThanOrEqualTo(0), line);
            return step;
        }
    }
}
