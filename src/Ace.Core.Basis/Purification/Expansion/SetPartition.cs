namespace Ace.Core.Basis.Purification.Expansion;

/// <summary>
/// A set partition of the positions 0 .. Order-1 of a product, with its Moebius weight on the partition lattice,
/// mu = prod over blocks of (-1)^(|block|-1) (|block|-1)!. Inclusion-exclusion over these weights turns the sum over all
/// neighbour tuples into the sum over pairwise distinct ones (<see cref="PureProductExpander"/>).
/// </summary>
internal sealed class SetPartition
{
    private static readonly SetPartition[][] Cache = Enumerable.Range(0, 7).Select(Generate).ToArray();

    private SetPartition(int[][] blocks)
    {
        Blocks = blocks;
        double weight = 1;
        foreach (var block in blocks)
        {
            for (int k = 2; k < block.Length; k++)
            {
                weight *= k;
            }
            if (block.Length % 2 == 0)
            {
                weight = -weight;
            }
        }
        MoebiusWeight = weight;
    }

    /// <summary>The blocks, each a sorted array of positions; blocks ordered by their first position.</summary>
    public int[][] Blocks { get; }

    /// <summary>prod over blocks of (-1)^(|block|-1) (|block|-1)!.</summary>
    public double MoebiusWeight { get; }

    /// <summary>True for the partition into singletons (the ordinary product).</summary>
    public bool IsFinest => Blocks.Length == Blocks.Sum(b => b.Length);

    /// <summary>True for the partition with a single block (the fully diagonal term).</summary>
    public bool IsCoarsest => Blocks.Length == 1;

    /// <summary>All set partitions of <paramref name="order"/> positions (1 .. 6), finest first.</summary>
    public static IReadOnlyList<SetPartition> All(int order)
    {
        if (order < 1 || order >= Cache.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(order), order, $"set partitions are tabulated for orders 1 .. {Cache.Length - 1}");
        }
        return Cache[order];
    }

    /// <summary>The partitions as restricted growth strings a[0] = 0, a[i] &lt;= 1 + max(a[0..i-1]), in lexicographic order.</summary>
    private static SetPartition[] Generate(int order)
    {
        if (order == 0)
        {
            return [];
        }
        var result = new List<SetPartition>();
        var a = new int[order];
        void Recurse(int i, int max)
        {
            if (i == order)
            {
                var blocks = new List<int>[max + 1];
                for (int b = 0; b <= max; b++)
                {
                    blocks[b] = new List<int>();
                }
                for (int p = 0; p < order; p++)
                {
                    blocks[a[p]].Add(p);
                }
                result.Add(new SetPartition(blocks.Select(b => b.ToArray()).ToArray()));
                return;
            }
            for (int v = 0; v <= max + 1; v++)
            {
                a[i] = v;
                Recurse(i + 1, Math.Max(max, v));
            }
        }
        a[0] = 0;
        Recurse(1, 0);
        // finest (most blocks) first
        return result.OrderByDescending(p => p.Blocks.Length).ToArray();
    }
}
