using System.Text.Json;
using Ace.Core.Basis;
using static Ace.Core.Basis.Tests.BasisFixtures;
using static Ace.Core.Purification.Tests.PurificationFixtures;

namespace Ace.Core.Purification.Tests;

/// <summary>Entry points, the specification flag, and the errors for requests that cannot be honoured.</summary>
public class OptionsTests
{
    [Test]
    public void A_radial_basis_that_is_not_product_closed_cannot_be_purified()
    {
        var spec = new AceBasisSpecification(["Si"], new ChebExpCosRadialSpecification(5.0), 2, new TotalDegreeSelection([5, 5]));
        var fromSpec = Assert.Throws<ArgumentException>(() => PurifiedBasis.Build(spec with { Purification = new PurificationOptions() }))!;
        Assert.That(fromSpec.Message, Does.Contain("Si-Si").And.Contain("ChebExpCos").And.Contain("not product-closed").And.Contain("TransformedJacobi"));
        Assert.That(fromSpec.ParamName, Is.EqualTo("specification"));
        var fromBasis = Assert.Throws<ArgumentException>(() => PurifiedBasis.Purify(AceBasis.Build(spec), new PurificationOptions()))!;
        Assert.That(fromBasis.ParamName, Is.EqualTo("basis"));
        Assert.That(fromBasis.Message, Does.Contain("not product-closed"));
    }

    [Test]
    public void A_non_product_closed_override_is_named_by_its_pair()
    {
        var spec = TwoElements(4, 5) with
        {
            PairRadials = [new ElementPairRadial("C", "Si", new ChebExpCosRadialSpecification(4.5))],
            Purification = new PurificationOptions(PurificationKind.Pure2b),
        };
        var e = Assert.Throws<ArgumentException>(() => PurifiedBasis.Build(spec))!;
        Assert.That(e.Message, Does.Contain("Si-C").And.Contain("ChebExpCos"));
    }

    [Test]
    public void A_separate_pair_basis_may_use_any_radial_basis()
    {
        var spec = SingleElement(5, 5) with { PairBasis = new PairBasisSpecification(3, new ChebExpCosRadialSpecification(5.0)) };
        Assert.That(Purified(spec).IsPurified);
    }

    [Test]
    public void AceBasis_Build_refuses_a_purified_specification_and_says_where_to_go()
    {
        var spec = SingleElement(5, 5) with { Purification = new PurificationOptions() };
        var e = Assert.Throws<ArgumentException>(() => AceBasis.Build(spec))!;
        Assert.That(e.Message, Does.Contain("PurifiedBasis.Build"));
    }

    [Test]
    public void Bad_options_and_double_purification_are_rejected()
    {
        var spec = SingleElement(5, 5, 4);
        var basis = AceBasis.Build(spec);
        var remove = Assert.Throws<ArgumentOutOfRangeException>(() => PurifiedBasis.Purify(basis, new PurificationOptions(RemoveUpToCorrelationOrder: 3)))!;
        Assert.That(remove.ParamName, Is.EqualTo("RemoveUpToCorrelationOrder"));
        Assert.Throws<ArgumentOutOfRangeException>(() => PurifiedBasis.Purify(basis, new PurificationOptions(RemoveUpToCorrelationOrder: -1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => PurifiedBasis.Purify(basis, new PurificationOptions((PurificationKind)7)));
        var pure = PurifiedBasis.Purify(basis, new PurificationOptions());
        var twice = Assert.Throws<ArgumentException>(() => PurifiedBasis.Purify(pure, new PurificationOptions()))!;
        Assert.That(twice.Message, Does.Contain("already purified"));
        Assert.Throws<ArgumentNullException>(() => PurifiedBasis.Purify(null!, new PurificationOptions()));
        Assert.Throws<ArgumentNullException>(() => PurifiedBasis.Purify(basis, null!));
        Assert.Throws<ArgumentNullException>(() => PurifiedBasis.Build(null!));
    }

    [Test]
    public void Build_without_purification_gives_the_ordinary_basis()
    {
        var spec = SingleElement(5, 5, 4);
        var a = PurifiedBasis.Build(spec);
        var b = AceBasis.Build(spec);
        Assert.That(a.IsPurified, Is.False);
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
        var a = PurifiedBasis.Build(spec);
        var b = PurifiedBasis.Build(back);
        Assert.That(b.Functions.Select(f => f.ToString()), Is.EqualTo(a.Functions.Select(f => f.ToString())));
        for (int center = 0; center < 2; center++)
        {
            var (d, s) = RandomEnvironment(new Random(center), a, center, 7);
            Assert.That(Values(b, center, d, s), Is.EqualTo(Values(a, center, d, s)), "bit-identical values");
        }
    }
}
