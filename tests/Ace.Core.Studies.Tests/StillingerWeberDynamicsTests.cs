using Ace.Core;
using Ace.Core.Atoms;
using Ace.Core.Potentials;
using Ace.Core.Studies;

namespace Ace.Core.Studies.Tests;

/// <summary>
/// The quick acceptance runs of molecular dynamics without ../shared: a potential fitted to Stillinger-Weber clusters
/// and bulk cells, a 64-atom diamond cell at 300 K (docs/md.md has the long runs).
/// </summary>
public class StillingerWeberDynamicsTests
{
    private static readonly Lazy<LinearAcePotential> Potential = new(() =>
    {
        var generator = new SiliconClusterGenerator(seed: 2025);
        var training = new List<Structure>();
        training.AddRange(generator.Dimers(30));
        training.AddRange(generator.Clusters(3, 40));
        training.AddRange(generator.Clusters(4, 40));
        training.AddRange(generator.PeriodicCells(40));
        var basis = LinearAce.Basis("Si").Cutoff(5.0).Radial(r0: 2.3).TotalDegree(12, 10, 8).Build();
        return LinearAce.Fit(basis).Weights(energy: 30, forces: 1).Run(training).Potential;
    });

    private static Structure Cell64 => Crystals.Diamond(Element.FromSymbol("Si"), 5.431, repeats: 2);

    [Test]
    public void NveConservesTheEnergy()
    {
        var result = LinearAce.Dynamics(Potential.Value).Nve(1.0).InitialTemperature(300).Seed(7).LogEvery(10).Run(Cell64, 1000);
        // 1 ps: the total energy stays within 1e-4 eV/atom while the kinetic energy swaps with the potential one.
        Assert.That(result.MaxEnergyDeviationPerAtom, Is.LessThan(1e-4));
        Assert.That(result.Frames.Max(f => f.KineticEnergy) - result.Frames.Min(f => f.KineticEnergy), Is.GreaterThan(0.5));
        Assert.That(result.NeighbourSearches, Is.LessThan(10), "the skin list is reused");
    }

    [Test]
    public void LangevinReachesItsTemperature()
    {
        var result = LinearAce.Dynamics(Potential.Value).Langevin(1.0, temperature: 300, friction: 0.02).Seed(11).LogEvery(5)
            .InitialTemperature(0).Run(Cell64, 3000);
        double mean = result.Frames.Where(f => f.Step > 1000).Average(f => f.Temperature);
        Assert.That(mean, Is.EqualTo(300).Within(5).Percent, "from rest to the target, averaged over the last 2 ps");
        Assert.That(result.Frames[0].Temperature, Is.EqualTo(0));
    }
}
