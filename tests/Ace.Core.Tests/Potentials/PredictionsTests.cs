using Ace.Core.Atoms;
using Ace.Core.Potentials;

namespace Ace.Core.Tests.Potentials;

public class PredictionsTests
{
    [Test]
    public void PredictionsRoundTripThroughExtendedXyzBesideTheReference()
    {
        var potential = Fixtures.RandomPotential(Fixtures.Silicon, seed: 2);
        var random = new Random(3);
        var data = new[]
        {
            Fixtures.Label(Fixtures.RattledCrystal(random, 5.43, "Si"), potential, "bulk", virial: true),
            Fixtures.Cluster(random, 5, "Si").WithReferenceData(-1.0, null, null),
        };
        var text = ExtendedXyz.ToText(LinearAce.Predict(potential, data));
        var read = ExtendedXyz.ParseText(text);
        for (int k = 0; k < data.Length; k++)
        {
            var e = potential.Evaluate(data[k]);
            Assert.That(read[k].Energy, Is.EqualTo(data[k].Energy), "the reference is kept");
            Assert.That(double.Parse(read[k].Info["ace_energy"], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(e.Energy));
            var forces = read[k].AtomProperties.Single(p => p.Name == "ace_forces").RealValues;
            Assert.That(forces[3 * data[k].AtomCount - 1], Is.EqualTo(e.Forces[^1].Z));
            Assert.That(read[k].AtomProperties.Single(p => p.Name == "ace_energies").RealValues, Is.EqualTo(e.SiteEnergies));
            var virial = read[k].Info["ace_virial"].Split(' ').Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.That(virial[1], Is.EqualTo(e.Virial.Xy));
            Assert.That(read[k].Info.ContainsKey("ace_stress"), Is.EqualTo(k == 0), "a stress only where the cell has a volume");
        }
    }

    [Test]
    public void AnEmptyPrefixReplacesTheReference()
    {
        var potential = Fixtures.RandomPotential(Fixtures.Silicon, seed: 2);
        var s = Fixtures.RattledCrystal(new Random(5), 5.43, "Si").WithReferenceData(1.0, null, null);
        var read = ExtendedXyz.ParseText(ExtendedXyz.ToText(LinearAce.Predict(potential, [s], prefix: "")))[0];
        var e = potential.Evaluate(s);
        Assert.That(read.Energy, Is.EqualTo(e.Energy));
        Assert.That(read.Forces, Is.EqualTo(e.Forces));
        Assert.That(read.Virial, Is.EqualTo(e.Virial));
        Assert.That(() => LinearAce.Predict(potential, [s], prefix: "a b").ToList(), Throws.ArgumentException.With.Message.Contains("prefix"));
    }
}
