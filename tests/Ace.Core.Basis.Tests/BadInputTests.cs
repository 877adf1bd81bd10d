using Ace.Core.Primitives;
using static Ace.Core.Basis.Tests.BasisFixtures;

namespace Ace.Core.Basis.Tests;

public class BadInputTests
{
    private static readonly AceBasis Basis = AceBasis.Build(ThreeElements());

    private static void Evaluate(Vec3[] d, int[] s)
    {
        var ws = Basis.CreateWorkspace();
        Basis.EvaluateSite(0, d, s, new double[Basis.SiteFunctionCount(0)], ws);
    }

    [Test]
    public void Unknown_neighbour_species_throws_naming_it()
    {
        var e = Assert.Throws<ArgumentException>(() => Evaluate([new Vec3(1, 1, 1), new Vec3(2, 0, 0)], [0, 3]));
        Assert.That(e!.Message, Does.Contain("neighbour 1").And.Contain("species index 3"));
    }

    [Test]
    public void Neighbour_beyond_the_cutoff_throws_with_the_distance_and_cutoff()
    {
        // Si-C: many-body default 4.6, pair basis 5.0, so 5.0; Si-Si: many-body 5.2.
        Assert.That(Basis.Cutoff(0, 1), Is.EqualTo(5.0));
        Assert.That(Basis.Cutoff(0, 0), Is.EqualTo(5.2));
        var e = Assert.Throws<ArgumentException>(() => Evaluate([new Vec3(5.1, 0, 0)], [1]));
        Assert.That(e!.Message, Does.Contain("beyond").And.Contain("Si-C").And.Contain("5.1"));
        Assert.DoesNotThrow(() => Evaluate([new Vec3(5.1, 0, 0)], [0]), "Si-Si allows 5.2");
    }

    [Test]
    public void Overlapping_atoms_throw()
    {
        var e = Assert.Throws<ArgumentException>(() => Evaluate([new Vec3(1, 0, 0), new Vec3(0, 0, 0)], [0, 0]));
        Assert.That(e!.Message, Does.Contain("overlapping"));
    }

    [Test]
    public void Mismatched_lengths_and_wrong_output_sizes_throw()
    {
        Assert.Throws<ArgumentException>(() => Evaluate([new Vec3(1, 0, 0)], [0, 0]));
        var ws = Basis.CreateWorkspace();
        Assert.Throws<ArgumentException>(() => Basis.EvaluateSite(0, [new Vec3(1, 0, 0)], [0], new double[1], ws));
        Assert.Throws<ArgumentOutOfRangeException>(() => Basis.EvaluateSite(5, [new Vec3(1, 0, 0)], [0], new double[1], ws));
        var other = AceBasis.Build(ThreeElements()).CreateWorkspace();
        Assert.Throws<ArgumentException>(() => Basis.EvaluateSite(0, [new Vec3(1, 0, 0)], [0], new double[Basis.SiteFunctionCount(0)], other));
    }

    [Test]
    public void Order_below_one_throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => AceBasis.Build(SingleElement(4) with { MaxCorrelationOrder = 0 }));
        Assert.That(e!.Message, Does.Contain("correlation order"));
    }

    [Test]
    public void Order_above_the_coupling_limit_throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => AceBasis.Build(SingleElement(9, 8, 7, 6, 6, 6, 6)));
        Assert.That(e!.Message, Does.Contain("up to order 6"));
    }

    [Test]
    public void Degree_list_shorter_than_the_order_throws()
    {
        var e = Assert.Throws<ArgumentException>(() => AceBasis.Build(SingleElement(6, 5) with { MaxCorrelationOrder = 3 }));
        Assert.That(e!.Message, Does.Contain("2 maximum degree(s)").And.Contain("maximum correlation order is 3"));
    }

    [Test]
    public void Specification_errors_say_what_is_wrong()
    {
        Assert.That(Assert.Throws<ArgumentException>(() => AceBasis.Build(SingleElement(4) with { Elements = ["Si", "Si"] }))!.Message,
            Does.Contain("listed twice"));
        Assert.That(Assert.Throws<ArgumentException>(() => AceBasis.Build(SingleElement(4) with
        {
            PairRadials = [new ElementPairRadial("Si", "Ge", SiliconRadial)],
        }))!.Message, Does.Contain("'Ge'"));
        Assert.That(Assert.Throws<ArgumentException>(() => AceBasis.Build(SingleElement(4) with
        {
            Radial = new TransformedJacobiRadialSpecification(2.0, 1.5),
        }))!.Message, Does.Contain("cutoff"));
        Assert.Throws<ArgumentException>(() => Basis.SpeciesIndex("Ge"));
        Assert.Throws<FormatException>(() => Rational.Parse("three halves"));
    }
}
