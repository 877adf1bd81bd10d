namespace Ace.Core.Cluster;

/// <summary>How the coordinator runs a cluster assembly.</summary>
public sealed record ClusterRunOptions
{
    /// <summary>Where merged partial sums are checkpointed (one file per job and folds); null: no checkpoint, nothing to resume.</summary>
    public string? CheckpointDirectory { get; init; }

    /// <summary>The shortest time between two checkpoints (zero: after every merge; the last merge is always written).</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The size of the chunks results are fetched in (default 4 MiB; Orleans messages have a size limit).</summary>
    public int ChunkBytes { get; init; } = 4 << 20;

    /// <summary>How often the workers are polled.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>A running shard whose structure count does not move for this long is re-assigned (its worker is stalled).</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A call to a worker that takes longer than this counts as a lost worker.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a shard is tried (on different workers when there are several) before the run fails.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>
    /// Shards each worker assembles at once, each on all its threads (default 2, so that a worker never idles while
    /// the coordinator fetches one result and sends the next shard; each costs the worker one accumulator of memory).
    /// </summary>
    public int ShardsPerWorker { get; init; } = 2;

    /// <summary>How far ahead of the merge front shards may be assembled (bounds the memory of results waiting to merge), per worker.</summary>
    public int LookaheadPerWorker { get; init; } = 2;
}
