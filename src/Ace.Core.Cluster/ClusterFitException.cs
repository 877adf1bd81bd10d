namespace Ace.Core.Cluster;

/// <summary>
/// A cluster assembly failed: bad data in a shard (the message names the file and frame), or a shard that failed on
/// every worker it was tried on. The shards merged before the failure are in the checkpoint (<see cref="CheckpointPath"/>),
/// so a run after the fix resumes from them.
/// </summary>
public sealed class ClusterFitException : Exception
{
    /// <summary>A failure with the checkpoint that keeps the merged work (null when none was configured).</summary>
    public ClusterFitException(string message, string? checkpointPath, int shardsMerged, Exception? innerException = null)
        : base(message, innerException)
    {
        CheckpointPath = checkpointPath;
        ShardsMerged = shardsMerged;
    }

    /// <summary>A failure without details.</summary>
    public ClusterFitException()
        : this("the cluster assembly failed", null, 0)
    {
    }

    /// <summary>A failure without checkpoint.</summary>
    public ClusterFitException(string message)
        : this(message, null, 0)
    {
    }

    /// <summary>A failure without checkpoint.</summary>
    public ClusterFitException(string message, Exception innerException)
        : this(message, null, 0, innerException)
    {
    }

    /// <summary>The checkpoint holding the shards merged before the failure, or null.</summary>
    public string? CheckpointPath { get; }

    /// <summary>The shards merged (and checkpointed) before the failure.</summary>
    public int ShardsMerged { get; }
}
