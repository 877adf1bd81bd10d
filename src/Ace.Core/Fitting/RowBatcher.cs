using System.Collections.Concurrent;
using System.Globalization;
using Ace.Core.Sites;
using Ace.Core.Solvers;

namespace Ace.Core.Fitting;

/// <summary>
/// Streams the rows of consecutive structures into normal equations in batches, so that each rank-k update of the
/// P x P Gram matrix has k in the hundreds or thousands and runs at the BLAS's arithmetic rate instead of being bound
/// by reading and writing the matrix. The structures are taken in order in windows of at least
/// <see cref="MinimumWindowRows"/> (and at least the batch) rows; the rows of a window are generated in parallel over
/// its structures into one buffer, then added by one update per batch: consecutive whole structures of at most
/// <c>batchRows</c> rows (one structure when it alone has more). Which rows form an update depends only on the
/// order of the structures and the batch size, never on the thread count or timing, so the result is bitwise the same
/// for any number of threads (given a BLAS whose result does not depend on its own thread count, as OpenBLAS's).
/// Memory: the window buffer and the weighted copy the update makes, about 2 x 8 x rows x P bytes.
/// </summary>
internal sealed class RowBatcher
{
    /// <summary>Rows generated in parallel before the updates, whatever the batch size (about 18 structures of 18 atoms).</summary>
    public const int MinimumWindowRows = 1024;

    /// <summary>The batch memory the default batch size aims at: 64 MiB of rows.</summary>
    public const long DefaultBatchBytes = 64L << 20;

    /// <summary>The bounds of the default batch size.</summary>
    public const int SmallestDefaultBatchRows = 512, LargestDefaultBatchRows = 4096;

    private readonly BasisGeometry _geometry;
    private readonly FitSettings _settings;
    private readonly int _columns;
    private readonly int _batchRows;
    private readonly ConcurrentBag<StructureRowWriter> _writers = [];
    private double[] _rows = [];
    private double[] _targets = [];
    private double[] _weights = [];

    public RowBatcher(BasisGeometry geometry, FitSettings settings)
    {
        _geometry = geometry;
        _settings = settings;
        _columns = geometry.Basis.FunctionCount;
        _batchRows = settings.BatchRows ?? DefaultBatchRows(_columns);
    }

    /// <summary>
    /// The default batch size for <paramref name="columns"/> functions: as many rows as fit in
    /// <see cref="DefaultBatchBytes"/>, between <see cref="SmallestDefaultBatchRows"/> and
    /// <see cref="LargestDefaultBatchRows"/> (2,998 rows for 2,798 functions).
    /// </summary>
    public static int DefaultBatchRows(int columns) =>
        (int)Math.Clamp(DefaultBatchBytes / (8L * columns), SmallestDefaultBatchRows, LargestDefaultBatchRows);

    /// <summary>The rows of every structure of <paramref name="subset"/>, in order, into <paramref name="accumulator"/>.</summary>
    /// <param name="subset">The structures.</param>
    /// <param name="accumulator">The normal equations to add to.</param>
    /// <param name="options">The parallelism of the row generation.</param>
    /// <param name="report">Called after each structure's rows are written (from worker threads).</param>
    public void Stream(IReadOnlyList<StructurePlan> subset, NormalEquations accumulator, ParallelOptions options, Action<StructurePlan> report)
    {
        int windowRows = Math.Max(_batchRows, MinimumWindowRows);
        int start = 0;
        while (start < subset.Count)
        {
            int end = start + 1;
            long rows = subset[start].RowCount;
            while (end < subset.Count && rows + subset[end].RowCount <= windowRows)
            {
                rows += subset[end].RowCount;
                end++;
            }
            Fill(subset, start, end, (int)rows, options, report);
            Update(subset, start, end, accumulator);
            start = end;
        }
    }

    /// <summary>Writes the rows of structures [start, end) into the buffer, in parallel, each at its place in order.</summary>
    private void Fill(IReadOnlyList<StructurePlan> subset, int start, int end, int rows, ParallelOptions options, Action<StructurePlan> report)
    {
        if (_targets.Length < rows)
        {
            _rows = new double[(long)rows * _columns];
            _targets = new double[rows];
            _weights = new double[rows];
        }
        var offsets = new int[end - start];
        for (int s = start + 1; s < end; s++)
        {
            offsets[s - start] = offsets[s - start - 1] + subset[s - 1].RowCount;
        }
        ParallelLoop.Run(() => Parallel.For(start, end, options, Rent, (s, _, writer) =>
        {
            var plan = subset[s];
            writer.Write(plan);
            if (writer.RowCount != plan.RowCount)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"structure {plan.Index} wrote {writer.RowCount} rows but its plan has {plan.RowCount}; this is a bug in Ace.Core"));
            }
            int offset = offsets[s - start];
            writer.Block.CopyTo(_rows.AsSpan(offset * _columns));
            writer.Targets.CopyTo(_targets.AsSpan(offset));
            writer.Weights.CopyTo(_weights.AsSpan(offset));
            report(plan);
            return writer;
        }, _writers.Add));
    }

    /// <summary>Adds the buffered rows of structures [start, end) in batches of at most the batch size.</summary>
    private void Update(IReadOnlyList<StructurePlan> subset, int start, int end, NormalEquations accumulator)
    {
        int first = 0; // the first buffered row of the batch
        int s = start;
        while (s < end)
        {
            int rows = subset[s].RowCount;
            s++;
            while (s < end && rows + subset[s].RowCount <= _batchRows)
            {
                rows += subset[s].RowCount;
                s++;
            }
            accumulator.Add(rows, _rows.AsSpan(first * _columns, rows * _columns), _targets.AsSpan(first, rows), _weights.AsSpan(first, rows));
            first += rows;
        }
    }

    private StructureRowWriter Rent() => _writers.TryTake(out var writer) ? writer : new StructureRowWriter(_geometry, _settings);
}
