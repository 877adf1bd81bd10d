namespace Ace.Core.Primitives.Coupling;

/// <summary>
/// A validated l-tuple with its runs of identical one-particle labels, and the cache key of its coupling block.
/// </summary>
internal sealed class CouplingInput
{
    private CouplingInput(int[] l, int[] runIndex, int[] runStart, int[] runLength)
    {
        L = l;
        RunIndex = runIndex;
        RunStart = runStart;
        RunLength = runLength;
        long packedL = 0;
        int packedRuns = 0;
        for (int t = 0; t < l.Length; t++)
        {
            packedL |= (long)l[t] << (8 * t);
            packedRuns |= runIndex[t] << (3 * t);
        }
        Key = new CouplingKey(l.Length, packedL, packedRuns);
    }

    /// <summary>The l-tuple.</summary>
    public int[] L { get; }

    /// <summary>For each position, the index (0, 1, ...) of its run of identical labels.</summary>
    public int[] RunIndex { get; }

    /// <summary>First position of each run.</summary>
    public int[] RunStart { get; }

    /// <summary>Length of each run.</summary>
    public int[] RunLength { get; }

    /// <summary>The cache key: order, l-tuple and run pattern.</summary>
    public CouplingKey Key { get; }

    /// <summary>The tuple length (correlation order).</summary>
    public int Order => L.Length;

    /// <summary>Validates the arguments of <see cref="CouplingCoefficients.Compute"/> and builds the runs.</summary>
    public static CouplingInput Create(ReadOnlySpan<int> l, ReadOnlySpan<int> labelClass)
    {
        if (l.Length < 1 || l.Length > CouplingCoefficients.MaxOrder)
        {
            throw new ArgumentException(
                $"The l-tuple must have length 1..{CouplingCoefficients.MaxOrder}, got length {l.Length}.", nameof(l));
        }
        if (labelClass.Length != l.Length)
        {
            throw new ArgumentException(
                $"labelClass has length {labelClass.Length} but the l-tuple has length {l.Length}; they must match.",
                nameof(labelClass));
        }
        for (int t = 0; t < l.Length; t++)
        {
            if (l[t] < 0 || l[t] > CouplingCoefficients.MaxL)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(l), l[t], $"l[{t}] = {l[t]} must lie in 0..{CouplingCoefficients.MaxL}.");
            }
        }
        var runIndex = new int[l.Length];
        var starts = new List<int> { 0 };
        for (int t = 1; t < l.Length; t++)
        {
            if (labelClass[t] == labelClass[t - 1])
            {
                if (l[t] != l[t - 1])
                {
                    throw new ArgumentException(
                        $"labelClass[{t - 1}] = labelClass[{t}] = {labelClass[t]} marks identical labels, but l[{t - 1}] = {l[t - 1]} differs from l[{t}] = {l[t]}.",
                        nameof(labelClass));
                }
                runIndex[t] = runIndex[t - 1];
                continue;
            }
            for (int s = 0; s < t - 1; s++)
            {
                if (labelClass[s] == labelClass[t])
                {
                    throw new ArgumentException(
                        $"labelClass[{t}] = {labelClass[t]} repeats the class of position {s} after a different class; positions with identical labels must be contiguous.",
                        nameof(labelClass));
                }
            }
            runIndex[t] = runIndex[t - 1] + 1;
            starts.Add(t);
        }
        var runStart = starts.ToArray();
        var runLength = new int[runStart.Length];
        for (int r = 0; r < runStart.Length; r++)
        {
            int end = r + 1 < runStart.Length ? runStart[r + 1] : l.Length;
            runLength[r] = end - runStart[r];
        }
        return new CouplingInput(l.ToArray(), runIndex, runStart, runLength);
    }
}

/// <summary>Cache key of a coupling block: order, l values (8 bits each) and run indices (3 bits each).</summary>
internal readonly record struct CouplingKey(int Order, long PackedL, int PackedRuns);
