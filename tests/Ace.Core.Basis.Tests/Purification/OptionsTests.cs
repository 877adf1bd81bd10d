using System.Text.Json;
using Ace.Core.Basis;
using static Ace.Core.Basis.Tests.BasisFixtures;
using static Ace.Core.Basis.Tests.Purification.PurificationFixtures;

namespace Ace.Core.Basis.Tests.Purification;

/// <summary>The one build path (the specification's purification options decide), and the errors for requests that cannot be honoured.</summary>
public class OptionsTests
{
    [Test]
    public void A_radial_basis_that_is_not_product_closed_cannot_be_purified()
    {
        var spec = new AceBasisSpecification(["Si"], new ChebExpCosRadialSpecification(5.0), 2, new TotalDegreeSelection([5, 5]));
        var e = Assert.Throws<ArgumentException>(() => AceBasis.Build(spec with { Purification = new PurificationOptions() }))!;
        Assert.That(e.Message, Does.Contain("Si-Si").And.Contain("ChebExpCos").And.Contain("not product-closed").And.Contain("TransformedJacobi"));
        Assert.That(e.ParamName, Is.EqualTo("specification"));
        Assert.That(AceBasis.Build(spec).IsPurified, Is.False, "the ordinary basis of the same specification builds");
    }

    [Test]
    public void A_non_product_closed_override_is_named_by_its_pair()
    {
        var spec = TwoElements(4, 5) with
        {
            PairRadials = [new ElementPairRadial("C", "Si", new ChebExpCosRadialSpecification(4.5))],
            Purification = new PurificationOptions(PurificationKind.Pure2b),
        };
        var e = Assert.Throws<ArgumentException>(() => AceBasis.Build(spec))!;
        Assert.That(e.Message, Does.Contain("Si-C").And.Contain("ChebExpCos"));
    }

    [Test]
    public void A_separate_pair_basis_may_use_any_radial_basis()
    {
        var spec = SingleElement(5, 5) with { PairBasis = new PairBasisSpecification(3, new ChebExpCosRadialSpecification(5.0)) };
        Assert.That(Purified(spec).IsPurified);
    }

    [Test]
    public void AceBasis_Build_builds_the_purified_basis_a_specification_asks_for()
    {
        var options = new PurificationOptions();
        var spec = SingleElement(5, 5, 4) with { Purification = options };
        var pure = AceBasis.Build(spec);
        var ordinary = AceBasis.Build(spec with { Purification = null });
        Assert.That(pure.IsPurified && !ordinary.IsPurified);
        Assert.That(pure.Purification, Is.EqualTo(options));
        Assert.That(pure.Specification, Is.SameAs(spec));
        var (d, s) = RandomEnvironment(new Random(12), pure, 0, 1);
        var pureValues = Values(pure, 0, d, s);
        var ordinaryValues = Values(ordinary, 0, d, s);
        var higher = pure.Functions.Where(f => f.CorrelationOrder >= 2).Select(f => f.Column).ToArray();
        Assert.That(higher, Is.Not.Empty);
        Assert.That(higher.Max(c => Math.Abs(pureValues[c])), Is.LessThan(1e-12), "pure functions of order >= 2 vanish on one neighbour");
        Assert.That(higher.Count(c => Math.Abs(ordinaryValues[c]) > 1e-6), Is.GreaterThan(5), "the ordinary ones do not");
    }

    [Test]
    public void Bad_options_are_rejected_and_a_purified_specification_purifies_once()
    {
        var spec = SingleElement(5, 5, 4);
        var remove = Assert.Throws<ArgumentOutOfRangeException>(() =>
            AceBasis.Build(spec with { Purification = new PurificationOptions(RemoveUpToCorrelationOrder: 3) }))!;
        Assert.That(remove.ParamName, Is.EqualTo("RemoveUpToCorrelationOrder"));
        Assert.Throws<ArgumentOutOfRangeException>(() => AceBasis.Build(spec with { Purification = new PurificationOptions(RemoveUpToCorrelationOrder: -1) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => AceBasis.Build(spec with { Purification = new PurificationOptions((PurificationKind)7) }));
        Assert.Throws<ArgumentNullException>(() => AceBasis.Build(null!));
        // A purified basis carries its options in its specification; rebuilding from it purifies the ordinary basis once more,
        // never the purified one again.
        var pure = Purified(spec);
        var rebuilt = AceBasis.Build(pure.Specification);
        Assert.That(rebuilt.Purification, Is.EqualTo(pure.Purification));
        var (d, s) = RandomEnvironment(new Random(3), pure, 0, 6);
        Assert.That(Values(rebuilt, 0, d, s), Is.EqualTo(Values(pure, 0, d, s)));
    }

    [Test]
    public void Build_without_purification_gives_the_ordinary_basis()
    {
        var spec = SingleElement(5, 5, 4);
        var a = AceBasis.Build(Purified(spec).Specification with { Purification = null });
        var b = AceBasis.Build(spec);
        Assert.That(a.IsPurified || b.IsPurified, Is.False);
        Assert.That(a.Purification, Is.Null);
        var (d, s) = RandomEnvironment(new Random(1), a, 0, 6);
        Assert.That(Values(a, 0, d, s), Is.EqualTo(Values(b, 0, d, s)));
    }

    [Test]
    public void A_saved_purified_specification_rebuilds_the_identical_basis()
    {
        var spec = TwoElements(5, 6, 5) with { Purification = new PurificationOptions(PurificationKind.Full, 1) };
        var json = JsonSerializer.Serialize(spec);
        Assert.That(json, Does.Contain("\"Purification\":{\"Kind\":\"Full\",\"RemoveUpToCorrelationOrder\":1}"));
        var back = JsonSerializer.Deserialize<AceBasisSpecification>(json)!;
        Assert.That(back.Purification, Is.EqualTo(spec.Purification));
        var a = AceBasis.Build(spec);
        var b = AceBasis.Build(back);
        Assert.That(b.Functions.Select(f => f.ToString()), Is.EqualTo(a.Functions.Select(f => f.ToString())));
        for (int center = 0; center < 2; center++)
        {
            var (d, s) = RandomEnvironment(new Random(center), a, center, 7);
            Assert.That(Values(b, center, d, s), Is.EqualTo(Values(a, center, d, s)), "bit-identical values");
        }
    }
}
