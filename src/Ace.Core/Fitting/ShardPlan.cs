using System.Globalization;

namespace Ace.Core.Fitting;

/// <summary>
/// How a training set is cut into shards: contiguous runs of structures in training-set order, covering every
/// structure once. Each shard's normal equations are assembled on their own (<see cref="FitBuilder.AssembleShard"/>)
/// and merged in shard order, so a plan fixes the floating-point result bitwise whoever assembles which shard, in
/// whatever order shards finish (locally with <see cref="FitBuilder.Shards"/>, or on a cluster).
/// </summary>
public sealed class ShardPlan
{
    private readonly StructureRange[] _shards;

    private ShardPlan(StructureRange[] shards)
    {
        _shards = shards;
    }

    /// <summary>The shards in order.</summary>
    public IReadOnlyList<StructureRange> Shards => _shards;

    /// <summary>The number of structures the plan covers.</summary>
    public int StructureCount => _shards[^1].End;

    /// <summary>Shards of <paramref name="structuresPerShard"/> consecutive structures (the last may be shorter).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is below 1.</exception>
    public static ShardPlan Split(int structureCount, int structuresPerShard)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(structureCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(structuresPerShard, 1);
        var shards = new List<StructureRange>();
        for (int first = 0; first < structureCount; first += structuresPerShard)
        {
            shards.Add(new StructureRange(first, Math.Min(structuresPerShard, structureCount - first)));
        }
        return new ShardPlan([.. shards]);
    }

    /// <summary>
    /// Shards of consecutive structures with about <paramref name="atomsPerShard"/> atoms each (a shard closes once it
    /// holds at least that many), from the structures' atom counts in training-set order.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">There are no structures, or the atom budget is below 1.</exception>
    public static ShardPlan ByAtoms(IReadOnlyList<int> atomCounts, long atomsPerShard)
    {
        ArgumentNullException.ThrowIfNull(atomCounts);
        ArgumentOutOfRangeException.ThrowIfLessThan(atomCounts.Count, 1, nameof(atomCounts));
        ArgumentOutOfRangeException.ThrowIfLessThan(atomsPerShard, 1);
        var shards = new List<StructureRange>();
        int first = 0;
        long atoms = 0;
        for (int s = 0; s < atomCounts.Count; s++)
        {
            atoms += atomCounts[s];
            if (atoms >= atomsPerShard || s == atomCounts.Count - 1)
            {
                shards.Add(new StructureRange(first, s + 1 - first));
                first = s + 1;
                atoms = 0;
            }
        }
        return new ShardPlan([.. shards]);
    }

    /// <summary>The plan of the given shards, which must be contiguous, in order and start at structure 0.</summary>
    /// <exception cref="ArgumentException">A shard is empty, or the shards leave a gap or overlap (the message names the shard).</exception>
    public static ShardPlan FromRanges(IEnumerable<StructureRange> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        var list = shards.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("a shard plan needs at least one shard", nameof(shards));
        }
        int expected = 0;
        for (int k = 0; k < list.Length; k++)
        {
            list[k].Validate(nameof(shards));
            if (list[k].First != expected)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"shard {k} ({list[k]}) should start at structure {expected}: shards must be contiguous and in order"), nameof(shards));
            }
            expected = list[k].End;
        }
        return new ShardPlan(list);
    }

    /// <summary>Throws unless the plan covers exactly <paramref name="structureCount"/> structures.</summary>
    /// <exception cref="ArgumentException">The counts differ.</exception>
    public void RequireStructureCount(int structureCount)
    {
        if (structureCount != StructureCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"the shard plan covers {StructureCount} structures but the training set has {structureCount}"));
        }
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{_shards.Length} shards over {StructureCount} structures");
}
