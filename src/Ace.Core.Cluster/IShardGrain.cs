namespace Ace.Core.Cluster;

/// <summary>
/// One attempt at one shard, on whichever worker silo it is placed (the coordinator hints the silo). The key is
/// "job/shard/attempt". Assembly runs in the background: <see cref="Start"/> returns at once, <see cref="Status"/> is
/// polled, and the result is fetched with <see cref="Chunk"/> (chunks keep each message small).
/// </summary>
public interface IShardGrain : IGrainWithStringKey
{
    /// <summary>Starts assembling <paramref name="order"/> (a second call while it runs is ignored).</summary>
    Task Start(ShardOrder order);

    /// <summary>Where the assembly stands.</summary>
    Task<ShardStatus> Status();

    /// <summary>Chunk <paramref name="index"/> of the assembled result (<see cref="PartialNormalEquationsFormat"/>).</summary>
    Task<byte[]> Chunk(int index);

    /// <summary>Drops the result and lets the activation go.</summary>
    Task Release();
}
