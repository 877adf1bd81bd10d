using Ace.Core.Atoms;
using Ace.Core.Fitting;
using Ace.Core.Potentials;
using Ace.Core.Solvers;

namespace Ace.Core.Tests.Fitting;

/// <summary>Shard plans, partial normal equations and the thread-count independence of the streamed assembly.</summary>
public class ShardedAssemblyTests
{
    private static readonly LinearAcePotential Truth = Fixtures.RandomPotential(Fixtures.SiliconCarbon, seed: 11);

    private static readonly List<Structure> Data = Training();

    private static List<Structure> Training()
    {
        var random = new Random(5);
        var list = new List<Structure>();
        for (int k = 0; k < 5; k++)
        {
            list.Add(Fixtures.Label(Fixtures.RattledCrystal(random, 5.0 + 0.05 * k, "Si", "C"), Truth, "bulk", virial: true));
            list.Add(Fixtures.Label(Fixtures.Cluster(random, 3 + k, "C", "Si"), Truth, "cluster", virial: false));
        }
        return list;
    }

    private static FitBuilder Start() => LinearAce.Fit(Fixtures.SiliconCarbon)
        .ReferenceEnergies(("Si", Fixtures.SiliconEnergy), ("C", Fixtures.CarbonEnergy)).Weights(energy: 30, forces: 1, virial: 1)
        .Weights("cluster", energy: 30, forces: 1);

    private static void AssertSameBits(NormalEquations actual, NormalEquations expected, string what)
    {
        Assert.That(actual.RowCount, Is.EqualTo(expected.RowCount), what);
        Assert.That(actual.Gram.ToArray(), Is.EqualTo(expected.Gram.ToArray()).AsCollection, what);
        Assert.That(actual.ProjectedTargets.ToArray(), Is.EqualTo(expected.ProjectedTargets.ToArray()).AsCollection, what);
        Assert.That(BitConverter.DoubleToInt64Bits(actual.TargetSquaredNorm), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected.TargetSquaredNorm)), what);
    }

    [Test]
    public void The_streamed_normal_equations_do_not_depend_on_the_number_of_threads()
    {
        var one = Start().MaxDegreeOfParallelism(1).AssembleNormalEquations(Data);
        foreach (int threads in new[] { 2, 3, 7 })
        {
            AssertSameBits(Start().MaxDegreeOfParallelism(threads).AssembleNormalEquations(Data), one, $"{threads} threads");
        }
    }

    [Test]
    public void A_sharded_fit_equals_the_shards_assembled_separately_and_merged_in_order()
    {
        var plan = ShardPlan.Split(Data.Count, 3);
        var local = Start().Shards(plan).MaxDegreeOfParallelism(2).Run(Data);
        // Shards assembled by "other workers" (other thread counts), in reverse order, then merged in shard order.
        var parts = plan.Shards.Reverse().Select((range, k) =>
            (range, part: Start().MaxDegreeOfParallelism(1 + k % 3).AssembleShard(Data.Skip(range.First).Take(range.Count).ToList(), range.First)))
            .OrderBy(p => p.range.First).Select(p => p.part).ToList();
        var merged = parts[0];
        foreach (var part in parts.Skip(1))
        {
            merged.Append(part);
        }
        Assert.That(merged.Structures, Is.EqualTo(new StructureRange(0, Data.Count)));
        Assert.That(merged.AtomCount, Is.EqualTo(Data.Sum(s => (long)s.AtomCount)));
        var distributed = Start().Solve(merged, Data);
        Assert.That(distributed.Potential.Coefficients.ToArray(), Is.EqualTo(local.Potential.Coefficients.ToArray()).AsCollection);
        Assert.That(distributed.Rows, Is.EqualTo(local.Rows));
        Assert.That(distributed.Potential.Provenance!.Atoms, Is.EqualTo(local.Potential.Provenance!.Atoms));
    }

    [Test]
    public void Sharded_normal_equations_agree_with_the_unsharded_ones_to_rounding()
    {
        var whole = Start().AssembleNormalEquations(Data);
        var sharded = Start().Shards(ShardPlan.Split(Data.Count, 4)).AssembleNormalEquations(Data);
        Assert.That(sharded.RowCount, Is.EqualTo(whole.RowCount));
        double scale = whole.Gram.ToArray().Max(Math.Abs);
        Assert.That(sharded.Gram.ToArray(), Is.EqualTo(whole.Gram.ToArray()).Within(1e-12 * scale));
        Assert.That(sharded.TargetSquaredNorm, Is.EqualTo(whole.TargetSquaredNorm).Within(1e-12 * whole.TargetSquaredNorm));
    }

    [Test]
    public void Fold_normal_equations_of_shards_give_the_cross_validation_and_the_ridge_of_the_local_run()
    {
        var plan = ShardPlan.ByAtoms(Data.Select(s => s.AtomCount).ToList(), 20);
        Assert.That(plan.Shards.Count, Is.GreaterThan(1));
        var fit = Start().RidgeByCrossValidation(folds: 3).Shards(plan);
        Assert.That(fit.RunFolds, Is.EqualTo(3));
        PartialNormalEquations Assemble(int folds)
        {
            PartialNormalEquations? merged = null;
            foreach (var range in plan.Shards)
            {
                var part = fit.AssembleShard(Data.Skip(range.First).Take(range.Count).ToList(), range.First, folds);
                if (merged is null)
                {
                    merged = part;
                }
                else
                {
                    merged.Append(part);
                }
            }
            return merged!;
        }
        var local = fit.Run(Data);
        var solved = fit.Solve(Assemble(fit.RunFolds), Data);
        Assert.That(solved.Potential.Coefficients.ToArray(), Is.EqualTo(local.Potential.Coefficients.ToArray()).AsCollection);
        Assert.That(solved.Ridge!.Lambda, Is.EqualTo(local.Ridge!.Lambda));
        var localCv = fit.CrossValidate(Data, folds: 4);
        var clusterCv = fit.CrossValidate(Assemble(4), Data);
        for (int f = 0; f < 4; f++)
        {
            Assert.That(clusterCv.Folds[f].Solution.Coefficients.ToArray(), Is.EqualTo(localCv.Folds[f].Solution.Coefficients.ToArray()).AsCollection, $"fold {f}");
        }
    }

    [Test]
    public void Partial_normal_equations_merge_only_in_structure_order_and_with_matching_folds()
    {
        var a = Start().AssembleShard(Data.Take(3).ToList(), 0);
        var c = Start().AssembleShard(Data.Skip(5).Take(2).ToList(), 5);
        var e = Assert.Throws<ArgumentException>(() => a.Append(c))!;
        Assert.That(e.Message, Does.Contain("start at 3").And.Contain("not 5"));
        var b = Start().AssembleShard(Data.Skip(3).Take(2).ToList(), 3, folds: 2);
        Assert.That(() => a.Append(b), Throws.ArgumentException.With.Message.Contains("2 folds"));
        Assert.That(() => Start().Solve(c), Throws.ArgumentException.With.Message.Contains("from structure 0"));
        Assert.That(() => Start().Solve(b), Throws.ArgumentException.With.Message.Contains("needs 1"));
    }

    [Test]
    public void A_bad_structure_in_a_shard_is_named_by_its_training_set_index()
    {
        var bad = new Structure(Data[0].Elements, Data[0].Positions, Data[0].Cell, Data[0].Pbc) { Forces = Data[0].Forces };
        var shard = new List<Structure> { Data[6], bad };
        var e = Assert.Throws<TrainingDataException>(() => Start().AssembleShard(shard, 6))!;
        Assert.That(e.StructureIndex, Is.EqualTo(7));
        Assert.That(e.Message, Does.Contain("reference energy"));
    }

    [Test]
    public void A_shard_whose_structures_all_have_zero_weight_adds_nothing()
    {
        var fit = Start().Weights("cluster", energy: 0, forces: 0);
        var clusters = Data.Where(s => s.ConfigType == "cluster").ToList();
        var part = fit.AssembleShard(clusters, 0);
        Assert.That(part.RowCount, Is.EqualTo(0));
        Assert.That(part.Folds[0].Gram.ToArray(), Is.All.EqualTo(0.0));
        Assert.That(() => fit.Run(clusters), Throws.ArgumentException.With.Message.Contains("nothing to fit"), "a whole training set still needs rows");
    }

    [Test]
    public void Shard_plans_cover_the_structures_contiguously()
    {
        var split = ShardPlan.Split(10, 4);
        Assert.That(split.Shards, Is.EqualTo(new[] { new StructureRange(0, 4), new StructureRange(4, 4), new StructureRange(8, 2) }));
        var byAtoms = ShardPlan.ByAtoms([5, 5, 5, 20, 1], 10);
        Assert.That(byAtoms.Shards, Is.EqualTo(new[] { new StructureRange(0, 2), new StructureRange(2, 2), new StructureRange(4, 1) }));
        Assert.That(() => ShardPlan.FromRanges([new StructureRange(0, 2), new StructureRange(3, 1)]),
            Throws.ArgumentException.With.Message.Contains("shard 1").And.Message.Contains("start at structure 2"));
        Assert.That(() => Start().Shards(ShardPlan.Split(9, 3)).Run(Data), Throws.ArgumentException.With.Message.Contains("covers 9"));
    }

    [Test]
    public void Normal_equations_restored_from_their_sums_are_the_same_bits()
    {
        var normal = Start().AssembleNormalEquations(Data);
        var restored = NormalEquations.FromSums(normal.Columns, normal.Gram, normal.ProjectedTargets, normal.TargetSquaredNorm, normal.RowCount);
        AssertSameBits(restored, normal, "restored");
        Assert.That(() => NormalEquations.FromSums(normal.Columns, normal.ProjectedTargets, normal.ProjectedTargets, 0, 0),
            Throws.ArgumentException.With.Message.Contains("gram"));
    }
}
