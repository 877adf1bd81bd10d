namespace Ace.Core.Cluster;

/// <summary>Progress of a cluster assembly, reported after every poll of the workers and with every event.</summary>
/// <param name="ShardsDone">Shards assembled (merged or waiting for an earlier shard).</param>
/// <param name="ShardsMerged">Shards merged, in shard order (what a checkpoint holds).</param>
/// <param name="ShardCount">All shards.</param>
/// <param name="AtomsDone">Atoms in the shards done.</param>
/// <param name="AtomCount">All atoms.</param>
/// <param name="Elapsed">Time since the assembly started (this run).</param>
/// <param name="EstimatedRemaining">Time left at this run's rate so far (null before the first shard finishes).</param>
/// <param name="Workers">Each worker's throughput.</param>
/// <param name="Running">The shards being assembled and the silo each was sent to.</param>
/// <param name="Event">What just happened, when something did (a resume, a lost or stalled worker, a checkpoint), else null.</param>
public sealed record ClusterProgress(
    int ShardsDone,
    int ShardsMerged,
    int ShardCount,
    long AtomsDone,
    long AtomCount,
    TimeSpan Elapsed,
    TimeSpan? EstimatedRemaining,
    IReadOnlyList<WorkerRate> Workers,
    IReadOnlyDictionary<int, string> Running,
    string? Event);
