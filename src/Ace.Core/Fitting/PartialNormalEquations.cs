using System.Globalization;
using Ace.Core.Solvers;

namespace Ace.Core.Fitting;

/// <summary>
/// The normal equations of a contiguous run of training structures, one accumulator per fold: structure s goes to
/// fold s mod <see cref="FoldCount"/> (one fold: all of them). A shard's assembly (<see cref="FitBuilder.AssembleShard"/>)
/// gives one; <see cref="Append"/> merges the next run into it, fold by fold, so merging shards in order gives the same
/// bits wherever and whenever each shard was assembled.
/// </summary>
public sealed class PartialNormalEquations
{
    private readonly NormalEquations[] _folds;

    /// <summary>Wraps the fold accumulators of <paramref name="structures"/> (taken, not copied).</summary>
    /// <exception cref="ArgumentException">There are no folds, or their column counts differ.</exception>
    public PartialNormalEquations(StructureRange structures, long atomCount, IReadOnlyList<NormalEquations> folds)
    {
        structures.Validate(nameof(structures));
        ArgumentOutOfRangeException.ThrowIfNegative(atomCount);
        ArgumentNullException.ThrowIfNull(folds);
        if (folds.Count == 0)
        {
            throw new ArgumentException("partial normal equations need at least one fold", nameof(folds));
        }
        if (folds.Any(f => f is null || f.Columns != folds[0].Columns))
        {
            throw new ArgumentException("every fold must be non-null with the same number of columns", nameof(folds));
        }
        Structures = structures;
        AtomCount = atomCount;
        _folds = [.. folds];
    }

    /// <summary>The structures accumulated so far.</summary>
    public StructureRange Structures { get; private set; }

    /// <summary>The number of atoms in <see cref="Structures"/>.</summary>
    public long AtomCount { get; private set; }

    /// <summary>The number of folds (1 when the structures are not split).</summary>
    public int FoldCount => _folds.Length;

    /// <summary>The number of coefficients.</summary>
    public int Columns => _folds[0].Columns;

    /// <summary>The rows accumulated, over all folds.</summary>
    public long RowCount => _folds.Sum(f => f.RowCount);

    /// <summary>The accumulator of each fold.</summary>
    public IReadOnlyList<NormalEquations> Folds => _folds;

    /// <summary>
    /// Adds <paramref name="next"/>, the run of structures right after this one, fold by fold (this accumulates,
    /// <paramref name="next"/> is left unchanged).
    /// </summary>
    /// <exception cref="ArgumentException">The runs are not adjacent, or the folds or columns differ.</exception>
    public void Append(PartialNormalEquations next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (next.Structures.First != Structures.End)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"partial normal equations merge in structure order: these hold {Structures}, so the next must start at {Structures.End}, not {next.Structures.First}"), nameof(next));
        }
        if (next.FoldCount != FoldCount || next.Columns != Columns)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"these hold {FoldCount} folds of {Columns} columns, the next {next.FoldCount} folds of {next.Columns}"), nameof(next));
        }
        for (int f = 0; f < _folds.Length; f++)
        {
            _folds[f].Merge(next._folds[f]);
        }
        Structures = new StructureRange(Structures.First, Structures.Count + next.Structures.Count);
        AtomCount += next.AtomCount;
    }
}
