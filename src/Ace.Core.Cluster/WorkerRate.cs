namespace Ace.Core.Cluster;

/// <summary>A worker's throughput so far in a cluster assembly.</summary>
/// <param name="Worker">The worker (its silo address).</param>
/// <param name="ShardsDone">Shards it has assembled.</param>
/// <param name="AtomsDone">Atoms it has assembled (finished shards and the running one).</param>
/// <param name="AtomsPerSecond">Its rate: atoms over the seconds its shards took.</param>
public sealed record WorkerRate(string Worker, int ShardsDone, long AtomsDone, double AtomsPerSecond);
