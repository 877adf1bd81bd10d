using System.Globalization;

namespace Ace.Core.Fitting;

/// <summary>A contiguous run of training structures: indices <see cref="First"/> .. <see cref="End"/> - 1 of the training set.</summary>
/// <param name="First">The index of the first structure in the training set.</param>
/// <param name="Count">The number of structures.</param>
public readonly record struct StructureRange(int First, int Count)
{
    /// <summary>One past the last structure's index.</summary>
    public int End => First + Count;

    /// <summary>Throws unless the range is non-empty and starts at a non-negative index.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is empty or starts before 0.</exception>
    public void Validate(string argument)
    {
        if (First < 0 || Count < 1 || End < First)
        {
            throw new ArgumentOutOfRangeException(argument, this, string.Create(CultureInfo.InvariantCulture,
                $"a structure range needs First >= 0 and Count >= 1, got First {First}, Count {Count}"));
        }
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"structures {First}..{End - 1}");
}
