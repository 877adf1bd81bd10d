using System.Globalization;
using Ace.Core.Solvers.Backends;

namespace Ace.Core.Solvers;

/// <summary>
/// A dense weighted linear least-squares problem: find c minimising <c>sum_i (w_i (y_i - (A c)_i))^2</c>, i.e. the
/// weighted system <c>W A c ~ W y</c> with <c>W = diag(w)</c>: each weight multiplies its row and its target (so it
/// enters the objective squared, as in ace-math section 6 and ACEfit).
/// <para>
/// The design matrix A is stored <b>column-major</b>: element (row i, column j) at <c>Design[i + j * Rows]</c>, the
/// storage LAPACK and Math.NET use, so no solver needs to transpose it. Several threads may fill disjoint rows of the
/// array before the problem is constructed. The arrays are not copied: do not modify them while a solver runs.
/// </para>
/// </summary>
public sealed class LeastSquaresProblem
{
    private readonly double[] _design;
    private readonly double[] _targets;
    private readonly double[] _weights;

    /// <summary>Creates the problem from a column-major design matrix.</summary>
    /// <param name="rows">Number of rows (observations), at least 1.</param>
    /// <param name="columns">Number of columns (coefficients), at least 1.</param>
    /// <param name="design">A, column-major, length rows * columns; every entry finite.</param>
    /// <param name="targets">y, length rows; every entry finite.</param>
    /// <param name="weights">w, length rows, finite and non-negative; null means all ones.</param>
    /// <exception cref="ArgumentException">A length does not match, or an entry is not finite (the message names it).</exception>
    public LeastSquaresProblem(int rows, int columns, double[] design, double[] targets, double[]? weights = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(targets);
        if (design.LongLength != (long)rows * columns)
        {
            throw new ArgumentException(Invariant(
                $"design has {design.LongLength} entries but rows * columns = {rows} * {columns} = {(long)rows * columns}."),
                nameof(design));
        }
        if (targets.Length != rows)
        {
            throw new ArgumentException(Invariant($"targets has {targets.Length} entries but rows = {rows}."), nameof(targets));
        }
        if (weights is not null && weights.Length != rows)
        {
            throw new ArgumentException(Invariant($"weights has {weights.Length} entries but rows = {rows}."), nameof(weights));
        }
        InputValidation.RequireFiniteMatrix(design, rows, MatrixLayout.ColumnMajor, nameof(design));
        InputValidation.RequireFinite(targets, nameof(targets));
        if (weights is not null)
        {
            InputValidation.RequireWeights(weights, nameof(weights));
        }
        Rows = rows;
        Columns = columns;
        _design = design;
        _targets = targets;
        _weights = weights ?? Enumerable.Repeat(1.0, rows).ToArray();
    }

    /// <summary>Creates the problem from a two-dimensional design matrix <c>design[row, column]</c> (copied).</summary>
    /// <exception cref="ArgumentException">A length does not match, or an entry is not finite.</exception>
    public static LeastSquaresProblem FromMatrix(double[,] design, double[] targets, double[]? weights = null)
    {
        ArgumentNullException.ThrowIfNull(design);
        int rows = design.GetLength(0), columns = design.GetLength(1);
        var columnMajor = new double[rows * columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                columnMajor[i + j * rows] = design[i, j];
            }
        }
        return new LeastSquaresProblem(rows, columns, columnMajor, targets, weights);
    }

    /// <summary>Number of rows (observations).</summary>
    public int Rows { get; }

    /// <summary>Number of columns (coefficients).</summary>
    public int Columns { get; }

    /// <summary>The design matrix A, column-major: (i, j) at <c>i + j * Rows</c>.</summary>
    public ReadOnlySpan<double> Design => _design;

    /// <summary>The targets y.</summary>
    public ReadOnlySpan<double> Targets => _targets;

    /// <summary>The row weights w (all ones when none were given).</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>The weighted design matrix W A with <paramref name="extraRows"/> zero rows appended, column-major.</summary>
    internal double[] WeightedDesign(int extraRows = 0)
    {
        var total = Rows + extraRows;
        var result = new double[total * Columns];
        for (var j = 0; j < Columns; j++)
        {
            var source = _design.AsSpan(j * Rows, Rows);
            var target = result.AsSpan(j * total, Rows);
            for (var i = 0; i < Rows; i++)
            {
                target[i] = _weights[i] * source[i];
            }
        }
        return result;
    }

    /// <summary>The weighted targets W y with <paramref name="extraRows"/> zeros appended.</summary>
    internal double[] WeightedTargets(int extraRows = 0)
    {
        var result = new double[Rows + extraRows];
        for (var i = 0; i < Rows; i++)
        {
            result[i] = _weights[i] * _targets[i];
        }
        return result;
    }

    /// <summary>The weighted residual norm <c>||W (y - A c)||</c>.</summary>
    internal double ResidualNorm(ReadOnlySpan<double> coefficients)
    {
        var residual = new double[Rows];
        _targets.CopyTo(residual, 0);
        for (var j = 0; j < Columns; j++)
        {
            var cj = coefficients[j];
            var column = _design.AsSpan(j * Rows, Rows);
            for (var i = 0; i < Rows; i++)
            {
                residual[i] -= column[i] * cj;
            }
        }
        var sum = 0.0;
        for (var i = 0; i < Rows; i++)
        {
            var r = _weights[i] * residual[i];
            sum += r * r;
        }
        return Math.Sqrt(sum);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
