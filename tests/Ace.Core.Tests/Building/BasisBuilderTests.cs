using Ace.Core.Basis;

namespace Ace.Core.Tests.Building;

public class BasisBuilderTests
{
    [Test]
    public void The_fluent_description_gives_the_same_basis_as_the_specification()
    {
        var fluent = LinearAce.Basis("Si").Cutoff(6.0).Radial(r0: 2.20707071).MaxBodyOrder(3).TotalDegree(10, 8);
        var spec = fluent.Specification();
        Assert.That(spec.MaxCorrelationOrder, Is.EqualTo(2));
        Assert.That(spec.Radial, Is.EqualTo(new TransformedJacobiRadialSpecification(2.20707071, 6.0)));
        var direct = AceBasis.Build(new AceBasisSpecification(["Si"], new TransformedJacobiRadialSpecification(2.20707071, 6.0), 2,
            new TotalDegreeSelection([10, 8])));
        Assert.That(fluent.Build().Functions.Select(f => f.ToString()), Is.EqualTo(direct.Functions.Select(f => f.ToString())));
    }

    [Test]
    public void The_number_of_degrees_sets_the_order_and_options_reach_the_specification()
    {
        var spec = LinearAce.Basis("Si", "C").Cutoff(5).TotalDegree(8, 6, 4).AngularWeight(new Rational(2, 1))
            .PairBasis(5, new TransformedJacobiRadialSpecification(1.3, 5, P: 1, Q: 3)).WithoutCorrelationOrderOne().Specification();
        Assert.That(spec.MaxBodyOrder, Is.EqualTo(4));
        Assert.That(((TotalDegreeSelection)spec.Selection).EffectiveAngularWeight, Is.EqualTo(new Rational(2, 1)));
        Assert.That(spec.PairBasis!.MaxDegree, Is.EqualTo(5));
        Assert.That(spec.IncludeCorrelationOrderOne, Is.False);
        Assert.That(((TransformedJacobiRadialSpecification)spec.Radial).R0, Is.EqualTo(2.5), "r0 defaults to half the cutoff");
        var labels = LinearAce.Basis("Si").Radial(new ChebExpCosRadialSpecification(5.0)).MaxLabels([6, 3], [0, 2]).Build();
        Assert.That(labels.MaxCorrelationOrder, Is.EqualTo(2));
        Assert.That(labels.MaxCutoff, Is.EqualTo(5.0));
    }

    [Test]
    public void Missing_parts_and_bad_values_are_explained()
    {
        Assert.That(Assert.Throws<InvalidOperationException>(() => LinearAce.Basis("Si").TotalDegree(4).Build())!.Message, Does.Contain("Cutoff"));
        Assert.That(Assert.Throws<InvalidOperationException>(() => LinearAce.Basis("Si").Cutoff(5).Build())!.Message, Does.Contain("TotalDegree"));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearAce.Basis("Si").Cutoff(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearAce.Basis("Si").MaxBodyOrder(1));
        Assert.Throws<ArgumentException>(() => LinearAce.Basis());
        Assert.Throws<ArgumentException>(() => LinearAce.Basis("Si").Cutoff(5).MaxBodyOrder(4).TotalDegree(6, 4).Build(), "one degree per order");
    }
}
