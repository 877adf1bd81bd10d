using Ace.Core.Analysis;
using Ace.Core.Atoms;
using Ace.Core.Primitives;
using Ace.Core.Studies;

namespace Ace.Core.Studies.Tests;

/// <summary>
/// The study's central finding on the embedded Stillinger-Weber data: trained on dimers and trimers, purified
/// potentials recover the exact SW pair curve, the curve stays put as body orders are added, and the coefficients
/// of correlation order 3 and higher (body order 4 and higher) stay at round-off; self-interacting ones move.
/// </summary>
public class PurifiedStudyTests
{
    private static readonly StudyDataset Si23 = SiliconStudyData.Generate("Si23",
        new SiliconStudyDataOptions(Dimers: 30, Trimers: 40, ValidationFraction: 0.25));

    private static IReadOnlyList<BodyOrderFit> Run(bool purify)
    {
        var grid = ClusterCurves.Grid(1.9, 6.0, 42);
        var exact = new Curve("SW", grid, [.. grid.Select(StillingerWeber.Silicon.PairEnergy)]);
        var variant = new BasisVariant(purify ? "PURE" : "SI", d =>
        {
            var builder = LinearAce.Basis("Si").Cutoff(5.0).Radial(r0: 2.3).TotalDegree([.. d]);
            return (purify ? builder.Purify() : builder).Build();
        });
        var settings = new BodyOrderStudySettings("Si", [Si23], [variant], [12, 10, 8, 6],
            basis => LinearAce.Fit(basis).Weights(energy: 30, forces: 1), exact) { MinCorrelationOrder = 2 };
        return BodyOrderStudy.Run(settings);
    }

    [Test]
    public void PurifiedFitsOnDimersAndTrimersKeepThePairCurveAndSilenceHigherOrders()
    {
        var fits = Run(purify: true);
        Assert.That(fits.Select(f => f.MaxBodyOrder), Is.EqualTo(new[] { 3, 4, 5 }));
        foreach (var fit in fits)
        {
            Assert.That(fit.DimerRms, Is.LessThan(0.01), $"body order {fit.MaxBodyOrder}: SW pair curve recovered (eV)");
            Assert.That(Math.Abs(fit.DimerRms - fits[0].DimerRms), Is.LessThan(1e-6), "the pair curve stays put");
            for (int order = 3; order <= fit.Degrees.Count; order++)
            {
                Assert.That(fit.MeanAbsCoefficient(order), Is.LessThan(1e-6),
                    $"body order {fit.MaxBodyOrder}: correlation order {order} coefficients at round-off");
            }
        }
    }

    [Test]
    public void EveryFitCarriesItsTrimerCurveToTheCutoffAndScoresBothTails()
    {
        var grid = ClusterCurves.Grid(1.9, 6.0, 42);
        var exact = new Curve("SW", grid, [.. grid.Select(StillingerWeber.Silicon.PairEnergy)]);
        var variant = new BasisVariant("PURE", d => LinearAce.Basis("Si").Cutoff(5.5).Radial(r0: 2.3).TotalDegree([.. d]).Purify().Build());
        var fits = BodyOrderStudy.Run(new BodyOrderStudySettings("Si", [Si23], [variant], [8, 6],
            basis => LinearAce.Fit(basis).Weights(energy: 30, forces: 1), exact) { MinCorrelationOrder = 2, CurveStep = 0.1 });
        var fit = fits.Single();
        var trimer = fit.Trimer!;
        Assert.That(trimer.X[0], Is.EqualTo(1.9).Within(1e-12), "from the reference's first distance");
        Assert.That(trimer.X[^1], Is.EqualTo(5.5).Within(1e-12), "to the cutoff");
        Assert.That(trimer.X, Is.EqualTo(fit.Dimer.X), "on the dimer curve's distances");
        Assert.That(trimer.Energies[^1], Is.EqualTo(0).Within(1e-12), "no energy at the cutoff");
        // Each point is the potential's energy of the equilateral trimer of that side minus three free atoms.
        for (int k = 0; k < trimer.Count; k += 7)
        {
            double r = trimer.X[k];
            var si = Element.FromSymbol("Si");
            var triangle = Structure.Isolated([si, si, si], [Vec3.Zero, new Vec3(r, 0, 0), new Vec3(r / 2, r * Math.Sqrt(3) / 2, 0)]);
            double freeAtom = fit.Potential.Energy(Structure.Isolated([si], [Vec3.Zero]));
            Assert.That(trimer.Energies[k], Is.EqualTo(fit.Potential.Energy(triangle) - 3 * freeAtom).Within(1e-9), $"side {r}");
        }
        Assert.That(fit.TrimerTailDrop, Is.EqualTo(ClusterCurves.DropBeyond(trimer, 5.0)).Within(1e-15));
        Assert.That(fit.DimerTailDrop, Is.EqualTo(ClusterCurves.DropBeyond(fit.Dimer, 5.0)).Within(1e-15));
    }

    [Test]
    public void SelfInteractingFitsUseTheHigherOrders()
    {
        var fits = Run(purify: false);
        Assert.That(fits[^1].MeanAbsCoefficient(3), Is.GreaterThan(1e-3));
        Assert.That(fits[^1].MeanAbsCoefficient(4), Is.GreaterThan(1e-3));
    }
}
