using System.Diagnostics;
using System.Globalization;
using Ace.Core.Sites;
using Ace.Core.Solvers;

namespace Ace.Core.Fitting;

/// <summary>
/// Assembles the weighted rows of all structures, in parallel over structures, either into a dense column-major
/// design matrix or into normal equations (rows generated in parallel and added in batches of consecutive structures,
/// <see cref="RowBatcher"/>, so the bits depend neither on the number of threads nor on their timing).
/// </summary>
internal sealed class DesignAssembler(BasisGeometry geometry, FitSettings settings, StructurePlan[] plans)
{
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
    public NormalEquations Streamed() => Partial(0, plans.Length, 1).Folds[0];

    /// <summary>
    /// The normal equations of plans <paramref name="firstPlan"/> .. <paramref name="firstPlan"/> + <paramref name="count"/> - 1,
    /// one accumulator per fold (structure s in fold <see cref="CrossValidation.FoldOf"/>(s, <paramref name="folds"/>);
    /// a fold without structures stays empty), each streamed in structure order in batches (<see cref="RowBatcher"/>).
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
        var batcher = new RowBatcher(geometry, settings);
        var result = new NormalEquations[folds];
        for (int f = 0; f < folds; f++)
        {
            result[f] = new NormalEquations(geometry.Basis.FunctionCount);
            batcher.Stream(members[f], result[f], Options(), Report);
        }
        return new PartialNormalEquations(new StructureRange(plans[firstPlan].Index, count), atoms, result);
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
