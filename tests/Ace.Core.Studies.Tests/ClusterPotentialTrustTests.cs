using Ace.Core.Atoms;
using Ace.Core.Fitting;
using Ace.Core.TestUtilities;

namespace Ace.Core.Studies.Tests;

/// <summary>
/// The example of the trust issue: a potential fitted to silicon clusters (the DFT clusters of ../shared/data/si when
/// present, else the embedded Stillinger-Weber clusters) answers about bulk diamond without a word; its extrapolation
/// grade flags every bulk structure, compressed or expanded, while every training environment stays at most 1.
/// </summary>
public class ClusterPotentialTrustTests
{
    private const double SiliconReferenceEnergy = -7881.32677981122;

    private static (IReadOnlyList<Structure> Train, string Source, double E0) TrainingClusters()
    {
        if (SharedData.Directory is { } folder && File.Exists(Path.Combine(folder, "si", "Si2345_train.xyz")))
        {
            return (ExtendedXyz.ReadAll(Path.Combine(folder, "si", "Si2345_train.xyz")), "DFT Si2345_train.xyz", SiliconReferenceEnergy);
        }
        return (SiliconStudyData.Generate("Si2345").Train, "embedded Stillinger-Weber Si2345", 0);
    }

    [Test]
    public void A_cluster_potential_flags_every_bulk_diamond_structure()
    {
        var (train, source, e0) = TrainingClusters();
        var basis = LinearAce.Basis("Si").Cutoff(6.0).Radial(r0: 2.20707071).MaxBodyOrder(4).TotalDegree(16, 12, 8).Build();
        FitResult fit = LinearAce.Fit(basis).ReferenceEnergies(("Si", e0)).Weights(energy: 50, forces: 1).ActiveSet().Run(train);
        var potential = fit.Potential;
        var set = potential.ActiveSet!["Si"];
        TestContext.Out.WriteLine($"{source}: {train.Count} structures, {set.EnvironmentCount} environments, {set.FeatureCount} features, rank {set.Rank}, {potential.ActiveSet.Passes} MaxVol passes");
        Assert.That(train.Max(s => potential.MaxGrade(s)), Is.LessThanOrEqualTo(1 + 1e-9), "every training environment interpolates");
        foreach (double a in new[] { 4.9, 5.2, 5.43, 5.7, 6.0 })
        {
            var bulk = Crystals.Diamond(Element.FromSymbol("Si"), a);
            double grade = potential.MaxGrade(bulk);
            TestContext.Out.WriteLine($"diamond a = {a} A: gamma = {grade:G4}, E = {(potential.Energy(bulk) - 8 * e0) / 8:F2} eV/atom above E0");
            Assert.That(grade, Is.GreaterThan(2), $"bulk diamond a = {a} A");
        }
    }
}
