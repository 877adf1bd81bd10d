using Ace.Core.Atoms;
using Ace.Core.Fitting;
using Ace.Core.Potentials;
using Ace.Core.Primitives;
using Ace.Core.Solvers;
using Ace.Core.Trust;

namespace Ace.Core.Tests.Trust;

public class CommitteeTests
{
    private static readonly LinearAcePotential Truth = Fixtures.RandomPotential(Fixtures.Silicon, seed: 5);

    /// <summary>Rattled bulk labelled by <see cref="Truth"/> with seeded Gaussian noise (0.01 eV/atom, 0.05 eV/A).</summary>
    private static List<Structure> Noisy(int count, int seed)
    {
        var random = new Random(seed);
        double Gauss() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return TrustData.RattledBulk(count, seed).Select(s =>
        {
            var e = Truth.Evaluate(s);
            return s.WithReferenceData(e.Energy + 0.01 * s.AtomCount * Gauss(),
                e.Forces.Select(f => f + 0.05 * new Vec3(Gauss(), Gauss(), Gauss())), null);
        }).ToList();
    }

    private static FitResult Fit(int structures, int seed = 3, int committee = 8) =>
        LinearAce.Fit(Fixtures.Silicon).ReferenceEnergies(("Si", Fixtures.SiliconEnergy)).Committee(committee, seed).Run(Noisy(structures, 11));

    [Test]
    public void The_committee_mean_is_the_posterior_mean()
    {
        var fit = Fit(12);
        var committee = fit.Potential.Committee!;
        var mean = fit.Potential.Coefficients.ToArray();
        Assert.That(committee.Size, Is.EqualTo(8));
        double scale = mean.Max(Math.Abs);
        for (int j = 0; j < mean.Length; j++)
        {
            double average = Enumerable.Range(0, committee.Size).Average(k => committee.Member(mean, k)[j]);
            Assert.That(average, Is.EqualTo(mean[j]).Within(1e-12 * scale), $"coefficient {j}");
        }
        Assert.That(mean, Is.EqualTo(fit.Solution.Coefficients.ToArray()), "the potential's coefficients are the posterior mean");
        var probe = TrustData.Rattled(new Random(4), 5.43, 0.2, ["Si"]);
        var prediction = fit.Potential.Uncertainty(probe);
        Assert.That(prediction.MemberEnergies.Average(), Is.EqualTo(fit.Potential.Energy(probe)).Within(1e-12 * Math.Abs(prediction.Energy)));
        Assert.That(prediction.Energy, Is.EqualTo(fit.Potential.Energy(probe)));
    }

    [Test]
    public void The_spread_shrinks_when_the_training_set_grows()
    {
        var probes = TrustData.RattledBulk(4, seed: 99);
        double Spread(LinearAcePotential p) => probes.Average(s => p.Uncertainty(s).EnergyStandardDeviation);
        double small = Spread(Fit(4, committee: 32).Potential), large = Spread(Fit(40, committee: 32).Potential);
        Assert.That(large, Is.LessThan(0.6 * small), $"energy spread {small:G3} eV with 4 structures, {large:G3} eV with 40");
    }

    [Test]
    public void The_spread_matches_the_posterior_variance_on_average()
    {
        // For a linear model the energy variance is s^T Sigma s with s the summed site values; the committee estimates it.
        var fit = LinearAce.Fit(Fixtures.Silicon).Committee(400, seed: 1).Run(Noisy(12, 11));
        var posterior = (BayesianSolution)fit.Solution;
        var sigma = posterior.PosteriorCovariance();
        var probe = TrustData.Rattled(new Random(6), 5.43, 0.2, ["Si"]);
        var plain = new LinearAcePotential(Fixtures.Silicon, new double[Fixtures.Silicon.FunctionCount]);
        int n = Fixtures.Silicon.FunctionCount;
        var s = new double[n];
        for (int j = 0; j < n; j++)
        {
            var unit = new double[n];
            unit[j] = 1;
            s[j] = new LinearAcePotential(Fixtures.Silicon, unit).Energy(probe) - plain.Energy(probe);
        }
        double variance = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                variance += s[i] * sigma[i + j * n] * s[j];
            }
        }
        double sd = fit.Potential.Uncertainty(probe).EnergyStandardDeviation;
        Assert.That(sd, Is.EqualTo(Math.Sqrt(variance)).Within(0.15 * Math.Sqrt(variance)), "400 members estimate the standard deviation to about 5%");
    }

    [Test]
    public void Per_atom_and_virial_spreads_are_reported()
    {
        var fit = Fit(8);
        var probe = TrustData.Rattled(new Random(4), 5.6, 0.2, ["Si"]);
        var prediction = fit.Potential.Uncertainty(probe);
        Assert.That(prediction.MemberEnergies, Has.Length.EqualTo(8));
        Assert.That(prediction.SiteEnergyStandardDeviations, Has.Length.EqualTo(probe.AtomCount));
        Assert.That(prediction.ForceStandardDeviations, Has.Length.EqualTo(probe.AtomCount));
        Assert.That(prediction.ForceStandardDeviations, Has.All.GreaterThan(0));
        Assert.That(prediction.VirialStandardDeviation.Xx, Is.GreaterThan(0));
        Assert.That(prediction.EnergyStandardDeviation, Is.GreaterThan(0));
    }

    [Test]
    public void The_same_seed_gives_the_same_committee_and_another_seed_another()
    {
        var a = Fit(8, seed: 3).Potential.Committee!;
        var b = Fit(8, seed: 3).Potential.Committee!;
        var c = Fit(8, seed: 4).Potential.Committee!;
        Assert.That(b.Deviation(2).ToArray(), Is.EqualTo(a.Deviation(2).ToArray()));
        Assert.That(c.Deviation(2).ToArray(), Is.Not.EqualTo(a.Deviation(2).ToArray()));
    }

    [Test]
    public void A_committee_needs_a_Bayesian_solve()
    {
        var fit = LinearAce.Fit(Fixtures.Silicon).Ridge(1e-3).Committee(4);
        var ex = Assert.Throws<InvalidOperationException>(() => fit.Run(Noisy(4, 1)));
        Assert.That(ex!.Message, Does.Contain("Committee").And.Contain("Bayesian"));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearAce.Fit(Fixtures.Silicon).Committee(1));
    }

    [Test]
    public void Without_a_committee_uncertainty_says_how_to_get_one()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Truth.Uncertainty(TrustData.Bulk(5.43)));
        Assert.That(ex!.Message, Does.Contain("Committee"));
    }
}
