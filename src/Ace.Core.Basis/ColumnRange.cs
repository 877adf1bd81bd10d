namespace Ace.Core.Basis;

/// <summary>A contiguous range of basis columns.</summary>
/// <param name="Start">The first column.</param>
/// <param name="Count">The number of columns.</param>
public readonly record struct ColumnRange(int Start, int Count)
{
    /// <summary>One past the last column.</summary>
    public int End => Start + Count;

    /// <summary>True when <paramref name="column"/> lies in the range.</summary>
    public bool Contains(int column) => column >= Start && column < End;
}
