using Ace.Core;
using Ace.Core.Atoms;
using Ace.Core.Primitives;
using Ace.Core.Studies;

namespace Ace.Cli.Tests;

/// <summary>`ace fit --committee --active-set`, `ace eval --grade --uncertainty`, `ace activeset` and `ace select`.</summary>
public class TrustCommandTests : TemporaryFolderTest
{
    private string FitSmallPotential(params string[] flags)
    {
        var config = WriteSiliconFit("[10, 6]");
        var (code, output) = CliRunner.Run(["fit", config, .. flags]);
        Assert.That(code, Is.Zero, output);
        return output;
    }

    [Test]
    public void FitWithTrustThenEvalGradeAndUncertaintyWriteTheCsvs()
    {
        var fitOutput = FitSmallPotential("--committee", "4", "--active-set");
        Assert.That(fitOutput, Does.Contain("active set").And.Contain("committee: 4 members"));
        var potential = Path.Combine(Folder, "si.json");
        var probes = new[] { Crystals.Diamond(Element.FromSymbol("Si"), 5.43), SiliconStudyData.Generate("Si23", new SiliconStudyDataOptions(Dimers: 20, Trimers: 20)).Train[3] };
        ExtendedXyz.Write(Path.Combine(Folder, "probe.xyz"), probes.Select(p => p.WithReferenceData(0, Enumerable.Repeat(default(Vec3), p.AtomCount), null)));
        var (code, output) = CliRunner.Run("eval", potential, Path.Combine(Folder, "probe.xyz"), "--grade", "--uncertainty",
            "--csv", Path.Combine(Folder, "s.csv"), "--atoms-csv", Path.Combine(Folder, "a.csv"));
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("largest grade gamma").And.Contain("largest force sd"));
        var rows = File.ReadAllLines(Path.Combine(Folder, "s.csv"));
        Assert.That(rows[0], Does.StartWith("structure,atoms,config_type,max_grade,max_grade_atom,energy_eV,energy_sd_eV"));
        Assert.That(rows, Has.Length.EqualTo(3));
        double bulkGrade = double.Parse(rows[1].Split(',')[3], System.Globalization.CultureInfo.InvariantCulture);
        double trainingGrade = double.Parse(rows[2].Split(',')[3], System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(bulkGrade, Is.GreaterThan(2), "bulk diamond for a potential trained on dimers and trimers");
        Assert.That(trainingGrade, Is.LessThanOrEqualTo(1 + 1e-9), "a training trimer");
        Assert.That(File.ReadAllLines(Path.Combine(Folder, "a.csv")), Has.Length.EqualTo(1 + 8 + probes[1].AtomCount));
    }

    [Test]
    public void ActiveSetThenSelectNeverPicksTwoCopies()
    {
        FitSmallPotential();
        var potential = Path.Combine(Folder, "si.json");
        var (code, output) = CliRunner.Run("eval", potential, Path.Combine(Folder, "val.xyz"), "--grade");
        Assert.That(code, Is.EqualTo(1), "without an active set --grade says how to get one");
        Assert.That(output, Does.Contain("active set"));
        (code, output) = CliRunner.Run("activeset", potential, Path.Combine(Folder, "train.xyz"), "-o", Path.Combine(Folder, "trust.json"));
        Assert.That(code, Is.Zero, output);
        var random = new Random(5);
        var distinct = Enumerable.Range(0, 4).Select(k => Structure.Isolated(Enumerable.Repeat(Element.FromSymbol("Si"), 4),
            Enumerable.Range(0, 4).Select(i => new Vec3(2.3 * i, 0.5 * random.NextDouble() * k, 0.3 * (i % 2))))).ToList();
        var pool = distinct.Concat(distinct).Concat(distinct).ToList();
        ExtendedXyz.Write(Path.Combine(Folder, "pool.xyz"), pool);
        (code, output) = CliRunner.Run("select", Path.Combine(Folder, "trust.json"), Path.Combine(Folder, "pool.xyz"), "-n", "12", "-o", Path.Combine(Folder, "picked.xyz"));
        Assert.That(code, Is.Zero, output);
        var picked = ExtendedXyz.ReadAll(Path.Combine(Folder, "picked.xyz"));
        Assert.That(picked, Is.Not.Empty);
        var originals = picked.Select(s => int.Parse(s.Info["ace_candidate_index"], System.Globalization.CultureInfo.InvariantCulture) % 4).ToList();
        Assert.That(originals, Is.Unique);
        Assert.That(picked.All(s => double.Parse(s.Info["ace_grade"], System.Globalization.CultureInfo.InvariantCulture) > 1));
        (code, output) = CliRunner.Run("select", Path.Combine(Folder, "trust.json"), Path.Combine(Folder, "pool.xyz"), "-n", "2");
        Assert.That(code, Is.EqualTo(2), "the output file is required");
        Assert.That(output, Does.Contain("--output"));
    }
}
