using System.Diagnostics;
using System.Text;
using Ace.Cli.Config;
using Ace.Core;
using Ace.Core.Atoms;
using Ace.Core.Serialization;
using Ace.Core.Studies;

namespace Ace.Cli.Tests.Fuzzing;

/// <summary>
/// The short deterministic fuzz run of CI (a fixed seed and number of inputs per target) and the long local run
/// ([Explicit]; ACE_FUZZ_EXECUTIONS inputs per target, docs/fuzzing.md). A finding fails with the input in Base64.
/// </summary>
public class FuzzTests
{
    /// <summary>Inputs per target in CI.</summary>
    private const int CiExecutions = 1500;

    private static readonly Lazy<Dictionary<string, List<byte[]>>> Corpora = new(BuildCorpora);

    /// <summary>The seed corpus per target: valid and broken inputs from the parsers' tests.</summary>
    /// <summary>Small .yace seeds: ChebExpCos radials (ML-PACE's analytic form), one and two elements, with a pair basis.</summary>
    private static IEnumerable<string> YaceSeeds()
    {
        var one = LinearAce.Basis("Si").Cutoff(4.5).Radial(new Ace.Core.Basis.ChebExpCosRadialSpecification(4.5))
            .PairBasis(3, new Ace.Core.Basis.ChebExpCosRadialSpecification(4.5)).MaxBodyOrder(3).TotalDegree(4, 3).Build();
        var two = LinearAce.Basis("Si", "C").Cutoff(4.5).Radial(new Ace.Core.Basis.ChebExpCosRadialSpecification(4.5)).MaxBodyOrder(3).TotalDegree(3, 3).Build();
        foreach (var basis in new[] { one, two })
        {
            var potential = new Ace.Core.Potentials.LinearAcePotential(basis, [.. Enumerable.Range(0, basis.FunctionCount).Select(k => 0.1 / (k + 1))]);
            yield return Ace.Core.Interop.Yace.YaceWriter.ToText(Ace.Core.Interop.Yace.YaceExport.ToDocument(potential).Document);
        }
    }

    private static Dictionary<string, List<byte[]>> BuildCorpora()
    {
        var data = SiliconStudyData.Generate("Si23", new SiliconStudyDataOptions(Dimers: 3, Trimers: 2));
        var periodic = Crystals.Diamond(Element.FromSymbol("Si"), 5.43);
        var xyz = new List<string>
        {
            ExtendedXyz.ToText(data.Train.Take(4)),
            ExtendedXyz.ToText([periodic.WithReferenceData(-10, [.. periodic.Positions.Select(_ => Ace.Core.Primitives.Vec3.Zero)], null)]),
            "2\nLattice=\"4 0 0 0 4 0 0 0 4\" Properties=species:S:1:pos:R:3:tags:I:1 pbc=\"T T T\" energy=-1.5 virial=\"1 2 3 4 5 6\" config_type=x\nSi 0 0 0 1\nSi 1 1 1 2\n",
            "1\nProperties=species:S:1:pos:R:3:forces:R:3:flag:L:1:name:S:1 stress=\"1 0 0 0 1 0 0 0 1\" note=\"a b\"\nC 0 0 0 0 0 0 T x\n",
        };
        var basis = LinearAce.Basis("Si", "C").Cutoff(4.5).Radial(r0: 2.0).PairBasis(2, new Ace.Core.Basis.TransformedJacobiRadialSpecification(2.0, 4.5)).TotalDegree(4, 3).Build();
        var potential = new Ace.Core.Potentials.LinearAcePotential(basis, [.. Enumerable.Range(0, basis.FunctionCount).Select(k => 0.1 / (k + 1))],
            new Dictionary<string, double> { ["Si"] = -1.5, ["C"] = -2.5 });
        var purified = LinearAce.Basis("Si").Cutoff(4.0).Radial(r0: 2.3).TotalDegree(4, 3).Purify().Build();
        var potentials = new List<string>
        {
            PotentialSerializer.ToJson(potential),
            PotentialSerializer.ToJson(new Ace.Core.Potentials.LinearAcePotential(purified, new double[purified.FunctionCount])),
        };
        var configs = new List<string>
        {
            FitConfigTemplate.Text,
            "elements: [Si, C]\ncutoff: 5\nradial: {r0: 2.3, p: 2}\ndegrees: [8, 6]\ndata: {train: t.xyz, validation: v.xyz, forces_key: force}\nreference_energies: {Si: -1, C: -2}\nweights: {energy: 30, forces: 1, virial: 0.1}\nconfig_type_weights:\n  bulk: {energy: 10}\nsolver: {type: ridge-cv, folds: 4}\nprior: {type: smoothness, p: 3}\ncross_validate: 5\nerrors_csv: e.csv\nlimits: {functions: 1000}\noutput: p.json\n",
        };
        var clusters = new List<string>
        {
            "cluster_id: dev\nshared_path: data\ncheckpoint: cp\nthreads: 2\natoms_per_shard: 5000\n",
            "cluster_id: lab\naddress: 10.1.2.3\nsilo_port: 11112\ngateway_port: 30001\nprimary: 10.1.2.4:11111\ngateways: [10.1.2.4:30000, 10.1.2.5:30000]\n" +
                "tls: {certificate: cluster.pfx, password_env: ACE_TLS_PASSWORD}\nstall_seconds: 60\nshards_per_worker: 2\nlookahead_per_worker: 3\n",
            "address: 10.1.2.3\ninsecure_network: true\n",
        };
        return new Dictionary<string, List<byte[]>>(StringComparer.Ordinal)
        {
            ["cluster"] = [.. clusters.Select(Encoding.UTF8.GetBytes)],
            ["xyz"] = [.. xyz.Select(Encoding.UTF8.GetBytes)],
            ["potential"] = [.. potentials.Select(Encoding.UTF8.GetBytes)],
            ["config"] = [.. configs.Select(Encoding.UTF8.GetBytes)],
            ["yace"] = [.. YaceSeeds().Select(Encoding.UTF8.GetBytes)],
        };
    }

    private static IEnumerable<string> Targets => FuzzTargets.All.Keys;

    /// <summary>Runs <paramref name="executions"/> mutated inputs through <paramref name="target"/>; returns the findings (distinct by exception type and place).</summary>
    public static List<string> Fuzz(string target, int executions, int seed)
    {
        var fuzzer = new MutationFuzzer(Corpora.Value[target], seed);
        var findings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var seedInput in Corpora.Value[target])
        {
            Assert.That(FuzzTargets.Check(target, seedInput), Is.Null, "the seeds themselves parse or fail as documented");
        }
        for (int i = 0; i < executions; i++)
        {
            var input = fuzzer.Next();
            if (FuzzTargets.Check(target, input) is { } e)
            {
                var place = e.StackTrace?.Split('\n').FirstOrDefault()?.Trim() ?? "";
                findings.TryAdd($"{e.GetType().Name} {place}", $"{e.GetType().Name}: {e.Message} at {place}; input (Base64): {Convert.ToBase64String(input)}");
            }
        }
        return [.. findings.Values];
    }

    [TestCaseSource(nameof(Targets))]
    public void ShortDeterministicRunFindsNothing(string target)
    {
        var findings = Fuzz(target, CiExecutions, seed: 16);
        Assert.That(findings, Is.Empty, string.Join("\n", findings));
    }

    [TestCaseSource(nameof(Targets))]
    [Explicit("the long local run: ACE_FUZZ_EXECUTIONS inputs per target (default 1000000), docs/fuzzing.md")]
    public void LongRun(string target)
    {
        int executions = int.TryParse(Environment.GetEnvironmentVariable("ACE_FUZZ_EXECUTIONS"), out int n) ? n : 1_000_000;
        int seed = int.TryParse(Environment.GetEnvironmentVariable("ACE_FUZZ_SEED"), out int s) ? s : 1;
        var clock = Stopwatch.StartNew();
        var findings = Fuzz(target, executions, seed);
        TestContext.Out.WriteLine($"fuzz {target}: {executions} executions, seed {seed}, {clock.Elapsed.TotalSeconds:F0} s, {findings.Count} findings");
        Assert.That(findings, Is.Empty, string.Join("\n", findings));
    }
}
