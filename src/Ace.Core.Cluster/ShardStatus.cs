namespace Ace.Core.Cluster;

/// <summary>A worker's report on one shard.</summary>
[GenerateSerializer]
[Immutable]
public sealed record ShardStatus
{
    /// <summary>Where the assembly stands.</summary>
    [Id(0)]
    public required ShardState State { get; init; }

    /// <summary>The worker (its silo address).</summary>
    [Id(1)]
    public required string Worker { get; init; }

    /// <summary>Structures assembled so far.</summary>
    [Id(2)]
    public int StructuresDone { get; init; }

    /// <summary>Atoms assembled so far.</summary>
    [Id(3)]
    public long AtomsDone { get; init; }

    /// <summary>Seconds since the assembly started (reading the frames included).</summary>
    [Id(4)]
    public double ElapsedSeconds { get; init; }

    /// <summary>When done: the number of chunks of the result.</summary>
    [Id(5)]
    public int ChunkCount { get; init; }

    /// <summary>When done: the result's length in bytes.</summary>
    [Id(6)]
    public long ByteCount { get; init; }

    /// <summary>When failed: what went wrong (file and frame for bad data).</summary>
    [Id(7)]
    public string? Error { get; init; }

    /// <summary>When failed: true when the data is at fault (retrying elsewhere would fail the same way).</summary>
    [Id(8)]
    public bool DataError { get; init; }
}
