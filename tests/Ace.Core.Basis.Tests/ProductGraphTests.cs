using Ace.Core.Basis.Evaluation;

namespace Ace.Core.Basis.Tests;

/// <summary>
/// The product-graph sweeps against a straightforward evaluation: every node's value as the product of its leaf
/// factors, the energy as the plain dot product, and the adjoints by the plain reverse loop in creation order.
/// </summary>
public class ProductGraphTests
{
    private static readonly int[] LeafCounts = [1, 3, 7, 19];
    private static readonly int[] ProductCounts = [1, 5, 37, 203];

    [Test]
    public void Sweeps_match_the_straightforward_evaluation_on_random_dags_of_any_shape()
    {
        var random = new Random(11);
        foreach (int leaves in LeafCounts)
        {
            foreach (int products in ProductCounts)
            {
                var (left, right) = RandomDag(random, leaves, products);
                CheckSweeps(random, new ProductGraph(leaves, left, right, Orders(leaves, left, right)));
            }
        }
    }

    [Test]
    public void Sweeps_give_the_same_bits_while_the_garbage_collector_moves_the_graph()
    {
        // Regression: the sweeps once held refs moved before the start of the index arrays, which the GC does not
        // track; once a compacting collection moved the arrays they read freed memory (an access violation in CI).
        var random = new Random(13);
        var (left, right) = RandomDag(random, 19, 4000);
        var graph = new ProductGraph(19, left, right, Orders(19, left, right));
        var cTilde = Enumerable.Range(0, graph.NodeCount).Select(_ => random.NextDouble() - 0.5).ToArray();
        var leaves = Enumerable.Range(0, 19).Select(_ => 0.5 + random.NextDouble()).ToArray();
        var aa = new double[graph.NodeCount];
        var adjoint = new double[graph.NodeCount];
        leaves.CopyTo(aa, 0);
        double expected = graph.EnergyAndLeafAdjoint(cTilde, aa, adjoint);
        var expectedLeafAdjoint = adjoint[..19];
        using var stop = new CancellationTokenSource();
        var collector = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                _ = new byte[64 * 1024];
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            }
        });
        try
        {
            for (int i = 0; i < 50; i++)
            {
                leaves.CopyTo(aa, 0);
                Assert.That(graph.EnergyAndLeafAdjoint(cTilde, aa, adjoint), Is.EqualTo(expected), $"sweep {i}");
                Assert.That(adjoint[..19], Is.EqualTo(expectedLeafAdjoint), $"sweep {i}");
            }
        }
        finally
        {
            stop.Cancel();
            collector.Wait();
        }
    }

    [Test]
    public void Sweeps_match_the_straightforward_evaluation_on_built_graphs()
    {
        var random = new Random(12);
        foreach (int leaves in LeafCounts)
        {
            var builder = new ProductGraphBuilder(leaves);
            var extra = new List<(int Left, int Right)>();
            for (int t = 0; t < 150; t++)
            {
                var factors = Enumerable.Range(0, 2 + random.Next(4)).Select(_ => random.Next(leaves)).Order().ToArray();
                int node = builder.GetOrAdd(factors);
                if (t % 10 == 0 && node >= leaves)
                {
                    // a node of another shape, as purification may add: a product of two products
                    extra.Add((node, builder.GetOrAdd(factors[..2])));
                }
            }
            foreach (var (a, b) in extra)
            {
                builder.GetOrAddProduct(a, b);
            }
            CheckSweeps(random, builder.Build(out _));
        }
    }

    [Test]
    public void Build_renumbers_every_node_to_a_node_with_the_same_factors_by_increasing_order()
    {
        var random = new Random(13);
        const int leaves = 9;
        var builder = new ProductGraphBuilder(leaves);
        var requested = new List<(int[] Factors, int Node)>();
        for (int t = 0; t < 300; t++)
        {
            var factors = Enumerable.Range(0, 1 + random.Next(5)).Select(_ => random.Next(leaves)).Order().ToArray();
            requested.Add((factors, builder.GetOrAdd(factors)));
        }
        var graph = builder.Build(out var nodeIndex);
        foreach (var (factors, node) in requested)
        {
            Assert.That(LeafFactors(graph, nodeIndex[node]), Is.EqualTo(factors));
        }
        Assert.That(graph.Order, Is.Ordered);
        Assert.That(nodeIndex.Distinct().Count(), Is.EqualTo(graph.NodeCount));
    }

    [Test]
    public void Map_built_with_a_column_renumbering_multiplies_like_the_original()
    {
        var random = new Random(14);
        const int columns = 40;
        var permutation = Enumerable.Range(0, columns).OrderBy(_ => random.Next()).ToArray();
        var plain = new SparseRowMatrixBuilder();
        var renumbered = new SparseRowMatrixBuilder();
        for (int row = 0; row < 12; row++)
        {
            for (int e = 0; e < 6; e++)
            {
                int column = random.Next(columns);
                double value = random.NextDouble() - 0.5;
                plain.Add(column, value);
                renumbered.Add(column, value);
            }
            plain.EndRow(0);
            renumbered.EndRow(0);
        }
        var identity = Enumerable.Range(0, columns).ToArray();
        var a = plain.Build(columns, identity);
        var b = renumbered.Build(columns, permutation);
        var x = Enumerable.Range(0, columns).Select(_ => random.NextDouble()).ToArray();
        var xPermuted = new double[columns];
        for (int c = 0; c < columns; c++)
        {
            xPermuted[permutation[c]] = x[c];
        }
        var ya = new double[a.RowCount];
        var yb = new double[b.RowCount];
        a.Multiply(x, ya);
        b.Multiply(xPermuted, yb);
        Assert.That(yb, Is.EqualTo(ya).Within(1e-15));
        for (int row = 0; row < b.RowCount; row++)
        {
            Assert.That(b.Columns[b.RowStart[row]..b.RowStart[row + 1]], Is.Ordered.And.Unique);
        }
    }

    private static void CheckSweeps(Random random, ProductGraph graph)
    {
        int n = graph.NodeCount, leaves = graph.LeafCount;
        var leafValues = Enumerable.Range(0, leaves).Select(_ => 0.5 + random.NextDouble()).ToArray();
        var cTilde = Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.2 ? 0 : random.NextDouble() - 0.5).ToArray();

        var expectedValues = Enumerable.Range(0, n).Select(p => LeafFactors(graph, p).Aggregate(1.0, (v, k) => v * leafValues[k])).ToArray();
        double expectedEnergy = cTilde.Zip(expectedValues, (c, v) => c * v).Sum();
        var expectedAdjoint = (double[])cTilde.Clone();
        for (int i = graph.Left.Length - 1; i >= 0; i--)
        {
            double g = expectedAdjoint[leaves + i];
            expectedAdjoint[graph.Left[i]] += g * expectedValues[graph.Right[i]];
            expectedAdjoint[graph.Right[i]] += g * expectedValues[graph.Left[i]];
        }

        var values = new double[n];
        leafValues.CopyTo(values, 0);
        graph.Forward(values);
        AssertClose(values, expectedValues);

        var scratch = new double[n];
        leafValues.CopyTo(scratch, 0);
        Assert.That(graph.Energy(cTilde, scratch), Is.EqualTo(expectedEnergy).Within(1e-14 * Scale(expectedValues, cTilde)));

        var first = new double[n];
        var adjoint = new double[n];
        leafValues.CopyTo(first, 0);
        double energy = graph.EnergyAndLeafAdjoint(cTilde, first, adjoint);
        Assert.That(energy, Is.EqualTo(expectedEnergy).Within(1e-14 * Scale(expectedValues, cTilde)));
        AssertClose(adjoint[..leaves], expectedAdjoint[..leaves]);

        // deterministic: the same call gives bitwise the same results
        var again = new double[n];
        var adjointAgain = new double[n];
        leafValues.CopyTo(again, 0);
        Assert.That(graph.EnergyAndLeafAdjoint(cTilde, again, adjointAgain), Is.EqualTo(energy));
        Assert.That(adjointAgain[..leaves], Is.EqualTo(adjoint[..leaves]));
    }

    private static double Scale(double[] values, double[] cTilde) => values.Zip(cTilde, (v, c) => Math.Abs(v * c)).Sum() + 1e-300;

    private static void AssertClose(double[] actual, double[] expected)
    {
        double scale = expected.Max(Math.Abs) + 1e-300;
        for (int p = 0; p < expected.Length; p++)
        {
            Assert.That(actual[p], Is.EqualTo(expected[p]).Within(1e-14 * scale), $"node {p}");
        }
    }

    /// <summary>The sorted leaves a node multiplies, by recursion through the DAG.</summary>
    private static int[] LeafFactors(ProductGraph graph, int node)
    {
        if (node < graph.LeafCount)
        {
            return [node];
        }
        int i = node - graph.LeafCount;
        return [.. LeafFactors(graph, graph.Left[i]).Concat(LeafFactors(graph, graph.Right[i])).Order()];
    }

    /// <summary>Left factors mostly recent nodes (chains), right factors mostly leaves, any earlier node allowed on
    /// either side; at most 12 factors per node, so that the values stay well scaled.</summary>
    private static (int[] Left, int[] Right) RandomDag(Random random, int leaves, int products)
    {
        var left = new int[products];
        var right = new int[products];
        var order = Enumerable.Repeat(1, leaves).Concat(new int[products]).ToArray();
        for (int i = 0; i < products; i++)
        {
            int p = leaves + i;
            do
            {
                left[i] = random.NextDouble() < 0.5 ? Math.Max(0, p - 1 - random.Next(3)) : random.Next(p);
                right[i] = random.NextDouble() < 0.7 ? random.Next(leaves) : random.Next(p);
            }
            while (order[left[i]] + order[right[i]] > 12);
            order[p] = order[left[i]] + order[right[i]];
        }
        return (left, right);
    }

    private static int[] Orders(int leaves, int[] left, int[] right)
    {
        var order = new int[leaves + left.Length];
        for (int k = 0; k < leaves; k++)
        {
            order[k] = 1;
        }
        for (int i = 0; i < left.Length; i++)
        {
            order[leaves + i] = order[left[i]] + order[right[i]];
        }
        return order;
    }
}
