using System.Diagnostics;
using System.Globalization;
using Ace.Core.Fitting;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace Ace.Core.Cluster;

/// <summary>
/// The coordinator of a cluster assembly: hands the shards of a <see cref="ClusterJob"/> to the worker silos (at most
/// <see cref="ClusterRunOptions.ShardsPerWorker"/> each, lowest shard first), fetches each result in chunks, merges
/// results strictly in shard order (so the bits equal a local fit with <see cref="FitBuilder.Shards"/>(job.Plan)),
/// checkpoints the merged sums, and re-assigns the shards of workers that are lost or stall. Bad data in a shard stops
/// the run with a <see cref="ClusterFitException"/> naming the file and frame, after checkpointing what was merged.
/// </summary>
public sealed class ClusterAssembler
{
    private readonly IGrainFactory _grains;
    private readonly ClusterJob _job;
    private readonly ClusterRunOptions _options;

    /// <summary>A coordinator of <paramref name="job"/> over the cluster that <paramref name="grains"/> (a connected client) reaches.</summary>
    public ClusterAssembler(IGrainFactory grains, ClusterJob job, ClusterRunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(job);
        _grains = grains;
        _job = job;
        _options = options ?? new ClusterRunOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.ChunkBytes, 1024, "ChunkBytes");
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxAttempts, 1, "MaxAttempts");
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.ShardsPerWorker, 1, "ShardsPerWorker");
    }

    /// <summary>The checkpoint file of an assembly with <paramref name="folds"/> folds, or null without a checkpoint directory.</summary>
    public string? CheckpointPath(int folds) => _options.CheckpointDirectory is { } d ? Checkpoint.PathOf(d, _job, folds) : null;

    /// <summary>
    /// Assembles the normal equations of the whole training set split into <paramref name="folds"/> folds (use
    /// <see cref="FitBuilder.RunFolds"/> for <see cref="FitBuilder.Solve"/>, the cross-validation folds for
    /// <see cref="FitBuilder.CrossValidate(PartialNormalEquations, IReadOnlyList{Atoms.Structure})"/>), resuming from
    /// the checkpoint when one of this job is present.
    /// </summary>
    /// <exception cref="ClusterFitException">A shard has bad data (file and frame named) or failed on every attempt; no worker is up.</exception>
    public async Task<PartialNormalEquations> AssembleAsync(int folds = 1, IProgress<ClusterProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 1);
        var run = new Run(this, folds, progress);
        return await run.ExecuteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One assembly's mutable state.</summary>
    private sealed class Run(ClusterAssembler owner, int folds, IProgress<ClusterProgress>? progress)
    {
        private readonly ClusterJob _job = owner._job;
        private readonly ClusterRunOptions _options = owner._options;
        private readonly IGrainFactory _grains = owner._grains;
        private readonly string? _checkpoint = owner.CheckpointPath(folds);
        private readonly string _label = Checkpoint.Label(owner._job, folds);
        private readonly SortedSet<int> _queue = [];
        private readonly Dictionary<int, Assignment> _running = [];
        private readonly Dictionary<int, PartialNormalEquations> _waiting = [];
        private readonly int[] _attempts = new int[owner._job.Shards.Count];
        private readonly Dictionary<string, WorkerTally> _workers = new(StringComparer.Ordinal);
        private readonly Dictionary<SiloAddress, TimeSpan> _unreachableUntil = [];
        private HashSet<SiloAddress>? _known;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private PartialNormalEquations? _merged;
        private int _next; // the next shard to merge
        private int _doneThisRun;
        private long _atomsThisRun;
        private long _atomsDone;
        private TimeSpan _lastCheckpoint;
        private int _checkpointed;

        private int ShardCount => _job.Shards.Count;

        public async Task<PartialNormalEquations> ExecuteAsync(CancellationToken cancellationToken)
        {
            Resume();
            for (int s = _next; s < ShardCount; s++)
            {
                _queue.Add(s);
            }
            while (_next < ShardCount)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var silos = await ActiveWorkers().ConfigureAwait(false);
                await AssignAsync(silos).ConfigureAwait(false);
                Report(null);
                await PollAsync().ConfigureAwait(false);
                Merge();
                if (_checkpoint is not null && _checkpointed < _next && _clock.Elapsed - _lastCheckpoint >= _options.CheckpointInterval)
                {
                    WriteCheckpoint();
                }
                Report(null);
                if (_next < ShardCount)
                {
                    await Task.Delay(_options.PollInterval, cancellationToken).ConfigureAwait(false);
                }
            }
            if (_checkpoint is not null && _checkpointed < _next)
            {
                WriteCheckpoint();
            }
            return _merged!;
        }

        private void Resume()
        {
            if (_checkpoint is null || Checkpoint.Read(_checkpoint, _label) is not { } saved)
            {
                return;
            }
            _merged = saved.Merged;
            _next = _checkpointed = saved.ShardsMerged;
            _atomsDone = saved.Merged.AtomCount;
            Report(string.Create(CultureInfo.InvariantCulture, $"resumed from {_checkpoint}: {_next} of {ShardCount} shards already merged"));
        }

        private async Task<List<SiloAddress>> ActiveWorkers()
        {
            var hosts = await _grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(_options.CallTimeout).ConfigureAwait(false);
            var silos = hosts.Keys.OrderBy(s => s.ToString(), StringComparer.Ordinal).ToList();
            if (silos.Count == 0)
            {
                Fail("no worker silo is active in the cluster", null);
            }
            if (_known is not null)
            {
                foreach (var gone in _known.Where(s => !hosts.ContainsKey(s)).ToList())
                {
                    int lost = _running.Values.Count(a => a.Silo.Equals(gone));
                    Report(string.Create(CultureInfo.InvariantCulture, $"worker {gone} left the cluster ({lost} running shards re-assigned as their polls fail)"));
                }
                foreach (var joined in silos.Where(s => !_known.Contains(s)))
                {
                    Report($"worker {joined} joined the cluster");
                }
            }
            _known = [.. silos];
            return silos;
        }

        private async Task AssignAsync(List<SiloAddress> silos)
        {
            int lookahead = Math.Max(1, _options.LookaheadPerWorker * silos.Count * _options.ShardsPerWorker);
            foreach (var silo in silos)
            {
                if (_unreachableUntil.TryGetValue(silo, out var until) && _clock.Elapsed < until)
                {
                    continue; // recently unreachable: probably dead, and the membership has not said so yet
                }
                int busy = _running.Values.Count(a => a.Silo.Equals(silo));
                while (busy < _options.ShardsPerWorker && _queue.Count > 0 && _queue.Min < _next + lookahead)
                {
                    int shard = _queue.Min;
                    _queue.Remove(shard);
                    int attempt = ++_attempts[shard];
                    if (attempt > _options.MaxAttempts)
                    {
                        Fail(string.Create(CultureInfo.InvariantCulture, $"{_job.Shards[shard]} failed on {_options.MaxAttempts} attempts; giving up"), null);
                    }
                    var grain = _grains.GetGrain<IShardGrain>(string.Create(CultureInfo.InvariantCulture, $"{_job.Id}/{folds}/{shard}/{attempt}"));
                    var order = new ShardOrder { JobId = _label, Spec = _job.Spec, Shard = _job.Shards[shard], Folds = folds, ChunkBytes = _options.ChunkBytes };
                    var assignment = new Assignment(shard, grain, silo, _clock.Elapsed);
                    _running[shard] = assignment;
                    busy++;
                    try
                    {
                        RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
                        await grain.Start(order).WaitAsync(_options.CallTimeout).ConfigureAwait(false);
                    }
#pragma warning disable CA1031 // any failure to reach a worker means: try the shard elsewhere
                    catch (Exception e)
#pragma warning restore CA1031
                    {
                        _attempts[shard]--; // it never ran: not an attempt
                        _unreachableUntil[silo] = _clock.Elapsed + _options.CallTimeout;
                        Lose(assignment, $"could not start {_job.Shards[shard]} on {silo} ({e.GetType().Name}: {e.Message}); trying other workers");
                        break;
                    }
                    finally
                    {
                        RequestContext.Remove(IPlacementDirector.PlacementHintKey);
                    }
                }
            }
        }

        private async Task PollAsync()
        {
            foreach (var assignment in _running.Values.ToList())
            {
                ShardStatus status;
                try
                {
                    status = await assignment.Grain.Status().WaitAsync(_options.CallTimeout).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // an unreachable worker is a lost worker
                catch (Exception e)
#pragma warning restore CA1031
                {
                    _unreachableUntil[assignment.Silo] = _clock.Elapsed + _options.CallTimeout;
                    Lose(assignment, $"worker {assignment.Worker ?? assignment.Silo.ToString()} lost ({e.GetType().Name}); {_job.Shards[assignment.Shard]} re-assigned");
                    continue;
                }
                switch (status.State)
                {
                    case ShardState.Unknown:
                        // The grain was activated afresh (its silo died and the directory forgot it).
                        Lose(assignment, $"worker {assignment.Worker ?? assignment.Silo.ToString()} lost its work; {_job.Shards[assignment.Shard]} re-assigned");
                        break;
                    case ShardState.Running:
                        assignment.Worker = status.Worker;
                        Tally(status.Worker).Running = (status.AtomsDone, status.ElapsedSeconds);
                        if (status.StructuresDone != assignment.StructuresDone)
                        {
                            assignment.StructuresDone = status.StructuresDone;
                            assignment.LastProgress = _clock.Elapsed;
                        }
                        else if (_clock.Elapsed - assignment.LastProgress > _options.StallTimeout)
                        {
                            _ = Release(assignment.Grain);
                            Lose(assignment, string.Create(CultureInfo.InvariantCulture,
                                $"worker {status.Worker} stalled on {_job.Shards[assignment.Shard]} (no progress for {_options.StallTimeout.TotalSeconds:F0} s); re-assigned"));
                        }
                        break;
                    case ShardState.Failed when status.DataError:
                        Fail($"bad training data: {status.Error}", null);
                        break;
                    case ShardState.Failed:
                        _ = Release(assignment.Grain);
                        Lose(assignment, $"worker {status.Worker} failed on {_job.Shards[assignment.Shard]}: {status.Error}; re-assigned");
                        break;
                    case ShardState.Done:
                        await FetchAsync(assignment, status).ConfigureAwait(false);
                        break;
                }
            }
        }

        private async Task FetchAsync(Assignment assignment, ShardStatus status)
        {
            var source = $"{_job.Shards[assignment.Shard]} from worker {status.Worker}";
            PartialNormalEquations partial;
            try
            {
                var chunks = new List<byte[]>(status.ChunkCount);
                for (int c = 0; c < status.ChunkCount; c++)
                {
                    chunks.Add(await assignment.Grain.Chunk(c).WaitAsync(_options.CallTimeout).ConfigureAwait(false));
                }
                using var stream = ChunkedBytes.Reader(chunks);
                (partial, var label, _) = PartialNormalEquationsFormat.Read(stream, source);
                var expected = _job.Plan.Shards[assignment.Shard];
                if (label != _label || partial.Structures != expected || partial.FoldCount != folds)
                {
                    throw new InvalidDataException($"{source}: holds {partial.Structures} of {label}, expected {expected} of {_label}");
                }
            }
#pragma warning disable CA1031 // a transfer that fails or arrives corrupt is repeated elsewhere
            catch (Exception e)
#pragma warning restore CA1031
            {
                Lose(assignment, $"fetching {source} failed ({e.Message}); re-assigned");
                return;
            }
            _ = Release(assignment.Grain);
            _running.Remove(assignment.Shard);
            _waiting[assignment.Shard] = partial;
            var tally = Tally(status.Worker);
            tally.Shards++;
            tally.Atoms += partial.AtomCount;
            tally.Seconds += status.ElapsedSeconds;
            tally.Running = (0, 0);
            _doneThisRun++;
            _atomsThisRun += partial.AtomCount;
            _atomsDone += partial.AtomCount;
        }

        private void Merge()
        {
            while (_waiting.Remove(_next, out var partial))
            {
                if (_merged is null)
                {
                    _merged = partial;
                }
                else
                {
                    _merged.Append(partial);
                }
                _next++;
            }
        }

        private void WriteCheckpoint()
        {
            Checkpoint.Write(_checkpoint!, _merged!, _label, _next);
            _checkpointed = _next;
            _lastCheckpoint = _clock.Elapsed;
        }

        private void Lose(Assignment assignment, string message)
        {
            _running.Remove(assignment.Shard);
            _queue.Add(assignment.Shard);
            Report(message);
        }

        /// <summary>Checkpoints what was merged and throws.</summary>
        private void Fail(string message, Exception? inner)
        {
            if (_checkpoint is not null && _merged is not null && _checkpointed < _next)
            {
                WriteCheckpoint();
            }
            var kept = _checkpoint is not null && _merged is not null
                ? string.Create(CultureInfo.InvariantCulture, $"; the {_next} shards merged before it are kept in {_checkpoint} (a rerun resumes from them)")
                : string.Empty;
            throw new ClusterFitException(message + kept, _merged is null ? null : _checkpoint, _next, inner);
        }

        private static async Task Release(IShardGrain grain)
        {
            try
            {
                await grain.Release().ConfigureAwait(false);
            }
#pragma warning disable CA1031 // best effort: a lost worker's activation goes with it
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }

        private WorkerTally Tally(string worker)
        {
            if (!_workers.TryGetValue(worker, out var tally))
            {
                tally = new WorkerTally();
                _workers[worker] = tally;
            }
            return tally;
        }

        private void Report(string? message)
        {
            if (progress is null)
            {
                return;
            }
            var elapsed = _clock.Elapsed;
            TimeSpan? eta = null;
            if (_atomsThisRun > 0 && elapsed > TimeSpan.Zero)
            {
                double rate = _atomsThisRun / elapsed.TotalSeconds;
                eta = TimeSpan.FromSeconds((_job.AtomCount - _atomsDone) / rate);
            }
            var workers = _workers.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p =>
            {
                var t = p.Value;
                double seconds = t.Seconds + t.Running.Seconds;
                long atoms = t.Atoms + t.Running.Atoms;
                return new WorkerRate(p.Key, t.Shards, atoms, seconds > 0 ? atoms / seconds : 0);
            }).ToList();
            var running = _running.ToDictionary(p => p.Key, p => p.Value.Silo.ToString());
            progress.Report(new ClusterProgress(_next + _waiting.Count, _next, ShardCount, _atomsDone, _job.AtomCount, elapsed, eta, workers, running, message));
        }
    }

    private sealed class Assignment(int shard, IShardGrain grain, SiloAddress silo, TimeSpan started)
    {
        public int Shard { get; } = shard;

        public IShardGrain Grain { get; } = grain;

        public SiloAddress Silo { get; } = silo;

        public string? Worker { get; set; }

        public int StructuresDone { get; set; } = -1;

        public TimeSpan LastProgress { get; set; } = started;
    }

    private sealed class WorkerTally
    {
        public int Shards { get; set; }

        public long Atoms { get; set; }

        public double Seconds { get; set; }

        public (long Atoms, double Seconds) Running { get; set; }
    }
}
