namespace Ace.Core.Solvers.Backends;

/// <summary>How a dense matrix is stored in a flat array.</summary>
public enum MatrixLayout
{
    /// <summary>Element (i, j) of an m x n matrix at <c>i + j * m</c> (LAPACK's and Math.NET's storage).</summary>
    ColumnMajor,

    /// <summary>Element (i, j) of an m x n matrix at <c>i * n + j</c>: each row contiguous.</summary>
    RowMajor,
}
