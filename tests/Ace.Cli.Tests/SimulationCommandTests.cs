using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Ace.Core;
using Ace.Core.Atoms;
using Ace.Core.Potentials;
using Ace.Core.Primitives;
using Ace.Core.Studies;

namespace Ace.Cli.Tests;

/// <summary>`ace eval --predictions`, `ace md` and `ace serve` (the latter driven by ASE when python3-ase is installed).</summary>
public class SimulationCommandTests : TemporaryFolderTest
{
    private const string Python = "/usr/bin/python3";

    private static readonly Lazy<LinearAcePotential> Potential = new(() =>
    {
        var generator = new SiliconClusterGenerator(seed: 2025);
        var training = generator.Dimers(20).Concat(generator.Clusters(3, 20)).Concat(generator.PeriodicCells(20)).ToList();
        var basis = LinearAce.Basis("Si").Cutoff(5.0).Radial(r0: 2.3).TotalDegree(10, 8, 6).Build();
        return LinearAce.Fit(basis).Weights(energy: 30, forces: 1).Run(training).Potential;
    });

    private string SavePotential()
    {
        var path = Path.Combine(Folder, "si.json");
        Potential.Value.Save(path);
        return path;
    }

    private static Structure RattledCell(int seed)
    {
        var random = new Random(seed);
        var diamond = Crystals.Diamond(Element.FromSymbol("Si"), 5.431);
        return diamond.WithPositions(diamond.Positions.Select(p => p + 0.1 * new Vec3(random.NextDouble() - 0.5, random.NextDouble() - 0.5, random.NextDouble() - 0.5)));
    }

    [Test]
    public void EvalWritesThePredictionsBesideTheReference()
    {
        var potential = SavePotential();
        var sw = StillingerWeber.Silicon;
        var data = new[] { sw.Label(RattledCell(1), "bulk"), sw.Label(new SiliconClusterGenerator(seed: 3).Clusters(4, 1)[0], "cluster") };
        var xyz = Path.Combine(Folder, "data.xyz");
        ExtendedXyz.Write(xyz, data);
        var output = Path.Combine(Folder, "predicted.xyz");
        var (code, text) = CliRunner.Run("eval", potential, xyz, "--predictions", output);
        Assert.That(code, Is.Zero, text);
        Assert.That(text, Does.Contain("overall").And.Contain("predictions written"));
        var read = LinearAce.Read(output);
        Assert.That(read, Has.Count.EqualTo(2));
        for (int k = 0; k < 2; k++)
        {
            Assert.That(read[k].Energy, Is.EqualTo(data[k].Energy));
            Assert.That(double.Parse(read[k].Info["ace_energy"], CultureInfo.InvariantCulture), Is.EqualTo(Potential.Value.Energy(data[k])));
        }
        (code, text) = CliRunner.Run("eval", potential, xyz, "--predictions", output, "--prediction-prefix", "");
        Assert.That(code, Is.Zero, text);
        Assert.That(LinearAce.Read(output)[0].Forces, Is.EqualTo(Potential.Value.Evaluate(data[0]).Forces));
    }

    [Test]
    public void MdRunsAndWritesTheTrajectory()
    {
        var potential = SavePotential();
        var start = Path.Combine(Folder, "start.xyz");
        ExtendedXyz.Write(start, [Crystals.Diamond(Element.FromSymbol("Si"), 5.431, repeats: 2)]);
        var trajectory = Path.Combine(Folder, "traj.xyz");
        var (code, text) = CliRunner.Run("md", potential, start, "--steps", "40", "--dt", "1", "--temperature", "300", "--seed", "3",
            "-o", trajectory, "--every", "10", "--log-every", "20");
        Assert.That(code, Is.Zero, text);
        Assert.That(text, Does.Contain("Langevin").And.Contain("step       20/40").And.Contain("energy drift").And.Contain("mean temperature"));
        var frames = LinearAce.Read(trajectory);
        Assert.That(frames.Select(f => f.Info["step"]), Is.EqualTo(new[] { "0", "10", "20", "30", "40" }));
        Assert.That(frames[^1].Energy, Is.EqualTo(Potential.Value.Energy(frames[^1])).Within(1e-9));

        (code, text) = CliRunner.Run("md", potential, start, "--steps", "10", "--ensemble", "nve", "--temperature", "100");
        Assert.That(code, Is.Zero, text);
        Assert.That(text, Does.Contain("NVE velocity Verlet"));
        (code, text) = CliRunner.Run("md", potential, start, "--ensemble", "langevin");
        Assert.That(code, Is.EqualTo(2), text);
        Assert.That(text, Does.Contain("--temperature"));
    }

    [Test]
    public void MdWarnsAndStopsWhenTheGradeExceedsMaxGrade()
    {
        var generator = new SiliconClusterGenerator(seed: 7);
        var clusters = generator.Dimers(10).Concat(generator.Clusters(3, 10)).ToList();
        var graded = Potential.Value.WithActiveSet(LinearAce.ActiveSet(Potential.Value.Basis).Build(clusters));
        var path = Path.Combine(Folder, "graded.json");
        graded.Save(path);
        var start = Path.Combine(Folder, "bulk.xyz");
        ExtendedXyz.Write(start, [Crystals.Diamond(Element.FromSymbol("Si"), 5.2, repeats: 1)]);
        var (code, text) = CliRunner.Run("md", path, start, "--steps", "20", "--dt", "1", "--max-grade", "2");
        Assert.That(code, Is.EqualTo(1), text);
        Assert.That(text, Does.Contain("warning: step 1: extrapolation grade").And.Contain("exceeds --max-grade 2"));

        (code, text) = CliRunner.Run("md", SavePotential(), start, "--steps", "5", "--dt", "1", "--max-grade", "2");
        Assert.That(code, Is.Not.Zero, text);
        Assert.That(text, Does.Contain("needs a potential with an active set"));
    }

    [Test]
    public void AseRunsMolecularDynamicsThroughServe()
    {
        if (!File.Exists(Python) || Process.Start(new ProcessStartInfo(Python, "-c \"import ase, numpy\"") { RedirectStandardError = true })!
                is var probe && !probe.WaitForExit(60_000) || probe.ExitCode != 0)
        {
            Assert.Ignore("python3 with ASE is not installed (Debian: apt-get install python3-ase python3-numpy); .ci/run installs it");
        }
        var potential = SavePotential();
        var template = Path.Combine(Folder, "start.xyz");
        ExtendedXyz.Write(template, [RattledCell(5)]);
        var script = Path.Combine(Folder, "ase_md.py");
        File.WriteAllText(script, """
            import json, sys
            import numpy as np
            from ase import units
            from ase.io import read
            from ase.calculators.socketio import SocketIOCalculator
            from ase.md.verlet import VelocityVerlet
            from ase.md.velocitydistribution import MaxwellBoltzmannDistribution

            atoms = read(sys.argv[1])
            MaxwellBoltzmannDistribution(atoms, temperature_K=600, rng=np.random.RandomState(1))
            records = []
            with SocketIOCalculator(unixsocket=sys.argv[2]) as calc:
                atoms.calc = calc
                md = VelocityVerlet(atoms, timestep=1.0 * units.fs)
                def record():
                    records.append(dict(positions=atoms.get_positions().tolist(), energy=atoms.get_potential_energy(),
                                        forces=atoms.get_forces().tolist(), stress=atoms.get_stress(voigt=False).tolist()))
                md.attach(record, interval=1)
                md.run(30)
            with open(sys.argv[3], "w") as f:
                json.dump(records, f)
            """);
        string socketName = "ace-test-" + Guid.NewGuid().ToString("N")[..10];
        var results = Path.Combine(Folder, "records.json");
        using var ase = Process.Start(new ProcessStartInfo(Python) { ArgumentList = { script, template, socketName, results }, RedirectStandardError = true })!;
        var serve = Task.Run(() => CliRunner.Run("serve", potential, "--connect", "unix:" + socketName, "--structure", template, "--timeout", "60"));
        string stderr = ase.StandardError.ReadToEnd();
        Assert.That(ase.WaitForExit(120_000), "ASE finished");
        Assert.That(ase.ExitCode, Is.Zero, stderr);
        Assert.That(serve.Wait(60_000), "ace serve ended after ASE closed");
        var (code, text) = serve.Result;
        Assert.That(code, Is.Zero, text);
        // ASE's server closes the socket when its calculator closes (some versions send EXIT first): both end cleanly.
        Assert.That(text, Does.Contain("served 31 evaluations").And.Contain("sent EXIT").Or.Contain("closed the connection"));

        using var json = JsonDocument.Parse(File.ReadAllText(results));
        var start = LinearAce.Read(template)[0];
        int count = 0;
        foreach (var record in json.RootElement.EnumerateArray())
        {
            var positions = record.GetProperty("positions").EnumerateArray().Select(p => new Vec3(p[0].GetDouble(), p[1].GetDouble(), p[2].GetDouble()));
            var expected = Potential.Value.Evaluate(start.WithPositions(positions));
            // ASE converts with CODATA 2014 constants, the driver with CODATA 2018: about 1e-8 relative apart.
            Assert.That(record.GetProperty("energy").GetDouble(), Is.EqualTo(expected.Energy).Within(1e-7 * Math.Abs(expected.Energy)));
            var forces = record.GetProperty("forces").EnumerateArray().Select(f => new Vec3(f[0].GetDouble(), f[1].GetDouble(), f[2].GetDouble())).ToArray();
            for (int i = 0; i < forces.Length; i++)
            {
                Assert.That((forces[i] - expected.Forces[i]).Norm, Is.LessThan(1e-7 * (1 + expected.Forces[i].Norm)), $"step {count}, atom {i}");
            }
            var stress = record.GetProperty("stress");
            double expectedXy = -expected.Virial.Xy / start.Cell.Volume;
            Assert.That(stress[0][1].GetDouble(), Is.EqualTo(expectedXy).Within(1e-7 * (1e-3 + Math.Abs(expectedXy))));
            count++;
        }
        Assert.That(count, Is.EqualTo(31), "the initial forces and 30 steps");
    }
}
