using System.Diagnostics;
using Ace.Core.Atoms;
using Ace.Core.Fitting;
using Orleans.Placement;

namespace Ace.Core.Cluster;

/// <summary>
/// A worker's assembly of one shard: reads the shard's frames from the shared data, assembles their normal equations
/// with <see cref="FitBuilder.AssembleShard"/> (the local assembly of the subset, on all the worker's threads), and
/// keeps the result in chunks for the coordinator to fetch.
/// </summary>
[RandomPlacement] // honours the coordinator's placement hint (the silo it chose)
internal sealed class ShardGrain(WorkerTemplates templates, WorkerOptions options) : Grain, IShardGrain
{
    private readonly Stopwatch _clock = new();
    private Task? _work;
    private ShardOrder? _order;
    private int _structuresDone;
    private long _atomsDone;
    private ChunkedBytes? _result;
    private string? _error;
    private bool _dataError;

    /// <inheritdoc/>
    public Task Start(ShardOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (_work is null)
        {
            _order = order;
            _clock.Start();
            // Off the grain's scheduler: the assembly is long and uses its own threads; Status stays answerable.
            _work = Task.Run(() => Assemble(order));
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<ShardStatus> Status()
    {
        var state = _work is null ? ShardState.Unknown
            : _error is not null ? ShardState.Failed
            : _result is not null ? ShardState.Done
            : ShardState.Running;
        return Task.FromResult(new ShardStatus
        {
            State = state,
            Worker = RuntimeIdentity,
            StructuresDone = Volatile.Read(ref _structuresDone),
            AtomsDone = Interlocked.Read(ref _atomsDone),
            ElapsedSeconds = _clock.Elapsed.TotalSeconds,
            ChunkCount = _result?.ChunkCount ?? 0,
            ByteCount = _result?.Length ?? 0,
            Error = _error,
            DataError = _dataError,
        });
    }

    /// <inheritdoc/>
    public Task<byte[]> Chunk(int index)
    {
        var result = _result ?? throw new InvalidOperationException($"shard {_order?.Shard.Index} has no result (state: {(_error is null ? "running" : "failed")})");
        return Task.FromResult(result.Chunk(index));
    }

    /// <inheritdoc/>
    public Task Release()
    {
        _result = null;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private void Assemble(ShardOrder order)
    {
        try
        {
            var shard = order.Shard;
            var structures = ShardReader.Read(shard, options.Resolve(shard.File), order.Spec.ReadOptions);
            var progress = new Progress(this);
            PartialNormalEquations partial;
            try
            {
                partial = templates.Builder(order.Spec).MaxDegreeOfParallelism(options.Threads).Progress(progress)
                    .AssembleShard(structures, shard.FirstStructure, order.Folds);
            }
            catch (TrainingDataException e)
            {
                int frame = shard.FirstFrame + (e.StructureIndex - shard.FirstStructure);
                throw new ShardDataException(shard.File, frame, e.Message, e);
            }
            var bytes = new ChunkedBytes(order.ChunkBytes);
            using (var writer = bytes.Writer())
            {
                PartialNormalEquationsFormat.Write(writer, partial, order.JobId, 1);
            }
            bytes.Seal();
            _result = bytes;
        }
        catch (ShardDataException e)
        {
            _dataError = true;
            _error = e.Message;
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            _dataError = true;
            _error = $"{order.Shard}: {e.Message}";
        }
#pragma warning disable CA1031 // a worker reports every other failure to the coordinator, which retries elsewhere
        catch (Exception e)
#pragma warning restore CA1031
        {
            _error = $"{order.Shard}: {e.GetType().Name}: {e.Message}";
        }
        finally
        {
            _clock.Stop();
        }
    }

    private sealed class Progress(ShardGrain grain) : IProgress<AssemblyProgress>
    {
        public void Report(AssemblyProgress value)
        {
            Volatile.Write(ref grain._structuresDone, value.StructuresDone);
            Interlocked.Exchange(ref grain._atomsDone, value.AtomsDone);
        }
    }
}
