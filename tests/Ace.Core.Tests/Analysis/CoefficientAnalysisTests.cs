using Ace.Core.Analysis;
using Ace.Core.Basis;

namespace Ace.Core.Tests.Analysis;

public class CoefficientAnalysisTests
{
    private static AceBasis Build(params int[] degrees) => AceBasis.Build(new AceBasisSpecification(
        ["Si"], new TransformedJacobiRadialSpecification(2.2, 5.0), degrees.Length,
        new TotalDegreeSelection([.. degrees.Select(d => new Rational(d, 1))])));

    [Test]
    public void MeanAbsoluteCoefficientPerOrder()
    {
        var basis = Build(6, 5, 4);
        var c = basis.Functions.Select(f => (f.Column % 2 == 0 ? 1.0 : -1.0) * f.CorrelationOrder * (1 + f.Column % 3)).ToArray();
        var stats = BodyOrderStatistics.Compute(basis, c);
        Assert.That(stats.Select(s => s.CorrelationOrder), Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(stats.Sum(s => s.Count), Is.EqualTo(basis.FunctionCount));
        foreach (var s in stats)
        {
            var expected = basis.FunctionsOfOrder(s.CorrelationOrder).Select(f => Math.Abs(c[f.Column])).ToList();
            Assert.That(s.Count, Is.EqualTo(expected.Count));
            Assert.That(s.MeanAbsCoefficient, Is.EqualTo(expected.Average()).Within(1e-14));
            Assert.That(s.MaxAbsCoefficient, Is.EqualTo(expected.Max()));
            Assert.That(s.BodyOrder, Is.EqualTo(s.CorrelationOrder + 1));
        }
        Assert.Throws<ArgumentException>(() => BodyOrderStatistics.Compute(basis, new double[3]));
    }

    [Test]
    public void ComparisonMatchesLabelsAcrossBasesOfDifferentSize()
    {
        var small = Build(6, 5);
        var large = Build(8, 6, 4);
        var cSmall = small.Functions.Select(f => 1.0 + f.Column).ToArray();
        // The large fit gives every function of the small basis the same coefficient, scaled by 1.1 at order 2.
        var bySmallLabel = small.Functions.ToDictionary(f => f.ToString(), f => cSmall[f.Column] * (f.CorrelationOrder == 2 ? 1.1 : 1.0));
        var cLarge = large.Functions.Select(f => bySmallLabel.TryGetValue(f.ToString(), out var v) ? v : 7.0).ToArray();
        var comparison = FitComparison.Compare(small, cSmall, large, cLarge);
        Assert.That(comparison.Matched, Has.Count.EqualTo(small.FunctionCount));
        Assert.That(comparison.OnlyInFirst, Is.Zero);
        Assert.That(comparison.OnlyInSecond, Is.EqualTo(large.FunctionCount - small.FunctionCount));
        Assert.That(comparison.RelativeChange(1), Is.EqualTo(0).Within(1e-15));
        Assert.That(comparison.RelativeChange(2), Is.EqualTo(0.1).Within(1e-12));
        Assert.That(comparison.RelativeChange(3), Is.NaN);
        var reverse = FitComparison.Compare(large, cLarge, small, cSmall);
        Assert.That(reverse.OnlyInFirst, Is.EqualTo(large.FunctionCount - small.FunctionCount));
    }
}
