namespace Ace.Core.Basis.Evaluation;

/// <summary>
/// The many-body site energy of one center for fixed coefficients, as a polynomial in its A functions: c~ = Map^T c on
/// the product DAG, and every node with a non-zero c~ unrolled into its leaves (the A functions it multiplies).
/// Works for any DAG and map, so for ordinary and purified bases alike.
/// </summary>
internal static class ProductExpansion
{
    public static IReadOnlyList<ProductTerm> Expand(CenterBasis center, ReadOnlySpan<double> centerCoefficients)
    {
        var nodeCoefficients = center.Map.TransposeMultiply(centerCoefficients);
        var graph = center.Graph;
        var layout = center.Layout;
        var terms = new List<ProductTerm>();
        var leaves = new List<int>();
        for (int p = 0; p < graph.NodeCount; p++)
        {
            double c = nodeCoefficients[p];
            if (c == 0)
            {
                continue;
            }
            leaves.Clear();
            CollectLeaves(graph, p, leaves);
            var factors = new OneParticleFunction[leaves.Count];
            for (int t = 0; t < factors.Length; t++)
            {
                var (label, m) = layout.LabelOf(leaves[t]);
                factors[t] = new OneParticleFunction(label.Species, label.N, label.L, m);
            }
            Array.Sort(factors, (a, b) => (a.Species, a.N, a.L, a.M).CompareTo((b.Species, b.N, b.L, b.M)));
            terms.Add(new ProductTerm(c, Array.AsReadOnly(factors)));
        }
        return terms.AsReadOnly();
    }

    private static void CollectLeaves(ProductGraph graph, int node, List<int> leaves)
    {
        if (node < graph.LeafCount)
        {
            leaves.Add(node);
            return;
        }
        int i = node - graph.LeafCount;
        CollectLeaves(graph, graph.Left[i], leaves);
        CollectLeaves(graph, graph.Right[i], leaves);
    }
}
