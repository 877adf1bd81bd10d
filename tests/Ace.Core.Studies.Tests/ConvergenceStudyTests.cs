using Ace.Core.Analysis;
using Ace.Core.Studies;

namespace Ace.Core.Studies.Tests;

public class ConvergenceStudyTests
{
    private static readonly StudyDataset Data = SiliconStudyData.Generate("Si23",
        new SiliconStudyDataOptions(Dimers: 30, Trimers: 40, ValidationFraction: 0.25));

    private static ConvergenceSettings Settings(params int[][] candidates) => new(
        "Si", candidates,
        degrees => LinearAce.Basis("Si").Cutoff(5.0).Radial(r0: 2.3).TotalDegree([.. degrees]).Build(),
        basis => LinearAce.Fit(basis).Weights(energy: 30, forces: 1),
        ClusterCurves.Grid(1.9, 6.0, 30));

    [Test]
    public void GrowsOrderByOrderAndFreezesTheBestDegree()
    {
        var reported = new List<ConvergenceStep>();
        var settings = Settings([3, 5, 7, 9, 11, 13], [4, 6, 8]) with { Progress = new SynchronousProgress(reported) };
        var result = ConvergenceStudy.Run(settings, Data.Train, Data.Validation);
        Assert.That(reported, Is.EqualTo(result.Steps));
        Assert.That(result.Steps.Select(s => s.Index), Is.EqualTo(Enumerable.Range(0, result.Steps.Count)));
        // Within order 1 the degree rises until the validation score stops falling; accepted scores strictly decrease.
        var accepted = result.Steps.Where(s => s.Accepted).ToList();
        for (int k = 1; k < accepted.Count; k++)
        {
            Assert.That(accepted[k].Score, Is.LessThan(accepted[k - 1].Score));
        }
        var first = result.BestPerOrder[0];
        Assert.That(first.CorrelationOrder, Is.EqualTo(1));
        // Order-2 steps keep order 1 frozen at its best degree.
        foreach (var s in result.Steps.Where(s => s.CorrelationOrder == 2))
        {
            Assert.That(s.Degrees[0], Is.EqualTo(first.Degrees[0]));
            Assert.That(s.Degrees, Has.Count.EqualTo(2));
        }
        // Trimers need three-body functions: opening order 2 must help on Si23.
        Assert.That(result.BestPerOrder, Has.Count.EqualTo(2));
        Assert.That(result.Final.Score, Is.LessThan(first.Score));
        Assert.That(result.Final.Dimer.RmsDeviation(StillingerWeber.Silicon.PairEnergy, 1.9, 6.0), Is.LessThan(0.1));
        Assert.That(result.Final.Coefficients.Select(c => c.CorrelationOrder), Is.EqualTo(new[] { 1, 2 }));
        // Every step records its equilateral trimer curve on the dimer curve's distances; it vanishes at the cutoff.
        foreach (var s in result.Steps)
        {
            Assert.That(s.Trimer!.X, Is.EqualTo(s.Dimer.X));
            Assert.That(s.Trimer.Energies[^1], Is.EqualTo(0).Within(1e-12), $"step {s.Index}");
        }
    }

    [Test]
    public void BadCandidatesAreRejected()
    {
        Assert.Throws<ArgumentException>(() => ConvergenceStudy.Run(Settings([5, 4]), Data.Train, Data.Validation));
        Assert.Throws<ArgumentException>(() => ConvergenceStudy.Run(Settings([4], []), Data.Train, Data.Validation));
        Assert.Throws<ArgumentException>(() => ConvergenceStudy.Run(Settings([4]), Data.Train, []));
    }

    private sealed class SynchronousProgress(List<ConvergenceStep> sink) : IProgress<ConvergenceStep>
    {
        public void Report(ConvergenceStep value) => sink.Add(value);
    }
}
