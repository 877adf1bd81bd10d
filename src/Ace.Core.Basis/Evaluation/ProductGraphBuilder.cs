namespace Ace.Core.Basis.Evaluation;

/// <summary>Builds a <see cref="ProductGraph"/> from sorted multisets of A indices, sharing common prefixes.</summary>
internal sealed class ProductGraphBuilder
{
    private readonly Dictionary<(int Left, int Right), int> _nodes = new();
    private readonly List<int> _left = new();
    private readonly List<int> _right = new();
    private readonly List<int> _order = new();

    public ProductGraphBuilder(int leafCount)
    {
        LeafCount = leafCount;
        for (int k = 0; k < leafCount; k++)
        {
            _order.Add(1);
        }
    }

    public int LeafCount { get; }

    /// <summary>The node of the product of the sorted A indices <paramref name="factors"/> (a leaf for one factor).</summary>
    public int GetOrAdd(ReadOnlySpan<int> factors)
    {
        int node = factors[0];
        for (int t = 1; t < factors.Length; t++)
        {
            node = GetOrAddProduct(node, factors[t]);
        }
        return node;
    }

    /// <summary>The node left * right, created when new.</summary>
    public int GetOrAddProduct(int left, int right)
    {
        if (_nodes.TryGetValue((left, right), out int id))
        {
            return id;
        }
        id = LeafCount + _left.Count;
        _left.Add(left);
        _right.Add(right);
        _order.Add(_order[left] + _order[right]);
        _nodes[(left, right)] = id;
        return id;
    }

    /// <summary>
    /// The graph with its product nodes renumbered for the sweeps of <see cref="ProductGraph"/>: by the number of
    /// factors; within one number, the products that feed other products first (so that they form one range), then
    /// round-robin over the left factors (the i-th product of every left factor before the (i+1)-th of any, so that
    /// consecutive products rarely share a factor and the backward sweep's updates do not wait for each other).
    /// <paramref name="nodeIndex"/> maps every node id returned by <see cref="GetOrAdd"/> to its index in the built graph.
    /// </summary>
    public ProductGraph Build(out int[] nodeIndex)
    {
        int products = _left.Count;
        int nodes = LeafCount + products;
        var feedsProducts = new bool[nodes];
        for (int i = 0; i < products; i++)
        {
            feedsProducts[_left[i]] = true;
            feedsProducts[_right[i]] = true;
        }
        nodeIndex = new int[nodes];
        for (int k = 0; k < LeafCount; k++)
        {
            nodeIndex[k] = k;
        }
        var map = nodeIndex;
        var rank = new int[products];
        var byOrder = Enumerable.Range(LeafCount, products).GroupBy(p => _order[p]).OrderBy(g => g.Key);
        int next = LeafCount;
        foreach (var level in byOrder)
        {
            // factors have fewer factors than their product, so their new indices are known here
            foreach (var group in level.GroupBy(p => (feedsProducts[p], _left[p - LeafCount])))
            {
                int i = 0;
                foreach (int p in group.OrderBy(p => map[_right[p - LeafCount]]))
                {
                    rank[p - LeafCount] = i++;
                }
            }
            foreach (int p in level.OrderBy(p => feedsProducts[p] ? 0 : 1).ThenBy(p => rank[p - LeafCount])
                .ThenBy(p => map[_left[p - LeafCount]]).ThenBy(p => map[_right[p - LeafCount]]))
            {
                map[p] = next++;
            }
        }
        var left = new int[products];
        var right = new int[products];
        var order = new int[nodes];
        for (int p = 0; p < nodes; p++)
        {
            order[map[p]] = _order[p];
        }
        for (int i = 0; i < products; i++)
        {
            int q = map[LeafCount + i] - LeafCount;
            left[q] = map[_left[i]];
            right[q] = map[_right[i]];
        }
        return new ProductGraph(LeafCount, left, right, order);
    }
}
