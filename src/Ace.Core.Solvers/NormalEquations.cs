using System.Buffers;
using System.Globalization;
using Ace.Core.Solvers.Backends;

namespace Ace.Core.Solvers;

/// <summary>
/// Accumulated weighted normal equations of a least-squares problem: the Gram matrix <c>A^T W^2 A</c>, the projected
/// targets <c>A^T W^2 y</c>, the weighted target norm <c>y^T W^2 y</c> and the row count, where W = diag(w) multiplies
/// each row and target (see <see cref="LeastSquaresProblem"/>). Memory is independent of the number of rows.
/// <para>
/// Thread safety: an instance is not thread-safe. To assemble in parallel (or out of core, or on several machines),
/// give each worker its own accumulator, <see cref="Add(int, ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, ILinearAlgebraBackend?)"/>
/// blocks of rows to it, then <see cref="Merge"/> them into one; the result equals a single accumulator fed every
/// row (up to rounding, since sums are reordered). Merging the same accumulators in the same order gives the same
/// bits, which is what makes a sharded assembly reproducible; <see cref="FromSums"/> restores an accumulator sent
/// between processes or read from a checkpoint. Reading (<see cref="Gram"/>, <see cref="ResidualNorm"/>) from
/// several threads at once is safe while nothing is added.
/// </para>
/// </summary>
public sealed class NormalEquations
{
    private readonly double[] _gram;
    private readonly double[] _projected;

    /// <summary>
    /// True while only the upper triangle of <see cref="_gram"/> is current: each block updates the upper triangle
    /// (a rank-k update, <see cref="ILinearAlgebraBackend.AddGramUpperTriangle"/>), and the lower one is filled when
    /// <see cref="Gram"/> is next read, not after every block (for thousands of columns that copy costs as much
    /// memory traffic as the update itself).
    /// </summary>
    private bool _lowerTriangleStale;

    /// <summary>Creates an empty accumulator for <paramref name="columns"/> coefficients.</summary>
    public NormalEquations(int columns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        Columns = columns;
        _gram = new double[columns * columns];
        _projected = new double[columns];
    }

    /// <summary>
    /// Normal equations from sums accumulated elsewhere (read back from a checkpoint or received from another
    /// process): the arrays are copied, so the result equals, bit for bit, the accumulator they were taken from.
    /// </summary>
    /// <exception cref="ArgumentException">A length does not match <paramref name="columns"/>, or the row count is negative.</exception>
    public static NormalEquations FromSums(int columns, ReadOnlySpan<double> gram, ReadOnlySpan<double> projectedTargets,
        double targetSquaredNorm, long rowCount)
    {
        var result = new NormalEquations(columns);
        if (gram.Length != result._gram.Length)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"gram has {gram.Length} entries but {columns} columns need {result._gram.Length}."), nameof(gram));
        }
        if (projectedTargets.Length != columns)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"projectedTargets has {projectedTargets.Length} entries but there are {columns} columns."), nameof(projectedTargets));
        }
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        gram.CopyTo(result._gram);
        projectedTargets.CopyTo(result._projected);
        result.TargetSquaredNorm = targetSquaredNorm;
        result.RowCount = rowCount;
        return result;
    }

    /// <summary>Builds the normal equations of a whole problem in one shot.</summary>
    public static NormalEquations FromProblem(LeastSquaresProblem problem, ILinearAlgebraBackend? backend = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var result = new NormalEquations(problem.Columns);
        result.Add(problem, backend);
        return result;
    }

    /// <summary>Number of coefficients.</summary>
    public int Columns { get; }

    /// <summary>Number of rows accumulated so far.</summary>
    public long RowCount { get; private set; }

    /// <summary>The symmetric Gram matrix <c>A^T W^2 A</c>, Columns x Columns, column-major, both triangles filled.</summary>
    public ReadOnlySpan<double> Gram
    {
        get
        {
            FillLowerTriangle();
            return _gram;
        }
    }

    /// <summary>The projected targets <c>A^T W^2 y</c>.</summary>
    public ReadOnlySpan<double> ProjectedTargets => _projected;

    /// <summary>The weighted squared target norm <c>y^T W^2 y</c>.</summary>
    public double TargetSquaredNorm { get; private set; }

    /// <summary>
    /// Adds a block of rows given <b>row-major</b> (row r, column j at <c>rows[r * Columns + j]</c>; the natural layout
    /// when each worker writes whole rows).
    /// </summary>
    /// <param name="rowCount">Number of rows in the block.</param>
    /// <param name="rows">The block of the design matrix, row-major, length rowCount * Columns.</param>
    /// <param name="targets">The block's targets, length rowCount.</param>
    /// <param name="weights">The block's row weights, length rowCount; empty means all ones.</param>
    /// <param name="backend">The backend for the rank-k update; null means <see cref="LinearAlgebra.Backend"/>.</param>
    /// <exception cref="ArgumentException">A length does not match, or an entry is not finite.</exception>
    public void Add(int rowCount, ReadOnlySpan<double> rows, ReadOnlySpan<double> targets, ReadOnlySpan<double> weights = default,
        ILinearAlgebraBackend? backend = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        if (rows.Length != rowCount * Columns)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"rows has {rows.Length} entries but rowCount * Columns = {rowCount} * {Columns}."), nameof(rows));
        }
        if (targets.Length != rowCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"targets has {targets.Length} entries but rowCount = {rowCount}."), nameof(targets));
        }
        if (!weights.IsEmpty && weights.Length != rowCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"weights has {weights.Length} entries but rowCount = {rowCount}."), nameof(weights));
        }
        InputValidation.RequireFiniteMatrix(rows, Math.Max(rowCount, 1), MatrixLayout.RowMajor, nameof(rows));
        InputValidation.RequireFinite(targets, nameof(targets));
        InputValidation.RequireWeights(weights, nameof(weights));
        AddBlock(rowCount, rows, MatrixLayout.RowMajor, targets, weights, backend ?? LinearAlgebra.Backend);
    }

    /// <summary>Adds every row of a (column-major) problem, with its weights.</summary>
    public void Add(LeastSquaresProblem block, ILinearAlgebraBackend? backend = null)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (block.Columns != Columns)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"block has {block.Columns} columns but these normal equations have {Columns}."), nameof(block));
        }
        AddBlock(block.Rows, block.Design, MatrixLayout.ColumnMajor, block.Targets, block.Weights,
            backend ?? LinearAlgebra.Backend);
    }

    /// <summary>Adds everything accumulated in <paramref name="other"/> (which is left unchanged).</summary>
    /// <exception cref="ArgumentException">The column counts differ.</exception>
    public void Merge(NormalEquations other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Columns != Columns)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"other has {other.Columns} columns but these normal equations have {Columns}."), nameof(other));
        }
        for (var i = 0; i < _gram.Length; i++)
        {
            _gram[i] += other._gram[i];
        }
        _lowerTriangleStale |= other._lowerTriangleStale;
        for (var i = 0; i < _projected.Length; i++)
        {
            _projected[i] += other._projected[i];
        }
        TargetSquaredNorm += other.TargetSquaredNorm;
        RowCount += other.RowCount;
    }

    /// <summary>
    /// The weighted residual norm <c>||W (y - A c)||</c> from the accumulated sums,
    /// <c>sqrt(y^T W^2 y - 2 c^T A^T W^2 y + c^T A^T W^2 A c)</c> (clamped at zero against rounding).
    /// </summary>
    public double ResidualNorm(ReadOnlySpan<double> coefficients)
    {
        if (coefficients.Length != Columns)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"coefficients has {coefficients.Length} entries but Columns = {Columns}."), nameof(coefficients));
        }
        FillLowerTriangle();
        var quadratic = 0.0;
        var linear = 0.0;
        for (var j = 0; j < Columns; j++)
        {
            var gc = 0.0;
            for (var i = 0; i < Columns; i++)
            {
                gc += _gram[i + j * Columns] * coefficients[i];
            }
            quadratic += coefficients[j] * gc;
            linear += coefficients[j] * _projected[j];
        }
        return Math.Sqrt(Math.Max(0, TargetSquaredNorm - 2 * linear + quadratic));
    }

    /// <summary>Fills the lower triangle if an update left it stale (under a lock, so concurrent readers stay safe).</summary>
    private void FillLowerTriangle()
    {
        if (!Volatile.Read(ref _lowerTriangleStale))
        {
            return;
        }
        lock (_gram)
        {
            if (_lowerTriangleStale)
            {
                SymmetricStorage.FillLowerFromUpper(Columns, _gram);
                Volatile.Write(ref _lowerTriangleStale, false);
            }
        }
    }

    private void AddBlock(int rowCount, ReadOnlySpan<double> a, MatrixLayout layout, ReadOnlySpan<double> targets,
        ReadOnlySpan<double> weights, ILinearAlgebraBackend backend)
    {
        if (rowCount == 0)
        {
            return;
        }
        var n = Columns;
        var weighted = ArrayPool<double>.Shared.Rent(rowCount * n);
        try
        {
            var wa = weighted.AsSpan(0, rowCount * n);
            for (var r = 0; r < rowCount; r++)
            {
                var w = weights.IsEmpty ? 1 : weights[r];
                for (var j = 0; j < n; j++)
                {
                    var k = layout == MatrixLayout.ColumnMajor ? r + j * rowCount : r * n + j;
                    wa[k] = w * a[k];
                }
            }
            backend.AddGramUpperTriangle(rowCount, n, wa, layout, _gram);
            _lowerTriangleStale = true;
            var weightedTargets = new double[rowCount];
            for (var r = 0; r < rowCount; r++)
            {
                var wy = (weights.IsEmpty ? 1 : weights[r]) * targets[r];
                weightedTargets[r] = wy;
                TargetSquaredNorm += wy * wy;
            }
            if (layout == MatrixLayout.ColumnMajor)
            {
                for (var j = 0; j < n; j++)
                {
                    var column = wa.Slice(j * rowCount, rowCount);
                    var dot = 0.0;
                    for (var r = 0; r < rowCount; r++)
                    {
                        dot += column[r] * weightedTargets[r];
                    }
                    _projected[j] += dot;
                }
            }
            else
            {
                for (var r = 0; r < rowCount; r++)
                {
                    var row = wa.Slice(r * n, n);
                    for (var j = 0; j < n; j++)
                    {
                        _projected[j] += weightedTargets[r] * row[j];
                    }
                }
            }
            RowCount += rowCount;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(weighted);
        }
    }
}
