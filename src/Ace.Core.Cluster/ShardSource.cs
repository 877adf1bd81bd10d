using System.Globalization;

namespace Ace.Core.Cluster;

/// <summary>
/// Where a shard's structures are: frames <see cref="FirstFrame"/> .. + <see cref="FrameCount"/> - 1 of one extended
/// XYZ file, starting at byte <see cref="ByteOffset"/> (line <see cref="FirstLine"/>); they are training structures
/// <see cref="FirstStructure"/> onwards.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record ShardSource
{
    /// <summary>The shard's index in the plan.</summary>
    [Id(0)]
    public required int Index { get; init; }

    /// <summary>The file, relative to the cluster's shared data path when one is configured, else as the coordinator has it.</summary>
    [Id(1)]
    public required string File { get; init; }

    /// <summary>The byte offset of the first frame's atom-count line.</summary>
    [Id(2)]
    public required long ByteOffset { get; init; }

    /// <summary>The 1-based line of the first frame's atom-count line.</summary>
    [Id(3)]
    public required long FirstLine { get; init; }

    /// <summary>The index of the first frame in the file (0-based).</summary>
    [Id(4)]
    public required int FirstFrame { get; init; }

    /// <summary>The number of frames.</summary>
    [Id(5)]
    public required int FrameCount { get; init; }

    /// <summary>The training-set index of the first frame's structure.</summary>
    [Id(6)]
    public required int FirstStructure { get; init; }

    /// <summary>The atoms in the shard.</summary>
    [Id(7)]
    public required long AtomCount { get; init; }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"shard {Index} ({File}, frames {FirstFrame}..{FirstFrame + FrameCount - 1})");
}
