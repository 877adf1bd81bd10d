using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ace.Core.Basis.Evaluation;

/// <summary>An immutable sparse matrix in compressed-row form (rows: basis functions, columns: AA nodes).</summary>
internal sealed class SparseRowMatrix
{
    public SparseRowMatrix(int columnCount, int[] rowStart, int[] columns, double[] values)
    {
        if (rowStart.Length == 0 || rowStart[^1] != columns.Length || columns.Length != values.Length)
        {
            throw new ArgumentException("compressed-row arrays disagree in length");
        }
        foreach (int c in columns)
        {
            if ((uint)c >= (uint)columnCount)
            {
                throw new ArgumentException($"column {c} is outside 0 .. {columnCount - 1}");
            }
        }
        ColumnCount = columnCount;
        RowStart = rowStart;
        Columns = columns;
        Values = values;
    }

    public int RowCount => RowStart.Length - 1;

    public int ColumnCount { get; }

    public int[] RowStart { get; }

    public int[] Columns { get; }

    public double[] Values { get; }

    public int NonZeroCount => Columns.Length;

    /// <summary>y = M x.</summary>
    public void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(x.Length, ColumnCount, nameof(x));
        ArgumentOutOfRangeException.ThrowIfLessThan(y.Length, RowCount, nameof(y));
        ref double xs = ref MemoryMarshal.GetReference(x);
        ref int rs = ref MemoryMarshal.GetArrayDataReference(RowStart);
        ref int cols = ref MemoryMarshal.GetArrayDataReference(Columns);
        ref double vals = ref MemoryMarshal.GetArrayDataReference(Values);
        int rows = RowCount;
        for (int r = 0; r < rows; r++)
        {
            double s = 0;
            for (int p = Unsafe.Add(ref rs, r), end = Unsafe.Add(ref rs, r + 1); p < end; p++)
            {
                s += Unsafe.Add(ref vals, p) * Unsafe.Add(ref xs, Unsafe.Add(ref cols, p));
            }
            y[r] = s;
        }
    }

    /// <summary>x = M^T c (dense, length ColumnCount).</summary>
    public double[] TransposeMultiply(ReadOnlySpan<double> c)
    {
        var x = new double[ColumnCount];
        for (int r = 0; r < RowCount; r++)
        {
            double cr = c[r];
            if (cr == 0)
            {
                continue;
            }
            for (int p = RowStart[r]; p < RowStart[r + 1]; p++)
            {
                x[Columns[p]] += Values[p] * cr;
            }
        }
        return x;
    }
}

/// <summary>Accumulates rows of a <see cref="SparseRowMatrix"/>, merging repeated columns within a row.</summary>
internal sealed class SparseRowMatrixBuilder
{
    private readonly List<int> _rowStart = new() { 0 };
    private readonly List<int> _columns = new();
    private readonly List<double> _values = new();
    private readonly SortedDictionary<int, double> _row = new();

    public void Add(int column, double value) => _row[column] = _row.GetValueOrDefault(column) + value;

    /// <summary>Closes the current row, dropping entries below <paramref name="relativeTolerance"/> times the row's largest magnitude.</summary>
    public void EndRow(double relativeTolerance)
    {
        double max = 0;
        foreach (var v in _row.Values)
        {
            max = Math.Max(max, Math.Abs(v));
        }
        foreach (var (c, v) in _row)
        {
            if (Math.Abs(v) > relativeTolerance * max)
            {
                _columns.Add(c);
                _values.Add(v);
            }
        }
        _row.Clear();
        _rowStart.Add(_columns.Count);
    }

    /// <summary>The matrix with every column c renamed <paramref name="columnIndex"/>[c] (rows sorted by the new columns).</summary>
    public SparseRowMatrix Build(int columnCount, ReadOnlySpan<int> columnIndex)
    {
        var columns = new int[_columns.Count];
        var values = _values.ToArray();
        for (int e = 0; e < columns.Length; e++)
        {
            columns[e] = columnIndex[_columns[e]];
        }
        for (int row = 0; row + 1 < _rowStart.Count; row++)
        {
            int start = _rowStart[row], length = _rowStart[row + 1] - start;
            columns.AsSpan(start, length).Sort(values.AsSpan(start, length));
        }
        return new(columnCount, _rowStart.ToArray(), columns, values);
    }
}
