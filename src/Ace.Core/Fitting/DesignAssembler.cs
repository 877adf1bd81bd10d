using System.Diagnostics;
using System.Globalization;
using Ace.Core.Sites;
using Ace.Core.Solvers;

namespace Ace.Core.Fitting;

/// <summary>
/// Assembles the weighted rows of all structures, in parallel over structures, either into a dense column-major
/// design matrix or into normal-equations accumulators (one per worker, merged in a fixed order so the result does
/// not depend on thread timing).
/// </summary>
internal sealed class DesignAssembler(BasisGeometry geometry, FitSettings settings, StructurePlan[] plans)
{
    /// <summary>Rows a worker buffers before a rank-k update of its normal equations.</summary>
    private const int BlockRows = 512;

    private readonly Stopwatch _clock = new();
    private int _structuresDone;
    private long _atomsDone;

    public int StructureCount => plans.Length;

    /// <summary>The assembly settings.</summary>
    public FitSettings Settings => settings;

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
    public NormalEquations Streamed()
    {
        Start();
        return Accumulate(plans);
    }

    /// <summary>
    /// The normal equations of each group of structures, in one pass over the data: entry g holds the structures whose
    /// plan index i has <paramref name="groupOf"/>(i) == g. Every group must be non-empty.
    /// </summary>
    public NormalEquations[] StreamedGroups(int groups, Func<int, int> groupOf)
    {
        var members = new List<StructurePlan>[groups];
        for (int g = 0; g < groups; g++)
        {
            members[g] = [];
        }
        foreach (var plan in plans)
        {
            members[groupOf(plan.Index)].Add(plan);
        }
        Start();
        var result = new NormalEquations[groups];
        for (int g = 0; g < groups; g++)
        {
            result[g] = Accumulate(members[g]);
        }
        return result;
    }

    /// <summary>Streams the rows of <paramref name="subset"/> into one accumulator (parallel, merged in a fixed order).</summary>
    private NormalEquations Accumulate(IReadOnlyList<StructurePlan> subset)
    {
        int columns = geometry.Basis.FunctionCount;
        int workers = Math.Max(1, Math.Min(settings.MaxDegreeOfParallelism, subset.Count));
        var bounds = Partition(subset, workers);
        var partial = new NormalEquations[workers];
        ParallelLoop.Run(() => Parallel.For(0, workers, Options(), w =>
        {
            var writer = new StructureRowWriter(geometry, settings);
            var accumulator = new NormalEquations(columns);
            var buffer = new RowBuffer(columns);
            for (int s = bounds[w]; s < bounds[w + 1]; s++)
            {
                writer.Write(subset[s]);
                if (buffer.Count + writer.RowCount > BlockRows)
                {
                    buffer.FlushInto(accumulator);
                }
                buffer.Append(writer);
                Report(subset[s]);
            }
            buffer.FlushInto(accumulator);
            partial[w] = accumulator;
        }));
        var result = partial[0];
        for (int w = 1; w < workers; w++)
        {
            result.Merge(partial[w]);
        }
        return result;
    }

    /// <summary>Contiguous ranges of <paramref name="subset"/> with about equal numbers of rows.</summary>
    private static int[] Partition(IReadOnlyList<StructurePlan> subset, int workers)
    {
        var bounds = new int[workers + 1];
        long total = 0;
        foreach (var plan in subset)
        {
            total += plan.RowCount;
        }
        int s = 0;
        long before = 0; // rows of subset[0 .. s)
        for (int w = 1; w < workers; w++)
        {
            long target = total * w / workers;
            while (s < subset.Count && before < target)
            {
                before += subset[s].RowCount;
                s++;
            }
            bounds[w] = Math.Max(s, bounds[w - 1]);
        }
        bounds[workers] = subset.Count;
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
