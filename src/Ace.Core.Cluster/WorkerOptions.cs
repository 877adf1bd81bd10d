namespace Ace.Core.Cluster;

/// <summary>A worker silo's own settings.</summary>
public sealed record WorkerOptions
{
    /// <summary>Where the shared training data is mounted on this worker (shard files are relative to it); null: paths as the coordinator sends them.</summary>
    public string? SharedPath { get; init; }

    /// <summary>The threads one shard's assembly uses (default: all cores).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Where the shard's file is on this worker.</summary>
    public string Resolve(string file) => SharedPath is null ? file : Path.Combine(SharedPath, file);
}
