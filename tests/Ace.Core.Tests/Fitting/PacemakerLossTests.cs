using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Fitting;
using Ace.Core.Potentials;

namespace Ace.Core.Tests.Fitting;

/// <summary>FitBuilder.PacemakerLoss: pacemaker's kappa loss, checked against its formula evaluated by brute force.</summary>
public class PacemakerLossTests
{
    private static readonly (string, double)[] References = [("Si", Fixtures.SiliconEnergy), ("C", Fixtures.CarbonEnergy)];

    /// <summary>Clusters and cells of different sizes labelled by one potential (virials left out).</summary>
    private static List<Structure> Data()
    {
        var teacher = Fixtures.RandomPotential(Fixtures.SiliconCarbon, seed: 5);
        var random = new Random(11);
        return [.. Enumerable.Range(0, 6).Select(i => i % 2 == 0
            ? Fixtures.Label(Fixtures.RattledCrystal(random, 5.0, "Si", "C"), teacher, "cell")
            : Fixtures.Label(Fixtures.Cluster(random, 3 + i, "Si", "C"), teacher, "cluster"))];
    }

    /// <summary>pacemaker's loss of <paramref name="model"/> by its formula, with structure weights e_s^2 and atom weights f_s^2 normalised to sum 1.</summary>
    private static double BruteForce(LinearAcePotential model, IReadOnlyList<Structure> data, double kappa, Func<Structure, (double E, double F)> weights)
    {
        double energyNorm = data.Sum(s => weights(s).E * weights(s).E), forceNorm = data.Sum(s => weights(s).F * weights(s).F * s.AtomCount);
        double energy = 0, forces = 0;
        foreach (var s in data)
        {
            var (e, f) = weights(s);
            var predicted = model.Evaluate(s);
            double dE = (predicted.Energy - s.Energy!.Value) / s.AtomCount;
            energy += e * e / energyNorm * dE * dE;
            for (int i = 0; i < s.AtomCount; i++)
            {
                forces += f * f / forceNorm * (predicted.Forces[i] - s.Forces!.Value[i]).NormSquared;
            }
        }
        return (1 - kappa) * energy + kappa * forces;
    }

    private static double AutoKappa(IReadOnlyList<Structure> data)
    {
        static double Variance(IReadOnlyList<double> x) => x.Sum(v => (v - x.Average()) * (v - x.Average())) / x.Count;
        var energies = data.Select(s => (s.Energy!.Value - s.Elements.Sum(e => e.Symbol == "Si" ? Fixtures.SiliconEnergy : Fixtures.CarbonEnergy)) / s.AtomCount).ToList();
        var forces = data.SelectMany(s => s.Forces!.Value).Select(f => f.Norm).ToList();
        return Variance(energies) / (Variance(energies) + Variance(forces));
    }

    [TestCase(0.3)]
    [TestCase(0.0)]
    [TestCase(1.0)]
    public void The_loss_is_pacemakers_formula_with_uniform_weights(double kappa)
    {
        var data = Data();
        var model = Fixtures.RandomPotential(Fixtures.SiliconCarbon, seed: 8);
        var loss = LinearAce.Fit(Fixtures.SiliconCarbon).ReferenceEnergies(References).PacemakerLoss(kappa).Loss(data, [.. model.Coefficients]);
        double expected = BruteForce(model, data, kappa, _ => (1, 1));
        Assert.That(loss.Value, Is.EqualTo(expected).Within(1e-12 * expected));
    }

    [Test]
    public void Config_type_weights_are_normalised_with_the_rest()
    {
        var data = Data();
        var model = Fixtures.RandomPotential(Fixtures.SiliconCarbon, seed: 8);
        var loss = LinearAce.Fit(Fixtures.SiliconCarbon).ReferenceEnergies(References).Weights(energy: 7, forces: 3)
            .Weights("cluster", energy: 2, forces: 0.5).PacemakerLoss(0.4).Loss(data, [.. model.Coefficients]);
        double expected = BruteForce(model, data, 0.4, s => s.ConfigType == "cluster" ? (2, 0.5) : (7, 3));
        Assert.That(loss.Value, Is.EqualTo(expected).Within(1e-12 * expected));
    }

    [Test]
    public void Automatic_kappa_is_the_variance_ratio_and_is_recorded()
    {
        var data = Data();
        double kappa = AutoKappa(data);
        Assert.That(kappa, Is.InRange(1e-6, 1 - 1e-6), "the data must make both terms count");
        var model = Fixtures.RandomPotential(Fixtures.SiliconCarbon, seed: 8);
        var auto = LinearAce.Fit(Fixtures.SiliconCarbon).ReferenceEnergies(References).PacemakerLoss().Loss(data, [.. model.Coefficients]);
        double expected = BruteForce(model, data, kappa, _ => (1, 1));
        Assert.That(auto.Value, Is.EqualTo(expected).Within(1e-12 * expected));

        var fit = LinearAce.Fit(Fixtures.SiliconCarbon).ReferenceEnergies(References).PacemakerLoss().Ridge(1e-6).Run(data);
        Assert.That(fit.Potential.Provenance!.Settings["loss"], Does.Contain("kappa auto"));
    }

    [Test]
    public void A_fit_equals_the_fit_with_the_normalised_weights_given_explicitly()
    {
        var data = Data();
        int atoms = data.Sum(s => s.AtomCount);
        const double Kappa = 0.25;
        var pacemaker = LinearAce.Fit(Fixtures.SiliconCarbon).ReferenceEnergies(References).PacemakerLoss(Kappa).Ridge(1e-4).Run(data);
        var explicitWeights = LinearAce.Fit(Fixtures.SiliconCarbon).ReferenceEnergies(References)
            .Weights(energy: Math.Sqrt((1 - Kappa) / data.Count), forces: Math.Sqrt(Kappa / atoms)).Ridge(1e-4).Run(data);
        Assert.That(pacemaker.Potential.Coefficients.ToArray(), Is.EqualTo(explicitWeights.Potential.Coefficients.ToArray()).Within(1e-9));
    }

    [Test]
    public void Settings_it_contradicts_are_reported()
    {
        var data = Data();
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearAce.Fit(Fixtures.SiliconCarbon).PacemakerLoss(1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearAce.Fit(Fixtures.SiliconCarbon).PacemakerLoss(double.NaN));
        var virial = Assert.Throws<ArgumentException>(() => LinearAce.Fit(Fixtures.SiliconCarbon).ReferenceEnergies(References)
            .Weights(energy: 1, forces: 1, virial: 0.1).PacemakerLoss(0.3).Run(data))!;
        Assert.That(virial.Message, Does.Contain("structure 0").And.Contain("no virial term"));
        var scaling = Assert.Throws<InvalidOperationException>(() => LinearAce.Fit(Fixtures.SiliconCarbon).ReferenceEnergies(References)
            .ScaleEnergy(EnergyScaling.PerSqrtAtom).PacemakerLoss(0.3).Run(data))!;
        Assert.That(scaling.Message, Does.Contain("per atom"));
        var shard = Assert.Throws<InvalidOperationException>(() => LinearAce.Fit(Fixtures.SiliconCarbon).ReferenceEnergies(References)
            .PacemakerLoss(0.3).AssembleShard(data, 0))!;
        Assert.That(shard.Message, Does.Contain("whole training set"));
    }
}
