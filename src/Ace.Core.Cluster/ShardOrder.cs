namespace Ace.Core.Cluster;

/// <summary>What a worker is asked to assemble: one shard of a job, with the job's spec and the folds.</summary>
[GenerateSerializer]
[Immutable]
public sealed record ShardOrder
{
    /// <summary>The job's fingerprint (spec, data and shard plan).</summary>
    [Id(0)]
    public required string JobId { get; init; }

    /// <summary>The assembly settings.</summary>
    [Id(1)]
    public required AssemblySpec Spec { get; init; }

    /// <summary>The shard's data.</summary>
    [Id(2)]
    public required ShardSource Shard { get; init; }

    /// <summary>The folds to split the shard's structures into (1: none).</summary>
    [Id(3)]
    public required int Folds { get; init; }

    /// <summary>The size of the chunks the result is sent in, in bytes.</summary>
    [Id(4)]
    public required int ChunkBytes { get; init; }
}
