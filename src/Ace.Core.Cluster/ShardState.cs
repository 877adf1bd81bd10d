namespace Ace.Core.Cluster;

/// <summary>Where a shard's assembly on a worker stands.</summary>
public enum ShardState
{
    /// <summary>The worker has no such assembly (never started, or its silo was lost and the grain re-activated empty).</summary>
    Unknown,

    /// <summary>Assembling.</summary>
    Running,

    /// <summary>Assembled; the result waits in chunks.</summary>
    Done,

    /// <summary>Failed; see <see cref="ShardStatus.Error"/>.</summary>
    Failed,
}
