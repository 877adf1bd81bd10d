namespace Ace.Core.Studies;

/// <summary>How many structures <see cref="BinaryStudyData"/> generates of each kind, and the split.</summary>
/// <param name="DimersPerPair">The number of dimers of each element pair (A-A, B-B, A-B; an even grid over [1.8, 6.0] Angstrom).</param>
/// <param name="ClustersPerSize">The number of random clusters of each size 3, 4 and 5.</param>
/// <param name="Cells">The number of periodic cells (half 2-atom zincblende, half 8-atom random alloy).</param>
/// <param name="ValidationFraction">The fraction of each kind held out for validation (0 to 0.9).</param>
/// <param name="Seed">The seed; every kind draws from its own stream derived from it.</param>
public sealed record BinaryStudyDataOptions(
    int DimersPerPair = 24, int ClustersPerSize = 40, int Cells = 16, double ValidationFraction = 0.2, int Seed = 2026)
{
    /// <summary>The defaults: 24 dimers per pair, 40 clusters per size, 16 cells, 20% validation, seed 2026.</summary>
    public static BinaryStudyDataOptions Default { get; } = new();
}
