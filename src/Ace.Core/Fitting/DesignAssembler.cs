using System.Diagnostics;
using System.Globalization;
using Ace.Core.Sites;
using Ace.Core.Solvers;

namespace Ace.Core.Fitting;

/// <summary>
/// Assembles the weighted rows of all structures, in parallel over structures, either into a dense column-major
/// design matrix or into normal equations (rows generated in parallel and added in batches of consecutive structures,
/// <see cref="RowBatcher"/>, so the result does not depend on the thread count or timing).
/// </summary>
internal sealed class DesignAssembler(BasisGeometry geometry, FitSettings settings, StructurePlan[] plans)
{
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
    public NormalEquations Streamed()
    {
        Start();
        return Accumulate(plans, new RowBatcher(geometry, settings));
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
        var batcher = new RowBatcher(geometry, settings);
        var result = new NormalEquations[groups];
        for (int g = 0; g < groups; g++)
        {
            result[g] = Accumulate(members[g], batcher);
        }
        return result;
    }

    /// <summary>Streams the rows of <paramref name="subset"/> into one accumulator, in batches (see <see cref="RowBatcher"/>).</summary>
    private NormalEquations Accumulate(IReadOnlyList<StructurePlan> subset, RowBatcher batcher)
    {
        var result = new NormalEquations(geometry.Basis.FunctionCount);
        batcher.Stream(subset, result, Options(), Report);
        return result;
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
}
