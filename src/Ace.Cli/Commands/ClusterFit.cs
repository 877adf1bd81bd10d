using System.Globalization;
using Ace.Cli.Config;
using Ace.Core.Cluster;
using Ace.Core.Fitting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace Ace.Cli.Commands;

/// <summary>
/// `ace fit --cluster`: the coordinator's connection to the cluster and the job of the fit's training file, which
/// assembles normal equations on the workers (with a progress line: shards, atoms/s per worker, time left).
/// </summary>
internal sealed class ClusterFit : IDisposable
{
    private readonly IAnsiConsole _console;
    private readonly IHost _client;
    private readonly ClusterAssembler _assembler;
    private readonly ClusterJob _job;

    /// <summary>How long the coordinator tries to reach the workers' gateways.</summary>
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    private ClusterFit(IAnsiConsole console, IHost client, ClusterJob job, ClusterAssembler assembler)
    {
        _console = console;
        _client = client;
        _job = job;
        _assembler = assembler;
    }

    /// <summary>Reads the cluster config, plans the shards of the training file and connects to the workers.</summary>
    public static ClusterFit Open(IAnsiConsole console, string clusterPath, FitConfig config, AssemblySpec spec)
    {
        var cluster = ClusterConfigReader.Read(clusterPath);
        var job = ClusterJob.Create(spec, [config.TrainPath], cluster.AtomsPerShard, cluster.SharedPath);
        var options = new ClusterRunOptions
        {
            CheckpointDirectory = cluster.CheckpointDirectory ?? Path.ChangeExtension(config.OutputPath, null) + "-checkpoints",
            StallTimeout = TimeSpan.FromSeconds(cluster.StallSeconds),
            ShardsPerWorker = cluster.ShardsPerWorker,
            LookaheadPerWorker = cluster.LookaheadPerWorker,
        };
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cluster '{cluster.Network.ClusterId}': {job.Shards.Count} shards of about {cluster.AtomsPerShard} atoms; gateways {string.Join(", ", cluster.Network.GatewayEndpoints.Select(e => e.ToString()))}; checkpoints in {options.CheckpointDirectory}"));
        IHost client;
        try
        {
            client = ClusterHosting.ConnectAsync(cluster.Network).WaitAsync(ConnectTimeout).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ClusterFitException(string.Create(CultureInfo.InvariantCulture,
                $"{clusterPath}: cannot reach the cluster '{cluster.Network.ClusterId}' at {string.Join(", ", cluster.Network.GatewayEndpoints.Select(g => g.ToString()))} within {ConnectTimeout.TotalSeconds:F0} s ({e.GetType().Name}: {e.Message}); is `ace worker --cluster` running with this config, and do the ports, cluster_id and TLS certificate match?"), e);
        }
        var assembler = new ClusterAssembler(client.Services.GetRequiredService<IClusterClient>(), job, options);
        return new ClusterFit(console, client, job, assembler);
    }

    /// <summary>The normal equations of the training set in <paramref name="folds"/> folds, assembled on the workers.</summary>
    public PartialNormalEquations Assemble(int folds)
    {
        PartialNormalEquations? result = null;
        ClusterProgress? last = null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        _console.Progress().Start(ctx =>
        {
            var task = ctx.AddTask(folds == 1 ? "cluster assembly" : $"cluster assembly ({folds} folds)", maxValue: _job.Shards.Count);
            var progress = new LineProgress(p =>
            {
                last = p;
                task.Value = p.ShardsDone;
                var rate = p.Workers.Sum(w => w.AtomsPerSecond);
                var eta = p.EstimatedRemaining is { } e ? e.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "?";
                task.Description = string.Create(CultureInfo.InvariantCulture,
                    $"{p.ShardsDone}/{p.ShardCount} shards, {p.Workers.Count} workers, {rate:F0} atoms/s, {eta} left");
                if (p.Event is { } message)
                {
                    _console.WriteLine(message);
                }
            });
            result = _assembler.AssembleAsync(folds, progress).GetAwaiter().GetResult();
            task.Value = _job.Shards.Count;
        });
        double seconds = clock.Elapsed.TotalSeconds;
        var workers = last?.Workers ?? [];
        _console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"assembled {_job.Shards.Count} shards ({_job.AtomCount} atoms) in {seconds:F1} s: {_job.AtomCount / seconds:F0} atoms/s on {workers.Count} workers ({string.Join(", ", workers.Select(w => $"{w.Worker} {w.ShardsDone} shards at {w.AtomsPerSecond:F0} atoms/s"))})"));
        return result!;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _client.StopAsync().GetAwaiter().GetResult();
        _client.Dispose();
    }

    /// <summary>Reports on the coordinator's thread (its polling loop), in order.</summary>
    private sealed class LineProgress(Action<ClusterProgress> report) : IProgress<ClusterProgress>
    {
        public void Report(ClusterProgress value) => report(value);
    }
}
