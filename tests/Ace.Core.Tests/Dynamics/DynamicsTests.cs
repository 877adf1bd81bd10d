using Ace.Core.Atoms;
using Ace.Core.Dynamics;
using Ace.Core.Potentials;
using Ace.Core.Primitives;

namespace Ace.Core.Tests.Dynamics;

public class DynamicsTests
{
    private static readonly Element Carbon = Element.FromSymbol("C");

    [Test]
    public void NveFollowsTheAnalyticHarmonicOscillator()
    {
        // Two carbon atoms on a spring: the separation is d + A cos(omega t), omega = sqrt(k / mu), mu = m / 2,
        // with masses in amu, k in eV/A^2 and t in fs (the unit conversion is what this checks).
        const double k = 10.0, d = 1.5, amplitude = 0.1, dt = 0.05;
        var dimer = Structure.Isolated([Carbon, Carbon], [Vec3.Zero, new Vec3(d + amplitude, 0, 0)]);
        double mu = Carbon.Mass / 2;
        double omega = Math.Sqrt(k / (mu * DynamicsUnits.AmuAngstromSquaredPerFemtosecondSquaredInEv));
        var potential = new HarmonicDimer("C", k, d);
        var frames = new List<(double Time, double Separation)>();
        var result = LinearAce.Dynamics(potential).Nve(dt)
            .StopWhen(s =>
            {
                frames.Add((s.Time, (s.Structure.Positions[1] - s.Structure.Positions[0]).Norm));
                return null;
            })
            .Run(dimer, 1200);
        Assert.That(result.StepsRun, Is.EqualTo(1200));
        Assert.That(2 * Math.PI / omega, Is.EqualTo(49.6).Within(0.5), "the period in fs");
        foreach (var (time, separation) in frames)
        {
            Assert.That(separation, Is.EqualTo(d + amplitude * Math.Cos(omega * time)).Within(2e-4), $"t = {time} fs");
        }
        Assert.That(result.MaxEnergyDeviationPerAtom, Is.LessThan(1e-5 * 0.5 * k * amplitude * amplitude));
    }

    [Test]
    public void TheSkinListChangesNothingAndTheDefaultInterfacePathAgrees()
    {
        var potential = Fixtures.RandomPotential(Fixtures.Silicon, seed: 3);
        var start = Fixtures.RattledCrystal(new Random(4), 5.43, "Si");
        DynamicsResult Run(IPotential p, double skin) =>
            LinearAce.Dynamics(p).Nve(0.5).InitialTemperature(600).Seed(9).Skin(skin).Run(start, 60);
        var reused = Run(potential, 1.0);
        var searchedEveryStep = Run(potential, 0.0);
        var throughTheInterfaceDefault = Run(new EvaluateOnly(potential), 1.0);
        Assert.That(reused.NeighbourSearches, Is.LessThan(searchedEveryStep.NeighbourSearches));
        Assert.That(searchedEveryStep.NeighbourSearches, Is.EqualTo(61));
        Assert.That(reused.Final.Positions, Is.EqualTo(searchedEveryStep.Final.Positions), "bit for bit");
        Assert.That(throughTheInterfaceDefault.Final.Positions, Is.EqualTo(reused.Final.Positions), "bit for bit");
        Assert.That(reused.Frames.Select(f => f.TotalEnergy), Is.EqualTo(searchedEveryStep.Frames.Select(f => f.TotalEnergy)));
    }

    [Test]
    public void LangevinIsReproducibleFromItsSeedAndHoldsItsTemperature()
    {
        var potential = new HarmonicDimer("C", 20.0, 1.4);
        var dimer = Structure.Isolated([Carbon, Carbon], [Vec3.Zero, new Vec3(1.4, 0, 0)]);
        DynamicsResult Run(int seed) => LinearAce.Dynamics(potential).Langevin(1.0, 500, friction: 0.05).Seed(seed).Run(dimer, 40_000);
        var a = Run(1);
        var b = Run(1);
        var c = Run(2);
        Assert.That(b.Final.Positions, Is.EqualTo(a.Final.Positions));
        Assert.That(c.Final.Positions, Is.Not.EqualTo(a.Final.Positions));
        // Equipartition over the 6 degrees of freedom: the time average of the kinetic temperature is the target.
        Assert.That(a.MeanTemperature, Is.EqualTo(500).Within(5).Percent);
        Assert.That(c.MeanTemperature, Is.EqualTo(500).Within(5).Percent);
    }

    [Test]
    public void MaxwellBoltzmannVelocitiesHaveNoMomentumAndTheExactTemperature()
    {
        var masses = Enumerable.Range(0, 50).Select(i => i % 2 == 0 ? 12.011 : 28.085).ToArray();
        var v = MaxwellBoltzmann.Velocities(masses, 300, 3 * 50 - 3, seed: 5);
        var momentum = Vec3.Zero;
        double kinetic = 0;
        for (int i = 0; i < v.Length; i++)
        {
            momentum += masses[i] * v[i];
            kinetic += DynamicsUnits.KineticEnergy(masses[i], v[i].Norm);
        }
        Assert.That(momentum.Norm, Is.LessThan(1e-12));
        Assert.That(DynamicsUnits.Temperature(kinetic, 147), Is.EqualTo(300).Within(1e-9));
        Assert.That(MaxwellBoltzmann.Velocities(masses, 300, 147, seed: 5), Is.EqualTo(v));
        Assert.That(MaxwellBoltzmann.Velocities(masses, 300, 147, seed: 6), Is.Not.EqualTo(v));
        Assert.That(DynamicsUnits.AmuAngstromSquaredPerFemtosecondSquaredInEv, Is.EqualTo(103.6427).Within(1e-4));
    }

    [Test]
    public void StopConditionsLoggingAndTheTrajectory()
    {
        var potential = new HarmonicDimer("C", 10.0, 1.5);
        var dimer = Structure.Isolated([Carbon, Carbon], [Vec3.Zero, new Vec3(1.7, 0, 0)]);
        var logged = new List<int>();
        var text = new StringWriter();
        var result = LinearAce.Dynamics(potential).Nve(0.5).LogEvery(4).OnLog(f => logged.Add(f.Step)).Trajectory(text, 5)
            .StopWhen(s => (s.Structure.Positions[1] - s.Structure.Positions[0]).Norm < 1.45 ? "compressed below 1.45 A" : null)
            .Run(dimer, 1000);
        Assert.That(result.StopReason, Is.EqualTo("compressed below 1.45 A"));
        Assert.That(result.StepsRun, Is.LessThan(1000));
        Assert.That(logged[0], Is.EqualTo(0));
        Assert.That(logged[^1], Is.EqualTo(result.StepsRun), "the last step is always logged");
        Assert.That(logged.Take(logged.Count - 1).All(s => s % 4 == 0));
        var frames = ExtendedXyz.ParseText(text.ToString());
        Assert.That(frames, Has.Count.EqualTo(result.StepsRun / 5 + 1 + (result.StepsRun % 5 == 0 ? 0 : 1)));
        var last = frames[^1];
        Assert.That(last.Positions, Is.EqualTo(result.Final.Positions));
        Assert.That(last.Energy, Is.EqualTo(result.Final.Energy));
        Assert.That(last.Forces, Is.EqualTo(result.Final.Forces));
        Assert.That(last.Info["step"], Is.EqualTo(result.StepsRun.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(last.AtomProperties.Single(p => p.Name == "velocities").RealValues[3], Is.EqualTo(result.FinalVelocities[1].X));
    }

    [Test]
    public void BadSettingsGetClearErrors()
    {
        var potential = new HarmonicDimer("C", 10.0, 1.5);
        var dimer = Structure.Isolated([Carbon, Carbon], [Vec3.Zero, new Vec3(1.7, 0, 0)]);
        Assert.That(() => LinearAce.Dynamics(potential).Run(dimer, 10), Throws.InvalidOperationException.With.Message.Contains("Nve"));
        Assert.That(() => LinearAce.Dynamics(potential).Nve(1).Langevin(1, 300), Throws.InvalidOperationException.With.Message.Contains("already"));
        Assert.That(() => LinearAce.Dynamics(potential).Nve(-1), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => LinearAce.Dynamics(potential).Nve(1).Velocities([Vec3.Zero]).Run(dimer, 1),
            Throws.ArgumentException.With.Message.Contains("1 starting velocities"));
        var silicon = Structure.Isolated([Element.FromSymbol("Si"), Carbon], [Vec3.Zero, new Vec3(1.7, 0, 0)]);
        Assert.That(() => LinearAce.Dynamics(Fixtures.RandomPotential(Fixtures.Silicon, 1)).Nve(1).Run(silicon, 1),
            Throws.ArgumentException.With.Message.Contains("atom 1"));
    }

    /// <summary>A potential that offers only the members IPotential requires (the default neighbour-list path).</summary>
    private sealed class EvaluateOnly(IPotential inner) : IPotential
    {
        public IReadOnlyList<string> Elements => inner.Elements;

        public double Cutoff => inner.Cutoff;

        public PotentialEvaluation Evaluate(Structure structure) => inner.Evaluate(structure);

        public double Energy(Structure structure) => inner.Energy(structure);
    }
}
