using System.Text.Json.Nodes;
using Ace.Core.Potentials;
using Ace.Core.Serialization;

namespace Ace.Core.Tests.Trust;

public class TrustSerializationTests
{
    private static LinearAcePotential WithTrust()
    {
        var training = TrustData.RattledBulk(6, seed: 4).Select(s => Fixtures.Label(s, Fixtures.RandomPotential(Fixtures.Silicon, 1))).ToList();
        return LinearAce.Fit(Fixtures.Silicon).Committee(4, seed: 9).ActiveSet().Run(training).Potential;
    }

    [Test]
    public void Active_set_and_committee_survive_a_round_trip_bitwise()
    {
        var potential = WithTrust();
        Assert.That(potential.ActiveSet, Is.Not.Null);
        var loaded = PotentialSerializer.FromJson(PotentialSerializer.ToJson(potential));
        var probe = TrustData.Rattled(new Random(3), 5.1, 0.3, ["Si"]);
        Assert.That(loaded.Grade(probe).PerAtom, Is.EqualTo(potential.Grade(probe).PerAtom));
        Assert.That(loaded.ActiveSet!["Si"].Environments, Is.EqualTo(potential.ActiveSet!["Si"].Environments));
        Assert.That(loaded.Committee!.Seed, Is.EqualTo(9));
        Assert.That(loaded.Uncertainty(probe), Is.EqualTo(potential.Uncertainty(probe)).Using<Ace.Core.Trust.CommitteePrediction>((a, b) =>
            a.EnergyStandardDeviation == b.EnergyStandardDeviation && a.ForceStandardDeviations.SequenceEqual(b.ForceStandardDeviations)));
    }

    [Test]
    public void Files_without_the_sections_load_without_them_and_are_written_without_them()
    {
        var plain = Fixtures.RandomPotential(Fixtures.Silicon, 3);
        var json = PotentialSerializer.ToJson(plain);
        Assert.That(json, Does.Not.Contain("activeSet").And.Not.Contain("committee"));
        var loaded = PotentialSerializer.FromJson(json);
        Assert.That(loaded.ActiveSet, Is.Null);
        Assert.That(loaded.Committee, Is.Null);
    }

    [Test]
    public void A_damaged_active_set_is_reported()
    {
        var document = JsonNode.Parse(PotentialSerializer.ToJson(WithTrust()))!;
        document["activeSet"]!["elements"]![0]!["projection"]!.AsArray().RemoveAt(0);
        document.AsObject().Remove("checksum");   // past the checksum: the field validation itself names the field
        document["version"] = 1;
        var ex = Assert.Throws<PotentialFormatException>(() => PotentialSerializer.FromJson(document.ToJsonString()));
        Assert.That(ex!.Message, Does.Contain("activeSet").And.Contain("projection"));
    }

    [Test]
    public void Trust_parts_are_kept_by_each_other_and_dropped_on_request()
    {
        var potential = WithTrust();
        Assert.That(potential.WithCommittee(null).ActiveSet, Is.SameAs(potential.ActiveSet));
        Assert.That(potential.WithActiveSet(null).Committee, Is.SameAs(potential.Committee));
        Assert.That(potential.WithActiveSet(null).ActiveSet, Is.Null);
        Assert.Throws<ArgumentException>(() => Fixtures.RandomPotential(Fixtures.SiliconCarbon, 1).WithActiveSet(potential.ActiveSet));
    }
}
