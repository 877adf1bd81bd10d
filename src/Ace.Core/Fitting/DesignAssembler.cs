using System.Diagnostics;
using System.Globalization;
using Ace.Core.Sites;
using Ace.Core.Solvers;

namespace Ace.Core.Fitting;

/// <summary>
/// Assembles the weighted rows of all structures, in parallel over structures, either into a dense column-major
/// design matrix or into normal equations (blocks of rows added in structure order, so the bits depend neither on the
/// number of threads nor on their timing).
/// </summary>
internal sealed class DesignAssembler(BasisGeometry geometry, FitSettings settings, StructurePlan[] plans)
{
    /// <summary>Rows a worker buffers before a rank-k update of its normal equations.</summary>
    private const int BlockRows = 512;

    private readonly Stopwatch _clock = new();
    private int _structuresDone;
    private long _atomsDone;

    public int StructureCount => plans.Length;

    /// <summary>The structures' plans, in training-set order.</summary>
    public IReadOnlyList<StructurePlan> Plans => plans;

    public long RowCount => plans[^1].RowOffset + plans[^1].RowCount;

    public LeastSquaresProblem Dense()
    {
        int columns = geometry.Basis.FunctionCount;
        long rows = RowCount;
        if (rows * columns > Array.MaxLength || rows > int.MaxValue)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"the dense design matrix would have {rows} x {columns} entries, more than an array holds; assemble normal equations instead (AssemblyMode.NormalEquations)"));
        }
        int r = (int)rows;
        var design = new double[rows * columns];
        var targets = new double[r];
        var weights = new double[r];
        Start();
        ParallelLoop.Run(() => Parallel.For(0, plans.Length, Options(), () => new StructureRowWriter(geometry, settings), (s, _, writer) =>
        {
            var plan = plans[s];
            writer.Write(plan);
            int offset = (int)plan.RowOffset;
            var block = writer.Block;
            for (int row = 0; row < writer.RowCount; row++)
            {
                var source = block.Slice(row * columns, columns);
                for (int c = 0; c < columns; c++)
                {
                    design[offset + row + (long)c * r] = source[c];
                }
            }
            writer.Targets.CopyTo(targets.AsSpan(offset));
            writer.Weights.CopyTo(weights.AsSpan(offset));
            Report(plan);
            return writer;
        }, _ => { }));
        return new LeastSquaresProblem(r, columns, design, targets, weights);
    }

    /// <summary>The normal equations of all structures.</summary>
    public NormalEquations Streamed() => Partial(0, plans.Length, 1).Folds[0];

    /// <summary>
    /// The normal equations of plans <paramref name="firstPlan"/> .. <paramref name="firstPlan"/> + <paramref name="count"/> - 1,
    /// one accumulator per fold (structure s in fold <see cref="CrossValidation.FoldOf"/>(s, <paramref name="folds"/>);
    /// a fold without structures stays empty), each streamed in structure order (<see cref="Accumulate"/>).
    /// </summary>
    public PartialNormalEquations Partial(int firstPlan, int count, int folds)
    {
        if (!_clock.IsRunning)
        {
            Start(); // progress counts over every part this assembler streams
        }
        var members = new List<StructurePlan>[folds];
        for (int f = 0; f < folds; f++)
        {
            members[f] = [];
        }
        long atoms = 0;
        for (int p = firstPlan; p < firstPlan + count; p++)
        {
            members[CrossValidation.FoldOf(plans[p].Index, folds)].Add(plans[p]);
            atoms += plans[p].Structure.AtomCount;
        }
        var result = new NormalEquations[folds];
        for (int f = 0; f < folds; f++)
        {
            result[f] = Accumulate(members[f]);
        }
        return new PartialNormalEquations(new StructureRange(plans[firstPlan].Index, count), atoms, result);
    }

    /// <summary>
    /// Streams the rows of <paramref name="subset"/> into one accumulator. The structures are cut into blocks of at
    /// most <see cref="BlockRows"/> rows by their row counts alone; threads evaluate blocks in parallel, and each block
    /// updates the accumulator in block order, so the bits do not depend on the number of threads (or on the machine's
    /// timing), and memory holds one accumulator however many threads run.
    /// </summary>
    private NormalEquations Accumulate(IReadOnlyList<StructurePlan> subset)
    {
        int columns = geometry.Basis.FunctionCount;
        var accumulator = new NormalEquations(columns);
        var bounds = Blocks(subset);
        int blocks = bounds.Count - 1;
        if (blocks == 0)
        {
            return accumulator;
        }
        int threads = Math.Max(1, Math.Min(settings.MaxDegreeOfParallelism, blocks));
        int claimed = -1;
        int turn = 0;
        bool failed = false;
        var gate = new object();
        ParallelLoop.Run(() => Parallel.For(0, threads, Options(), _ =>
        {
            var writer = new StructureRowWriter(geometry, settings);
            var buffer = new RowBuffer(columns);
            try
            {
                for (int b = Interlocked.Increment(ref claimed); b < blocks; b = Interlocked.Increment(ref claimed))
                {
                    for (int s = bounds[b]; s < bounds[b + 1]; s++)
                    {
                        writer.Write(subset[s]);
                        buffer.Append(writer);
                        Report(subset[s]);
                    }
                    lock (gate)
                    {
                        while (turn != b && !failed)
                        {
                            Monitor.Wait(gate);
                        }
                        if (failed)
                        {
                            return;
                        }
                    }
                    // Only the thread whose turn it is gets here, so the accumulator sees blocks in order.
                    buffer.FlushInto(accumulator);
                    lock (gate)
                    {
                        turn++;
                        Monitor.PulseAll(gate);
                    }
                }
            }
            catch
            {
                lock (gate)
                {
                    failed = true;
                    Monitor.PulseAll(gate);
                }
                throw;
            }
        }));
        return accumulator;
    }

    /// <summary>Block boundaries over <paramref name="subset"/>: consecutive structures with at most <see cref="BlockRows"/> rows (a larger structure alone).</summary>
    private static List<int> Blocks(IReadOnlyList<StructurePlan> subset)
    {
        var bounds = new List<int> { 0 };
        int rows = 0;
        for (int s = 0; s < subset.Count; s++)
        {
            if (rows > 0 && rows + subset[s].RowCount > BlockRows)
            {
                bounds.Add(s);
                rows = 0;
            }
            rows += subset[s].RowCount;
        }
        if (subset.Count > 0)
        {
            bounds.Add(subset.Count);
        }
        return bounds;
    }

    private ParallelOptions Options() => new() { MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism };

    private void Start()
    {
        _structuresDone = 0;
        _atomsDone = 0;
        _clock.Restart();
    }

    private void Report(StructurePlan plan)
    {
        int done = Interlocked.Increment(ref _structuresDone);
        long atoms = Interlocked.Add(ref _atomsDone, plan.Structure.AtomCount);
        settings.Progress?.Report(new AssemblyProgress(done, plans.Length, atoms, _clock.Elapsed));
    }

    /// <summary>Rows collected from several structures before one update of the normal equations.</summary>
    private sealed class RowBuffer(int columns)
    {
        private double[] _rows = new double[BlockRows * columns];
        private double[] _targets = new double[BlockRows];
        private double[] _weights = new double[BlockRows];

        public int Count { get; private set; }

        public void Append(StructureRowWriter writer)
        {
            int needed = Count + writer.RowCount;
            if (needed > _targets.Length)
            {
                Array.Resize(ref _rows, needed * columns);
                Array.Resize(ref _targets, needed);
                Array.Resize(ref _weights, needed);
            }
            writer.Block.CopyTo(_rows.AsSpan(Count * columns));
            writer.Targets.CopyTo(_targets.AsSpan(Count));
            writer.Weights.CopyTo(_weights.AsSpan(Count));
            Count = needed;
        }

        public void FlushInto(NormalEquations accumulator)
        {
            if (Count > 0)
            {
                accumulator.Add(Count, _rows.AsSpan(0, Count * columns), _targets.AsSpan(0, Count), _weights.AsSpan(0, Count));
                Count = 0;
            }
        }
    }
}
