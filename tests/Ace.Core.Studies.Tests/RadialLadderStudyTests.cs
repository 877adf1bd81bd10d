using Ace.Core.Analysis;
using Ace.Core.Basis;
using Ace.Core.Errors;
using Ace.Core.Studies;

namespace Ace.Core.Studies.Tests;

public class RadialLadderStudyTests
{
    private static readonly StudyDataset Data = SiliconStudyData.Generate("Si23",
        new SiliconStudyDataOptions(Dimers: 15, Trimers: 20, ValidationFraction: 0.25));

    private static readonly Curve Reference = new("SW pair", ClusterCurves.Grid(2.0, 4.5, 11),
        [.. ClusterCurves.Grid(2.0, 4.5, 11).Select(StillingerWeber.Silicon.PairEnergy)]);

    private static RadialLadderSettings Settings(params PacemakerDescriptor[] rungs) => new(
        "Si", [Data], rungs, new ChebExpCosRadialSpecification(5.0, 5.25),
        basis => LinearAce.Fit(basis).Weights(energy: 30, forces: 1).Ridge(1e-3), Reference)
    {
        MaxIterations = 3,
        DimerWindow = (2.0, 4.5),
    };

    [Test]
    public void Parses_the_study_ladder_in_pacemakers_notation()
    {
        var ladder = PacemakerDescriptor.StudyLadder;
        Assert.That(ladder.Select(d => d.Name), Is.EqualTo(new[] { "100/0", "45,8/0,2", "45,5,4/0,2,2", "45,8,4/0,3,3", "45,9,5/0,6,3", "45,8,4,3/0,3,3,2" }));
        Assert.That(ladder.Select(d => d.Primitives), Is.EqualTo(new[] { 100, 45, 45, 45, 45, 45 }), "K = 45, or n_max when larger");
        Assert.That(ladder[^1].MaxCorrelationOrder, Is.EqualTo(4));
        Assert.That(ladder[^1].LMax, Is.EqualTo(new[] { 0, 3, 3, 2 }));
    }

    [TestCase("45,8", "'/'")]
    [TestCase("45,8/0", "2 n_max but 1 l_max")]
    [TestCase("45,x/0,2", "n_max \"x\"")]
    [TestCase("0/0", "n_max \"0\"")]
    [TestCase("45,8/1,2", "l_max of correlation order 1 must be 0")]
    public void Rejects_malformed_descriptors_naming_the_problem(string text, string message) =>
        Assert.That(() => PacemakerDescriptor.Parse(text), Throws.TypeOf<FormatException>().With.Message.Contain(message).And.Message.Contain(text));

    [Test]
    public void Each_rung_starts_at_the_linear_fit_and_the_radial_fit_lowers_its_loss()
    {
        var rungs = new[] { new PacemakerDescriptor([6], [0], 6), new PacemakerDescriptor([6, 3], [0, 2], 8) };
        var steps = new List<RadialLadderStep>();
        var settings = Settings(rungs) with { StepProgress = new Collector(steps) };
        var fits = RadialLadderStudy.Run(settings);
        Assert.That(fits.Select(f => f.Descriptor), Is.EqualTo(rungs));
        foreach (var fit in fits)
        {
            // The start is the ordinary linear fit of the same basis with fixed radials R_nl = g_{n-1} (solved on another path: agreement to 1e-7; the weak ridge makes the validation errors sensitive).
            var basis = LinearAce.Basis("Si").Radial(settings.Radial).FittedRadials(fit.Descriptor.Primitives)
                .MaxCorrelationOrder(fit.Descriptor.MaxCorrelationOrder).MaxLabels([.. fit.Descriptor.NMax], [.. fit.Descriptor.LMax]).Build();
            var linear = settings.ConfigureFit(basis).Run(Data.Train).Potential;
            Assert.That(fit.FunctionCount, Is.EqualTo(basis.FunctionCount));
            Assert.That(fit.RadialParameterCount, Is.EqualTo(basis.FittedRadialParameters!.Count));
            Assert.That(fit.StartTrain.EnergyRmse, Is.EqualTo(ErrorTable.Compute(linear, Data.Train).Overall.EnergyRmse).Within(1e-5).Percent);
            Assert.That(fit.StartValidation!.ForceRmse, Is.EqualTo(ErrorTable.Compute(linear, Data.Validation).Overall.ForceRmse).Within(1e-5).Percent);
            Assert.That(fit.Iterations, Is.InRange(1, 3));
            Assert.That(fit.FinalLoss, Is.LessThan(fit.StartLoss));
            Assert.That(fit.Train.EnergyRmse, Is.EqualTo(ErrorTable.Compute(fit.Potential, Data.Train).Overall.EnergyRmse));
            // Dimer curves from the reference's first distance to the cutoff; the start's differs from the fitted one.
            Assert.That(fit.Dimer.X[0], Is.EqualTo(2.0));
            Assert.That(fit.Dimer.X[^1], Is.EqualTo(5.0).Within(1e-12));
            Assert.That(fit.Dimer.Energies, Is.Not.EqualTo(fit.StartDimer.Energies));
            Assert.That(fit.DimerRms, Is.EqualTo(fit.Dimer.RmsDeviation(Reference, 2.0, 4.5)));
            Assert.That(steps.Where(s => s.Descriptor == fit.Descriptor).Select(s => s.Step.Iteration),
                Is.EqualTo(fit.Report.Steps.Select(s => s.Iteration)));
        }
    }

    [Test]
    public void Without_iterations_the_fit_is_its_start()
    {
        var fit = RadialLadderStudy.Run(Settings(new PacemakerDescriptor([6, 3], [0, 1], 6)) with { MaxIterations = 0 }).Single();
        Assert.That(fit.Iterations, Is.Zero);
        Assert.That(fit.Train, Is.EqualTo(fit.StartTrain));
        Assert.That(fit.Dimer.Energies, Is.EqualTo(fit.StartDimer.Energies));
    }

    [Test]
    public void Rejects_an_empty_ladder() =>
        Assert.That(() => RadialLadderStudy.Run(Settings()), Throws.ArgumentException.With.Message.Contain("one descriptor (0)"));

    private sealed class Collector(List<RadialLadderStep> sink) : IProgress<RadialLadderStep>
    {
        public void Report(RadialLadderStep value) => sink.Add(value);
    }
}
