using Ace.Core.Atoms;
using Ace.Core.Fitting;
using Ace.Core.Potentials;
using Ace.Core.Solvers;

namespace Ace.Core.Tests.Fitting;

public class AssemblyTests
{
    private static readonly LinearAcePotential Truth = Fixtures.RandomPotential(Fixtures.SiliconCarbon, seed: 7);

    private static List<Structure> Training(bool virial = false)
    {
        var random = new Random(21);
        var list = new List<Structure>();
        for (int k = 0; k < 4; k++)
        {
            list.Add(Fixtures.Label(Fixtures.RattledCrystal(random, 5.0 + 0.1 * k, "Si", "C"), Truth, "bulk", virial));
            list.Add(Fixtures.Label(Fixtures.Cluster(random, 3 + k, "C", "Si"), Truth, "cluster", virial: false));
        }
        return list;
    }

    [Test]
    public void Rows_times_the_coefficients_give_the_potentials_energy_forces_and_virial()
    {
        var structure = Training(virial: true)[0];
        var problem = LinearAce.Fit(Fixtures.SiliconCarbon).ReferenceEnergies(("Si", Fixtures.SiliconEnergy), ("C", Fixtures.CarbonEnergy))
            .Weights(energy: 3, forces: 2, virial: 5).AssembleDesign([structure]);
        int n = structure.AtomCount;
        Assert.That(problem.Rows, Is.EqualTo(1 + 3 * n + 6));
        var row = Row(problem, 0);
        double reference = 4 * Fixtures.SiliconEnergy + 4 * Fixtures.CarbonEnergy;
        var evaluation = Truth.Evaluate(structure);
        Assert.That(Fixtures.Dot(row, Truth.Coefficients) * n + reference, Is.EqualTo(evaluation.Energy).Within(1e-10 * Math.Abs(evaluation.Energy)));
        Assert.That(problem.Targets[0], Is.EqualTo((structure.Energy!.Value - reference) / n).Within(1e-12));
        Assert.That(problem.Weights[0], Is.EqualTo(3));
        for (int i = 0; i < n; i++)
        {
            for (int a = 0; a < 3; a++)
            {
                Assert.That(Fixtures.Dot(Row(problem, 1 + 3 * i + a), Truth.Coefficients), Is.EqualTo(evaluation.Forces[i][a]).Within(1e-10), $"force {i},{a}");
                Assert.That(problem.Weights[1 + 3 * i + a], Is.EqualTo(2));
            }
        }
        Span<double> voigt = stackalloc double[6];
        evaluation.Virial.CopyToVoigt(voigt);
        for (int v = 0; v < 6; v++)
        {
            Assert.That(Fixtures.Dot(Row(problem, 1 + 3 * n + v), Truth.Coefficients) * n, Is.EqualTo(voigt[v]).Within(1e-10), $"virial {v}");
            Assert.That(problem.Targets[1 + 3 * n + v] * n, Is.EqualTo(voigt[v]).Within(1e-10));
            Assert.That(problem.Weights[1 + 3 * n + v], Is.EqualTo(5));
        }
    }

    [Test]
    public void The_sqrt_atoms_convention_scales_the_energy_row_by_one_over_sqrt_n()
    {
        var structure = Training()[0];
        var perAtom = LinearAce.Fit(Fixtures.SiliconCarbon).AssembleDesign([structure]);
        var perSqrt = LinearAce.Fit(Fixtures.SiliconCarbon).ScaleEnergy(EnergyScaling.PerSqrtAtom).AssembleDesign([structure]);
        double ratio = Math.Sqrt(structure.AtomCount);
        Assert.That(perSqrt.Targets[0], Is.EqualTo(perAtom.Targets[0] * ratio).Within(1e-12 * Math.Abs(perSqrt.Targets[0])));
        var a = Row(perAtom, 0);
        var b = Row(perSqrt, 0);
        for (int c = 0; c < a.Length; c++)
        {
            Assert.That(b[c], Is.EqualTo(a[c] * ratio).Within(1e-12 * (1 + Math.Abs(b[c]))));
        }
        Assert.That(perSqrt.Targets[1], Is.EqualTo(perAtom.Targets[1]), "force rows are not scaled");
    }

    [Test]
    public void Weights_come_from_the_structure_info_then_its_config_type_then_the_default()
    {
        var training = Training();
        var own = training[1].WithReferenceData(training[1].Energy, training[1].Forces, null);
        var withOwnWeight = new Structure(own.Elements, own.Positions, own.Cell, own.Pbc)
        {
            Energy = own.Energy, Forces = own.Forces, ConfigType = "cluster",
            Info = new Dictionary<string, string> { ["energy_weight"] = "7", ["w_e"] = "3" },
        };
        var problem = LinearAce.Fit(Fixtures.SiliconCarbon).Weights(energy: 50, forces: 1).Weights("cluster", energy: 10, forces: 0)
            .AssembleDesign([training[0], training[1], withOwnWeight]);
        int n0 = training[0].AtomCount;
        Assert.That(problem.Rows, Is.EqualTo(1 + 3 * n0 + 1 + 1), "force weight 0 drops the cluster force rows");
        Assert.That(problem.Weights[0], Is.EqualTo(50));
        Assert.That(problem.Weights[1], Is.EqualTo(1));
        Assert.That(problem.Weights[1 + 3 * n0], Is.EqualTo(10));
        Assert.That(problem.Weights[2 + 3 * n0], Is.EqualTo(7));

        // The info keys are configurable; an extended XYZ round trip keeps the weights.
        var renamed = LinearAce.Fit(Fixtures.SiliconCarbon).Weights(energy: 50, forces: 1).Weights("cluster", energy: 10, forces: 0)
            .WeightKeys(energy: "w_e").AssembleDesign([training[0], training[1], withOwnWeight]);
        Assert.That(renamed.Weights[2 + 3 * n0], Is.EqualTo(3));
        var reread = ExtendedXyz.ParseText(ExtendedXyz.ToText([training[0], training[1], withOwnWeight]));
        Assert.That(reread[2].Info["energy_weight"], Is.EqualTo("7"));
        var again = LinearAce.Fit(Fixtures.SiliconCarbon).Weights(energy: 50, forces: 1).Weights("cluster", energy: 10, forces: 0).AssembleDesign(reread);
        Assert.That(again.Weights.ToArray(), Is.EqualTo(problem.Weights.ToArray()));
    }

    [TestCase("energy_weight", "-1")]
    [TestCase("force_weight", "abc")]
    [TestCase("virial_weight", "NaN")]
    public void A_bad_info_weight_names_the_structure_the_key_and_the_value(string key, string value)
    {
        var training = Training();
        var s = training[1];
        var bad = new Structure(s.Elements, s.Positions, s.Cell, s.Pbc)
        {
            Energy = s.Energy, Forces = s.Forces, Info = new Dictionary<string, string> { [key] = value },
        };
        var e = Assert.Throws<TrainingDataException>(() => LinearAce.Fit(Fixtures.SiliconCarbon).AssembleDesign([training[0], bad]))!;
        Assert.That(e.StructureIndex, Is.EqualTo(1));
        Assert.That(e.Message, Does.Contain("training structure 1").And.Contain($"'{key}'").And.Contain($"\"{value}\""));
        Assert.That(() => LinearAce.Fit(Fixtures.SiliconCarbon).WeightKeys(energy: " "), Throws.ArgumentException);
    }

    [Test]
    public void Streamed_normal_equations_equal_those_of_the_dense_design()
    {
        var training = Training(virial: true);
        var fit = LinearAce.Fit(Fixtures.SiliconCarbon).Weights(energy: 30, forces: 1, virial: 2).Weights("cluster", energy: 30, forces: 1)
            .MaxDegreeOfParallelism(3);
        var dense = NormalEquations.FromProblem(fit.AssembleDesign(training));
        var streamed = fit.AssembleNormalEquations(training);
        Assert.That(streamed.RowCount, Is.EqualTo(dense.RowCount));
        double scale = dense.Gram.ToArray().Max(Math.Abs);
        for (int k = 0; k < dense.Gram.Length; k++)
        {
            Assert.That(streamed.Gram[k], Is.EqualTo(dense.Gram[k]).Within(1e-11 * scale));
        }
        Assert.That(streamed.TargetSquaredNorm, Is.EqualTo(dense.TargetSquaredNorm).Within(1e-11 * dense.TargetSquaredNorm));
        var again = fit.AssembleNormalEquations(training);
        Assert.That(again.Gram.ToArray(), Is.EqualTo(streamed.Gram.ToArray()), "the streamed assembly is deterministic");
    }

    [Test]
    public void Batched_normal_equations_equal_per_structure_updates_to_rounding_and_do_not_depend_on_the_thread_count()
    {
        var training = Training(virial: true);
        var fit = LinearAce.Fit(Fixtures.SiliconCarbon).Weights(energy: 30, forces: 1, virial: 2).Weights("cluster", energy: 30, forces: 1);
        var perStructure = fit.AssemblyBatchRows(1).MaxDegreeOfParallelism(3).AssembleNormalEquations(training);
        var batched = fit.AssemblyBatchRows(100).MaxDegreeOfParallelism(3).AssembleNormalEquations(training);
        var oneThread = fit.AssemblyBatchRows(100).MaxDegreeOfParallelism(1).AssembleNormalEquations(training);
        var byDefault = LinearAce.Fit(Fixtures.SiliconCarbon).Weights(energy: 30, forces: 1, virial: 2).Weights("cluster", energy: 30, forces: 1)
            .AssembleNormalEquations(training);

        double scale = perStructure.Gram.ToArray().Max(Math.Abs);
        int differing = 0;
        for (int k = 0; k < perStructure.Gram.Length; k++)
        {
            Assert.That(batched.Gram[k], Is.EqualTo(perStructure.Gram[k]).Within(1e-13 * scale));
            differing += batched.Gram[k] != perStructure.Gram[k] ? 1 : 0;
        }
        if (Ace.Core.Solvers.Backends.LinearAlgebra.Backend is Ace.Core.Solvers.Backends.NativeLapackBackend)
        {
            // BLAS's blocked rank-k updates sum a batch in another order than row by row; the managed update adds the rows
            // in the same order whatever the batch, so there the two are bitwise equal.
            Assert.That(differing, Is.GreaterThan(0), "the batches really sum in another order");
        }
        Assert.That(batched.ProjectedTargets.ToArray(), Is.EqualTo(perStructure.ProjectedTargets.ToArray()).Within(1e-13 * perStructure.ProjectedTargets.ToArray().Max(Math.Abs)));
        Assert.That(batched.TargetSquaredNorm, Is.EqualTo(perStructure.TargetSquaredNorm).Within(1e-13 * perStructure.TargetSquaredNorm));
        Assert.That(oneThread.Gram.ToArray(), Is.EqualTo(batched.Gram.ToArray()), "bitwise the same on one thread");
        Assert.That(oneThread.ProjectedTargets.ToArray(), Is.EqualTo(batched.ProjectedTargets.ToArray()));
        Assert.That(byDefault.RowCount, Is.EqualTo(perStructure.RowCount));
        Assert.That(() => fit.AssemblyBatchRows(0), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [TestCase(AssemblyMode.DenseDesign)]
    [TestCase(AssemblyMode.NormalEquations)]
    public void A_fit_to_data_from_a_linear_model_of_the_same_basis_recovers_it(AssemblyMode mode)
    {
        var basis = Fixtures.Silicon;
        var truth = Fixtures.RandomPotential(basis, seed: 4);
        var random = new Random(8);
        var training = Enumerable.Range(0, 6).Select(k => Fixtures.Label(Fixtures.RattledCrystal(random, 5.2 + 0.1 * k, "Si"), truth))
            .Concat(Enumerable.Range(0, 6).Select(k => Fixtures.Label(Fixtures.Cluster(random, 3 + k % 3, "Si"), truth))).ToList();
        var reports = new List<AssemblyProgress>();
        var solver = mode == AssemblyMode.DenseDesign ? (ILeastSquaresSolver)LeastSquares.Qr() : LeastSquares.NormalEquations();
        var fit = LinearAce.Fit(basis).ReferenceEnergies(("Si", Fixtures.SiliconEnergy)).Weights(energy: 10, forces: 1)
            .Solver(solver).Assembly(mode).Progress(new SynchronousProgress(reports)).Run(training);
        Assert.That(fit.Mode, Is.EqualTo(mode));
        Assert.That(fit.Rows, Is.EqualTo(training.Sum(s => 1 + 3 * s.AtomCount)));
        Assert.That(fit.FunctionCount, Is.EqualTo(basis.FunctionCount));
        var errors = fit.Errors(training);
        Assert.That(errors.Overall.EnergyRmse, Is.LessThan(1e-6), "meV/atom");
        Assert.That(errors.Overall.ForceRmse, Is.LessThan(1e-5), "meV/A");
        for (int k = 0; k < basis.FunctionCount; k++)
        {
            Assert.That(fit.Potential.Coefficients[k], Is.EqualTo(truth.Coefficients[k]).Within(1e-6), basis.Functions[k].ToString());
        }
        lock (reports)
        {
            Assert.That(reports, Has.Count.EqualTo(training.Count));
            Assert.That(reports.Max(r => r.StructuresDone), Is.EqualTo(training.Count));
            Assert.That(reports.Max(r => r.AtomsDone), Is.EqualTo(training.Sum(s => s.AtomCount)));
        }
    }

    [Test]
    public void The_default_solver_is_bayesian_and_fits_noisy_data_well()
    {
        var training = Training();
        var random = new Random(1);
        var noisy = training.Select(s => s.WithReferenceData(s.Energy + 1e-3 * s.AtomCount * (random.NextDouble() - 0.5),
            s.Forces!.Value.Select(f => f + new Primitives.Vec3(random.NextDouble() - 0.5, random.NextDouble() - 0.5, random.NextDouble() - 0.5) * 0.01), null)).ToList();
        var fit = LinearAce.Fit(Fixtures.SiliconCarbon).ReferenceEnergies(("Si", Fixtures.SiliconEnergy), ("C", Fixtures.CarbonEnergy))
            .Weights(energy: 50, forces: 1).Run(noisy);
        Assert.That(fit.Solution, Is.InstanceOf<BayesianSolution>());
        Assert.That(fit.Mode, Is.EqualTo(AssemblyMode.NormalEquations));
        var errors = fit.Errors(training);
        Assert.That(errors.Overall.ForceRmse, Is.LessThan(20), "meV/A against the noise-free labels");
    }

    private static double[] Row(LeastSquaresProblem problem, int row)
    {
        var result = new double[problem.Columns];
        for (int c = 0; c < problem.Columns; c++)
        {
            result[c] = problem.Design[row + c * problem.Rows];
        }
        return result;
    }

    /// <summary>Collects progress reports on the reporting thread (unlike Progress&lt;T&gt;, which posts them).</summary>
    private sealed class SynchronousProgress(List<AssemblyProgress> reports) : IProgress<AssemblyProgress>
    {
        public void Report(AssemblyProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
