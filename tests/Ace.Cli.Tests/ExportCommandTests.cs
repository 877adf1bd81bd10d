using Ace.Core;
using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Potentials;

namespace Ace.Cli.Tests;

public class ExportCommandTests : TemporaryFolderTest
{
    [Test]
    public void ExportWritesAYaceFileThatEvalReadsWithTheSameErrors()
    {
        var basis = LinearAce.Basis("Si").Cutoff(4.5).Radial(new ChebExpCosRadialSpecification(4.5)).MaxBodyOrder(3).TotalDegree(6, 5).Build();
        var random = new Random(3);
        var potential = new LinearAcePotential(basis, Enumerable.Range(0, basis.FunctionCount).Select(_ => random.NextDouble() - 0.5).ToArray(),
            new Dictionary<string, double> { ["Si"] = -100 });
        var json = Path.Combine(Folder, "si.json");
        potential.Save(json);
        var structures = Enumerable.Range(0, 3).Select(k =>
        {
            var s = Crystals.Diamond(Element.FromSymbol("Si"), 5.3 + 0.05 * k);
            s = s.WithPositions(s.Positions.Select(p => p + new Ace.Core.Primitives.Vec3(0.1 * random.NextDouble(), 0, 0.05)));
            var e = potential.Evaluate(s);
            return s.WithReferenceData(e.Energy + 0.01 * k, e.Forces, null);
        }).ToList();
        var data = Path.Combine(Folder, "data.xyz");
        ExtendedXyz.Write(data, structures);
        var yace = Path.Combine(Folder, "si.yace");

        var (code, output) = CliRunner.Run("export", json, "-o", yace);
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("C-tilde functions").And.Contain("ChebExpCos").And.Contain("Si-Si"));
        Assert.That(File.Exists(yace));

        var (jsonCode, jsonOutput) = CliRunner.Run("eval", json, data);
        var (yaceCode, yaceOutput) = CliRunner.Run("eval", yace, data);
        Assert.That((jsonCode, yaceCode), Is.EqualTo((0, 0)), jsonOutput + yaceOutput);
        Assert.That(Rows(yaceOutput), Is.EqualTo(Rows(jsonOutput)), "the same error table from the JSON and the .yace potential");

        (code, output) = CliRunner.Run("export", json);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(output, Does.Contain("-o OUT.yace"));
        File.WriteAllText(Path.Combine(Folder, "bad.yace"), "elements: [Si]\nE0: [0]\n");
        (code, output) = CliRunner.Run("eval", Path.Combine(Folder, "bad.yace"), data);
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("bad.yace").And.Contain("embeddings"));
    }

    private static string[] Rows(string output) => output.Split('\n').Where(l => l.Contains("overall", StringComparison.Ordinal)).ToArray();
}
