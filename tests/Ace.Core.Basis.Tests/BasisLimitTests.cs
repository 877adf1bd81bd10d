using System.Diagnostics;

namespace Ace.Core.Basis.Tests;

/// <summary>The size of a basis is estimated from its specification and checked against limits before enumeration.</summary>
public class BasisLimitTests
{
    private static AceBasisSpecification Specification(int[] degrees, params string[] elements) =>
        new(elements, new TransformedJacobiRadialSpecification(2.3, 5.0), degrees.Length,
            new TotalDegreeSelection([.. degrees.Select(d => new Rational(d, 1))]));

    [TestCase(new[] { 10 }, new[] { "Si" })]
    [TestCase(new[] { 12, 10, 8 }, new[] { "Si" })]
    [TestCase(new[] { 8, 7, 6 }, new[] { "Si", "C" })]
    public void The_estimate_equals_the_built_function_count_up_to_order_three(int[] degrees, string[] elements)
    {
        var spec = Specification(degrees, elements);
        var estimate = BasisSizeEstimate.Of(spec);
        var basis = AceBasis.Build(spec);
        Assert.That(estimate.Functions, Is.EqualTo(basis.FunctionCount));
        Assert.That(estimate.IsLowerBound, Is.False);
        Assert.That(estimate.ProductNodes, Is.GreaterThanOrEqualTo(basis.FunctionCount));
    }

    [Test]
    public void An_enormous_degree_fails_at_once_saying_how_large_it_is()
    {
        var clock = CpuClock.Start();
        var e = Assert.Throws<BasisTooLargeException>(() => AceBasis.Build(Specification([100000], "Si")))!;
        Assert.That(clock.Seconds, Is.LessThan(1.0));
        Assert.That(e.Message, Does.Contain("100,000 functions").And.Contain("limit of 50,000").And.Contain("correlation order 1"));
        Assert.That(e.Estimate!.Functions, Is.EqualTo(100_000));
        clock = CpuClock.Start();
        e = Assert.Throws<BasisTooLargeException>(() => AceBasis.Build(Specification([int.MaxValue / 4, 1000, 1000], "Si", "C")))!;
        Assert.That(clock.Seconds, Is.LessThan(1.0));
        Assert.That(e.Estimate!.IsLowerBound, "counting stopped at the limit");
        Assert.That(e.Message, Does.Contain("at least"));
    }

    [Test]
    public void The_limits_are_configurable_and_name_what_was_exceeded()
    {
        var spec = Specification([12, 10, 8], "Si");
        int count = AceBasis.Build(spec).FunctionCount;
        Assert.That(() => AceBasis.Build(spec, new BasisLimits(MaxFunctions: count - 1)),
            Throws.TypeOf<BasisTooLargeException>().With.Message.Contains("BasisLimits.MaxFunctions"));
        Assert.That(() => AceBasis.Build(spec, new BasisLimits(MaxProductNodes: 10)),
            Throws.TypeOf<BasisTooLargeException>().With.Message.Contains("product-graph nodes"));
        Assert.That(() => AceBasis.Build(spec, new BasisLimits(MaxEstimatedBytes: 1000)),
            Throws.TypeOf<BasisTooLargeException>().With.Message.Contains("GiB"));
        Assert.That(AceBasis.Build(spec, new BasisLimits(MaxFunctions: count)).FunctionCount, Is.EqualTo(count));
        Assert.That(() => new BasisLimits(MaxFunctions: 0).Validate(), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void A_huge_pair_basis_or_label_selection_is_caught_too()
    {
        var pair = Specification([6], "Si") with { PairBasis = new PairBasisSpecification(100_000_000, new TransformedJacobiRadialSpecification(2.3, 5.0)) };
        Assert.That(() => AceBasis.Build(pair), Throws.TypeOf<BasisTooLargeException>().With.Message.Contains("pair basis"));
        var labels = new AceBasisSpecification(["Si"], new TransformedJacobiRadialSpecification(2.3, 5.0), 2,
            new MaxLabelSelection([int.MaxValue, int.MaxValue], [int.MaxValue, int.MaxValue]));
        var clock = CpuClock.Start();
        Assert.That(() => AceBasis.Build(labels), Throws.TypeOf<BasisTooLargeException>());
        Assert.That(clock.Seconds, Is.LessThan(2.0));
    }
}

/// <summary>The processor time this process has used since <see cref="Start"/> (wall time is meaningless on a shared, loaded machine).</summary>
internal readonly struct CpuClock
{
    private readonly TimeSpan _start;

    private CpuClock(TimeSpan start) => _start = start;

    public static CpuClock Start() => new(Process.GetCurrentProcess().TotalProcessorTime);

    public double Seconds => (Process.GetCurrentProcess().TotalProcessorTime - _start).TotalSeconds;
}
