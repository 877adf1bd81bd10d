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
}
