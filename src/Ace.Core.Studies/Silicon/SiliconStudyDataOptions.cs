namespace Ace.Core.Studies;

/// <summary>How many structures of each cluster size <see cref="SiliconStudyData"/> generates, and the split.</summary>
/// <param name="Dimers">The number of dimers (an even grid over [1.8, 6.0] Angstrom).</param>
/// <param name="Trimers">The number of 3-atom clusters.</param>
/// <param name="Tetramers">The number of 4-atom clusters.</param>
/// <param name="Pentamers">The number of 5-atom clusters.</param>
/// <param name="ValidationFraction">The fraction of each size held out for validation (0 to 0.9).</param>
/// <param name="Seed">The seed; every cluster size draws from its own stream derived from it.</param>
public sealed record SiliconStudyDataOptions(
    int Dimers = 60, int Trimers = 80, int Tetramers = 80, int Pentamers = 100,
    double ValidationFraction = 0.2, int Seed = 2025)
{
    /// <summary>The defaults: 60 dimers, 80 trimers, 80 tetramers, 100 pentamers, 20% validation, seed 2025.</summary>
    public static SiliconStudyDataOptions Default { get; } = new();

    /// <summary>The number of structures of clusters with <paramref name="atoms"/> atoms.</summary>
    public int Count(int atoms) => atoms switch
    {
        2 => Dimers,
        3 => Trimers,
        4 => Tetramers,
        5 => Pentamers,
        _ => throw new ArgumentOutOfRangeException(nameof(atoms), atoms, "cluster sizes are 2 to 5"),
    };
}
