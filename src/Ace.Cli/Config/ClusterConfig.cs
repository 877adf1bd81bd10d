using Ace.Core.Cluster;

namespace Ace.Cli.Config;

/// <summary>An `ace worker` / `ace fit --cluster` cluster config (docs/cluster.md), read by <see cref="ClusterConfigReader"/>.</summary>
/// <param name="Network">How the processes find and reach each other.</param>
/// <param name="SharedPath">Where the training data is mounted on every machine (null: paths as the coordinator has them).</param>
/// <param name="CheckpointDirectory">The coordinator's checkpoint folder (null: beside the fit's output).</param>
/// <param name="Threads">A worker's assembly threads (0: all cores).</param>
/// <param name="AtomsPerShard">The atoms of a shard.</param>
/// <param name="StallSeconds">A shard without progress for this long is re-assigned.</param>
/// <param name="ShardsPerWorker">Shards a worker assembles at once.</param>
/// <param name="LookaheadPerWorker">How far ahead of the merge front shards may run, per worker (bounds the coordinator's memory).</param>
internal sealed record ClusterConfig(
    ClusterNetwork Network,
    string? SharedPath,
    string? CheckpointDirectory,
    int Threads,
    long AtomsPerShard,
    double StallSeconds,
    int ShardsPerWorker,
    int LookaheadPerWorker)
{
    /// <summary>The worker options of this config.</summary>
    public WorkerOptions Worker => new() { SharedPath = SharedPath, Threads = Threads > 0 ? Threads : Environment.ProcessorCount };
}
