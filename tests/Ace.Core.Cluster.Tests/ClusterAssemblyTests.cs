using Ace.Core.Atoms;
using Ace.Core.Fitting;
using Orleans.TestingHost;

namespace Ace.Core.Cluster.Tests;

/// <summary>The acceptance of issue 18 on Orleans' in-process test cluster of three silos.</summary>
[NonParallelizable]
public sealed class ClusterAssemblyTests
{
    private TestCluster _cluster = null!;
    private ClusterData _data = null!;

    private static readonly ClusterRunOptions Fast = new()
    {
        PollInterval = TimeSpan.FromMilliseconds(20),
        CallTimeout = TimeSpan.FromSeconds(5),
        ChunkBytes = 8 << 10, // several chunks per result even for this small basis
        CheckpointInterval = TimeSpan.Zero,
    };

    [OneTimeSetUp]
    public async Task StartCluster()
    {
        _data = new ClusterData();
        var builder = new TestClusterBuilder(3);
        builder.AddSiloBuilderConfigurator<WorkerConfigurator>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    [OneTimeTearDown]
    public async Task StopCluster()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        _data.Dispose();
    }

    private ClusterJob Job(long atomsPerShard = 30) => ClusterJob.Create(ClusterData.Spec, _data.Files, atomsPerShard);

    private static FitResult Local(ClusterJob job, IReadOnlyList<Structure> structures) =>
        ClusterData.Spec.Builder().Shards(job.Plan).MaxDegreeOfParallelism(2).Run(structures);

    [Test]
    public async Task The_distributed_assembly_equals_the_local_one_bitwise()
    {
        var job = Job();
        Assert.That(job.Shards.Count, Is.GreaterThan(5));
        Assert.That(job.Shards.Select(s => s.File).Distinct().Count(), Is.EqualTo(2), "shards by file and frame range");
        var events = new List<ClusterProgress>();
        var assembled = await new ClusterAssembler(_cluster.Client, job, Fast).AssembleAsync(1, new SyncProgress(events.Add));
        var structures = _data.ReadBack();
        var distributed = ClusterData.Spec.Builder().Solve(assembled, structures);
        var local = Local(job, structures);
        Assert.That(distributed.Potential.Coefficients.ToArray(), Is.EqualTo(local.Potential.Coefficients.ToArray()).AsCollection);
        Assert.That(assembled.Structures, Is.EqualTo(new StructureRange(0, structures.Count)));
        var last = events[^1];
        Assert.That(last.ShardsMerged, Is.EqualTo(job.Shards.Count));
        Assert.That(last.AtomsDone, Is.EqualTo(structures.Sum(s => (long)s.AtomCount)));
        Assert.That(last.Workers.Count, Is.EqualTo(3), "every silo took shards");
        Assert.That(last.Workers.All(w => w.AtomsPerSecond > 0 && w.ShardsDone > 0));
        Assert.That(events.Any(e => e.EstimatedRemaining is not null));
    }

    [Test]
    public async Task Cross_validation_folds_assembled_on_the_cluster_equal_the_local_ones()
    {
        var job = Job(atomsPerShard: 60);
        var structures = _data.ReadBack();
        var fit = ClusterData.Spec.Builder().RidgeByCrossValidation(folds: 3).Shards(job.Plan);
        var assembler = new ClusterAssembler(_cluster.Client, job, Fast);
        var ridge = fit.Solve(await assembler.AssembleAsync(fit.RunFolds), structures);
        Assert.That(ridge.Potential.Coefficients.ToArray(), Is.EqualTo(fit.Run(structures).Potential.Coefficients.ToArray()).AsCollection);
        var cv = fit.CrossValidate(await assembler.AssembleAsync(4), structures);
        var localCv = fit.CrossValidate(structures, 4);
        Assert.That(cv.Errors.ToString(), Is.EqualTo(localCv.Errors.ToString()));
    }

    [Test]
    public async Task Killing_a_silo_mid_run_still_gives_the_same_result()
    {
        await using var scratch = new KillableCluster();
        await scratch.Cluster.DeployAsync();
        var job = Job(atomsPerShard: 12);
        var events = new List<string>();
        bool killed = false;
        var victim = scratch.Cluster.SecondarySilos[0];
        var progress = new SyncProgress(p =>
        {
            if (p.Event is { } e)
            {
                events.Add(e);
            }
            // Kill a worker in the middle of a shard, once some shards are done.
            if (!killed && p.ShardsDone >= 2 && p.Running.Values.Contains(victim.SiloAddress.ToString()))
            {
                killed = true;
                scratch.Cluster.KillSiloAsync(scratch.Cluster.SecondarySilos[0]).GetAwaiter().GetResult();
            }
        });
        var assembled = await new ClusterAssembler(scratch.Cluster.Client, job, Fast).AssembleAsync(1, progress);
        Assert.That(killed, Is.True);
        foreach (var e in events)
        {
            TestContext.Out.WriteLine(e);
        }
        var structures = _data.ReadBack();
        var distributed = ClusterData.Spec.Builder().Solve(assembled, structures);
        Assert.That(distributed.Potential.Coefficients.ToArray(), Is.EqualTo(Local(job, structures).Potential.Coefficients.ToArray()).AsCollection);
        Assert.That(events, Has.Some.Contains("re-assigned").And.Some.Contains(victim.SiloAddress.ToString()), "the loss was reported");
    }

    [Test]
    public async Task A_corrupt_frame_fails_the_run_naming_file_and_frame_and_keeps_the_merged_work()
    {
        using var data = new ClusterData(clusters: 24, cells: 0);
        // Corrupt a position in frame 9 of the second file (a late shard, so earlier shards merge first).
        var lines = File.ReadAllLines(data.Files[1]).ToList();
        int frameStart = 0;
        for (int f = 0; f < 9; f++)
        {
            frameStart += int.Parse(lines[frameStart], System.Globalization.CultureInfo.InvariantCulture) + 2;
        }
        var atomLine = lines[frameStart + 2].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        atomLine[1] = "1.2.3";
        lines[frameStart + 2] = string.Join(' ', atomLine);
        File.WriteAllLines(data.Files[1], lines);
        var checkpoints = Path.Combine(data.Directory, "checkpoints");
        var job = ClusterJob.Create(ClusterData.Spec, data.Files, 10);
        var options = Fast with { CheckpointDirectory = checkpoints, ShardsPerWorker = 1, LookaheadPerWorker = 1 };
        var e = Assert.ThrowsAsync<ClusterFitException>(() => new ClusterAssembler(_cluster.Client, job, options).AssembleAsync(1))!;
        Assert.That(e.Message, Does.Contain("part2.xyz").And.Contain("frame 9").And.Contain($"line {frameStart + 3}"));
        Assert.That(e.ShardsMerged, Is.GreaterThan(0), "work merged before the bad shard");
        Assert.That(e.CheckpointPath, Is.Not.Null.And.Property(nameof(string.Length)).GreaterThan(0));
        Assert.That(File.Exists(e.CheckpointPath), Is.True, "the merged work is checkpointed");
        Assert.That(e.Message, Does.Contain(e.CheckpointPath!));
    }

    [Test]
    public async Task A_restarted_coordinator_resumes_from_the_checkpoint_and_gives_the_same_bits()
    {
        var checkpoints = Path.Combine(_data.Directory, "resume");
        var job = Job(atomsPerShard: 20);
        var options = Fast with { CheckpointDirectory = checkpoints };
        using (var cancel = new CancellationTokenSource())
        {
            var progress = new SyncProgress(p =>
            {
                if (p.ShardsMerged >= 3)
                {
                    cancel.Cancel(); // the coordinator "dies" after merging a few shards
                }
            });
            Assert.CatchAsync<OperationCanceledException>(() => new ClusterAssembler(_cluster.Client, job, options).AssembleAsync(1, progress, cancel.Token));
        }
        var path = new ClusterAssembler(_cluster.Client, job, options).CheckpointPath(1)!;
        Assert.That(File.Exists(path), Is.True);
        var events = new List<string>();
        var resumed = await new ClusterAssembler(_cluster.Client, job, options).AssembleAsync(1, new SyncProgress(p =>
        {
            if (p.Event is { } e)
            {
                events.Add(e);
            }
        }));
        Assert.That(events, Has.Some.Contains("resumed from"));
        var fresh = await new ClusterAssembler(_cluster.Client, job, Fast).AssembleAsync(1);
        Assert.That(resumed.Folds[0].Gram.ToArray(), Is.EqualTo(fresh.Folds[0].Gram.ToArray()).AsCollection);
        Assert.That(resumed.Folds[0].ProjectedTargets.ToArray(), Is.EqualTo(fresh.Folds[0].ProjectedTargets.ToArray()).AsCollection);
    }

    /// <summary>A progress that reports on the calling thread (Progress&lt;T&gt; posts to the thread pool).</summary>
    private sealed class SyncProgress(Action<ClusterProgress> report) : IProgress<ClusterProgress>
    {
        public void Report(ClusterProgress value) => report(value);
    }

    /// <summary>A cluster of its own for the test that kills a silo.</summary>
    private sealed class KillableCluster : IAsyncDisposable
    {
        public KillableCluster()
        {
            var builder = new TestClusterBuilder(3);
            builder.AddSiloBuilderConfigurator<WorkerConfigurator>();
            Cluster = builder.Build();
        }

        public TestCluster Cluster { get; }

        public async ValueTask DisposeAsync()
        {
            await Cluster.StopAllSilosAsync();
            await Cluster.DisposeAsync();
        }
    }
}
