using static Ace.Core.Basis.Tests.BasisFixtures;

namespace Ace.Core.Basis.Tests;

public class LabelTests
{
    [Test]
    public void Columns_are_grouped_by_center_then_pair_functions_and_labels_read_well()
    {
        var basis = AceBasis.Build(ThreeElements());
        int expectedStart = 0;
        for (int c = 0; c < 3; c++)
        {
            var range = basis.ColumnRange(c);
            Assert.That(range.Start, Is.EqualTo(expectedStart));
            Assert.That(range.Count, Is.GreaterThan(0));
            for (int col = range.Start; col < range.End; col++)
            {
                var f = basis.Functions[col];
                Assert.That(f.Column, Is.EqualTo(col));
                Assert.That(f.Kind, Is.EqualTo(BasisFunctionKind.ManyBody));
                Assert.That(f.CenterElement, Is.EqualTo(basis.Elements[c]));
                Assert.That(f.OneParticleLabels, Has.Count.EqualTo(f.CorrelationOrder));
                Assert.That(f.BodyOrder, Is.EqualTo(f.CorrelationOrder + 1));
            }
            expectedStart = range.End;
        }
        Assert.That(basis.PairColumnRange.Start, Is.EqualTo(expectedStart));
        Assert.That(basis.PairFunctionCount, Is.EqualTo(6 * 4), "6 unordered pairs of 3 elements, 4 functions each");
        Assert.That(basis.FunctionCount, Is.EqualTo(basis.ManyBodyFunctionCount + basis.PairFunctionCount));
        Assert.That(basis.Functions[basis.PairColumn(0, 2, 3)].ToString(), Is.EqualTo("pair Si-O n=3"));
        Assert.That(basis.PairColumn(2, 0, 3), Is.EqualTo(basis.PairColumn(0, 2, 3)));
        Assert.That(basis.Functions.Count(f => f.Kind == BasisFunctionKind.ManyBody),
            Is.EqualTo(Enumerable.Range(1, 3).Sum(basis.CountByOrder)));
        var first = basis.Functions[0];
        Assert.That(first.ToString(), Is.EqualTo("Si nu=1 (Si,1,0) #0/1"));
    }

    [Test]
    public void Building_twice_gives_identical_columns_and_order_one_can_be_dropped()
    {
        var a = AceBasis.Build(ThreeElements());
        var b = AceBasis.Build(ThreeElements());
        Assert.That(b.Functions.Select(f => f.ToString()), Is.EqualTo(a.Functions.Select(f => f.ToString())));
        var dropped = AceBasis.Build(ThreeElements() with { IncludeCorrelationOrderOne = false });
        Assert.That(dropped.CountByOrder(1), Is.Zero);
        Assert.That(dropped.CountByOrder(2), Is.EqualTo(a.CountByOrder(2)));
        Assert.That(a.CountByOrder(1), Is.EqualTo(3 * 3 * 5), "3 centers x 3 neighbour elements x n = 1..5");
    }

    [Test]
    public void Rational_parses_and_compares_exactly()
    {
        Assert.That(Rational.Parse("1.5"), Is.EqualTo(new Rational(3, 2)));
        Assert.That(Rational.Parse("6/4"), Is.EqualTo(new Rational(3, 2)));
        Assert.That(new Rational(3, -6).ToString(), Is.EqualTo("-1/2"));
        Assert.That((Rational)0, Is.EqualTo(default(Rational)));
        Assert.That(Rational.Parse("0.1") + Rational.Parse("0.2") <= Rational.Parse("0.3"), Is.True);
        Assert.That(new Rational(1, 3) < new Rational(1, 2), Is.True);
    }
}

public class SpecificationJsonTests
{
    [Test]
    public void Specification_round_trips_through_json_and_rebuilds_the_identical_basis()
    {
        var spec = BasisFixtures.ThreeElements() with
        {
            Selection = new TotalDegreeSelection([5, new Rational(11, 2), 4], new Rational(5, 4)),
        };
        var json = System.Text.Json.JsonSerializer.Serialize(spec);
        var back = System.Text.Json.JsonSerializer.Deserialize<AceBasisSpecification>(json)!;
        Assert.That(json, Does.Contain("\"kind\":\"TransformedJacobi\"").And.Contain("\"kind\":\"TotalDegree\""));
        var a = AceBasis.Build(spec);
        var b = AceBasis.Build(back);
        Assert.That(b.Functions.Select(f => f.ToString()), Is.EqualTo(a.Functions.Select(f => f.ToString())));
        Assert.That(b.Cutoff(1, 1), Is.EqualTo(a.Cutoff(1, 1)));
        Assert.That(((TotalDegreeSelection)back.Selection).EffectiveAngularWeight, Is.EqualTo(new Rational(5, 4)));
    }
}
