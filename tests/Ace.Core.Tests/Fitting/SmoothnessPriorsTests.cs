using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Fitting;
using Ace.Core.Potentials;
using Ace.Core.Solvers;

namespace Ace.Core.Tests.Fitting;

public class SmoothnessPriorsTests
{
    [Test]
    public void Degrees_follow_the_labels_of_many_body_and_pair_functions()
    {
        var basis = Fixtures.SiliconCarbon;
        var degrees = SmoothnessPriors.Degrees(basis, p: 4, angularWeight: 1.5);
        Assert.That(degrees, Has.Length.EqualTo(basis.FunctionCount));
        // A pair function n = 3: 3^4 = 81, whatever its element pair.
        int pair = basis.PairColumn(0, 1, 3);
        Assert.That(degrees[pair], Is.EqualTo(81));
        // The 2-correlation of (n, l) = (1, 1) and (2, 1): 1 + 1.5 + 16 + 1.5.
        var twoBody = basis.Functions.First(f => f.Kind == BasisFunctionKind.ManyBody && f.CorrelationOrder == 2 &&
            f.OneParticleLabels.Select(o => (o.N, o.L)).Order().SequenceEqual([(1, 1), (2, 1)]));
        Assert.That(degrees[twoBody.Column], Is.EqualTo(20));
        // Order one, n = 4: 4^4; with p = 2 and w_L = 1 the 2-correlation has 1 + 1 + 4 + 1 = 7.
        var single = basis.Functions.First(f => f.Kind == BasisFunctionKind.ManyBody && f.CorrelationOrder == 1 && f.OneParticleLabels[0].N == 4);
        Assert.That(degrees[single.Column], Is.EqualTo(256));
        Assert.That(SmoothnessPriors.Degrees(basis, p: 2, angularWeight: 1)[twoBody.Column], Is.EqualTo(7));
        var prior = SmoothnessPriors.Create(basis);
        Assert.That(prior.Count, Is.EqualTo(basis.FunctionCount));
        Assert.That(prior.Diagonal[pair], Is.EqualTo(82));
        Assert.That(prior.Diagonal.ToArray().Min(), Is.GreaterThanOrEqualTo(2), "every label has n >= 1");
    }

    [Test]
    public void The_angular_weight_defaults_to_the_basis_selection()
    {
        var wide = LinearAce.Basis("Si").Cutoff(5.0).Radial(r0: 2.3).TotalDegree(8, 6).AngularWeight(1).Build();
        Assert.That(SmoothnessPriors.DefaultAngularWeight(wide), Is.EqualTo(1.0));
        Assert.That(SmoothnessPriors.Degrees(wide), Is.EqualTo(SmoothnessPriors.Degrees(wide, angularWeight: 1.0)));
        Assert.That(SmoothnessPriors.Degrees(wide), Is.Not.EqualTo(SmoothnessPriors.Degrees(wide, angularWeight: 1.5)), "the basis has l > 0 labels");
        var standard = LinearAce.Basis("Si").Cutoff(5.0).Radial(r0: 2.3).TotalDegree(8, 6).Build();
        Assert.That(SmoothnessPriors.DefaultAngularWeight(standard), Is.EqualTo(1.5));
        var byLabel = LinearAce.Basis("Si").Cutoff(5.0).Radial(r0: 2.3).MaxLabels([4, 3], [0, 2]).Build();
        Assert.That(SmoothnessPriors.DefaultAngularWeight(byLabel), Is.EqualTo(1.5), "n_max / l_max selections take the ACE1x default");
    }

    [Test]
    public void Bad_exponent_or_angular_weight_throws()
    {
        Assert.That(() => SmoothnessPriors.Degrees(Fixtures.Silicon, p: 0), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("p"));
        Assert.That(() => SmoothnessPriors.Create(Fixtures.Silicon, angularWeight: double.NaN),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("angularWeight"));
        Assert.That(() => LinearAce.Fit(Fixtures.Silicon).SmoothnessPrior(angularWeight: -1), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void The_fluent_smoothness_prior_fits_with_bayesian_regression_and_shrinks_rough_functions()
    {
        var truth = Fixtures.RandomPotential(Fixtures.Silicon, seed: 3);
        var random = new Random(5);
        var training = Enumerable.Range(0, 1).Select(k => Fixtures.Label(Fixtures.RattledCrystal(random, 5.3 + 0.05 * k, "Si"), truth)).ToList();
        var noisy = training.Select(s => s.WithReferenceData(s.Energy + 1e-3 * s.AtomCount * (random.NextDouble() - 0.5),
            s.Forces!.Value.Select(f => f + new Primitives.Vec3(random.NextDouble() - 0.5, random.NextDouble() - 0.5, random.NextDouble() - 0.5) * 0.01), null)).ToList();
        FitBuilder Start() => LinearAce.Fit(Fixtures.Silicon).ReferenceEnergies(("Si", Fixtures.SiliconEnergy)).Weights(energy: 30, forces: 1);
        var fluent = Start().SmoothnessPrior().Run(noisy);
        var explicitPrior = Start().Solver(LeastSquares.BayesianLinearRegression(prior: SmoothnessPriors.Create(Fixtures.Silicon))).Run(noisy);
        var plain = Start().Run(noisy);
        Assert.That(fluent.Solution, Is.InstanceOf<BayesianSolution>());
        Assert.That(fluent.Solution.Solver, Does.Contain("prior"));
        Assert.That(fluent.Potential.Coefficients.ToArray(), Is.EqualTo(explicitPrior.Potential.Coefficients.ToArray()).Within(1e-9));
        Assert.That(fluent.Errors(training).Overall.ForceRmse, Is.LessThan(200), "meV/A against the noise-free labels");
        // The prior shrinks the roughest functions relative to the isotropic prior.
        var degrees = SmoothnessPriors.Degrees(Fixtures.Silicon);
        double threshold = degrees.Order().ElementAt(3 * degrees.Length / 4);
        double Rough(LinearAcePotential potential) => Enumerable.Range(0, degrees.Length).Where(j => degrees[j] >= threshold).Sum(j => potential.Coefficients[j] * potential.Coefficients[j]);
        Assert.That(Rough(fluent.Potential), Is.LessThan(Rough(plain.Potential)));
    }

    [Test]
    public void Column_norm_scaling_multiplies_each_entry_and_covers_zero_columns()
    {
        var prior = SmoothnessPriors.ScaleByColumnNorms([0, 15, 3], [2, 0.5, 0]);
        Assert.That(prior.Diagonal.ToArray(), Is.EqualTo(new[] { 2.0, 8.0, 2.0 }), "the zero column takes the smallest positive norm 0.5");
        Assert.That(SmoothnessPriors.ScaleByColumnNorms([1, 2], [0, 0]).Diagonal.ToArray(), Is.EqualTo(new[] { 2.0, 3.0 }));
        Assert.That(() => SmoothnessPriors.ScaleByColumnNorms([1, 2], [1]), Throws.ArgumentException.With.Property("ParamName").EqualTo("columnNorms"));
        Assert.That(() => SmoothnessPriors.ScaleByColumnNorms([1], [-1]), Throws.ArgumentException.With.Message.Contains("columnNorms[0]"));
    }

    [Test]
    public void The_column_scaled_prior_uses_the_weighted_gram_diagonal_in_both_assembly_modes()
    {
        var truth = Fixtures.RandomPotential(Fixtures.Silicon, seed: 4);
        var random = new Random(8);
        var training = Enumerable.Range(0, 3).Select(k => Fixtures.Label(Fixtures.RattledCrystal(random, 5.3 + 0.05 * k, "Si"), truth)).ToList();
        var noisy = training.Select(s => s.WithReferenceData(s.Energy + 1e-2 * s.AtomCount * (random.NextDouble() - 0.5),
            s.Forces!.Value.Select(f => f + new Primitives.Vec3(random.NextDouble() - 0.5, random.NextDouble() - 0.5, random.NextDouble() - 0.5) * 0.1), null)).ToList();
        FitBuilder Start() => LinearAce.Fit(Fixtures.Silicon).ReferenceEnergies(("Si", Fixtures.SiliconEnergy)).Weights(energy: 30, forces: 1);
        var normal = Start().AssembleNormalEquations(noisy);
        int n = normal.Columns;
        var norms = Enumerable.Range(0, n).Select(j => Math.Sqrt(normal.Gram[j * n + j])).ToArray();
        var expected = LeastSquares.BayesianLinearRegression(prior: SmoothnessPriors.ScaleByColumnNorms(SmoothnessPriors.Degrees(Fixtures.Silicon), norms)).Solve(normal);
        var streamed = Start().SmoothnessPrior(scaleByColumnNorms: true).Assembly(AssemblyMode.NormalEquations).Run(noisy);
        var dense = Start().SmoothnessPrior(scaleByColumnNorms: true).Assembly(AssemblyMode.DenseDesign).Run(noisy);
        var unscaled = Start().SmoothnessPrior().Run(noisy);
        Assert.That(streamed.Potential.Coefficients.ToArray(), Is.EqualTo(expected.Coefficients.ToArray()).Within(1e-8));
        Assert.That(dense.Potential.Coefficients.ToArray(), Is.EqualTo(expected.Coefficients.ToArray()).Within(1e-6));
        Assert.That(unscaled.Potential.Coefficients.ToArray(), Is.Not.EqualTo(expected.Coefficients.ToArray()).Within(1e-6), "the scaling changes the fit");
        Assert.That(() => Start().SmoothnessPrior(scaleByColumnNorms: true).Solver(LeastSquares.NormalEquations()),
            Throws.InvalidOperationException.With.Message.Contains("SmoothnessPrior(").And.Message.Contains("Solver("),
            "a later Solver(...) would drop the smoothness prior: refused");
    }
}
