using Ace.Core.Primitives.Angular;
using Ace.Core.Primitives.Coupling;
using Ace.Core.TestUtilities;

namespace Ace.Core.Primitives.Tests.Coupling;

public class CouplingCoefficientsTests
{
    /// <summary>A random sorted l-tuple of the given order with runs of identical labels.</summary>
    private static (int[] L, int[] Classes) RandomTuple(Random random, int order, int lMax)
    {
        var l = new int[order];
        var classes = new int[order];
        int t = 0, cls = 0;
        while (t < order)
        {
            int run = Math.Min(order - t, random.Next(1, 4));
            int degree = random.Next(0, lMax + 1);
            for (int k = 0; k < run; k++, t++)
            {
                l[t] = degree;
                classes[t] = 10 * cls + 3;
            }
            cls++;
        }
        return (l, classes);
    }

    /// <summary>
    /// Per class, A_(l m) = sum_j w_j Y_(l m)(u_j) over a few random weighted unit vectors, with the library's
    /// RealSphericalHarmonics.
    /// </summary>
    private sealed class Environment
    {
        private readonly List<(double X, double Y, double Z, double W)>[] neighbours;

        public Environment(Random random, int classCount)
        {
            neighbours = new List<(double, double, double, double)>[classCount];
            for (int c = 0; c < classCount; c++)
            {
                neighbours[c] = new();
                int count = random.Next(1, 5);
                for (int j = 0; j < count; j++)
                {
                    var (x, y, z) = RandomGeometry.PointInShell(random, 1.0, 1.0);
                    neighbours[c].Add((x, y, z, 0.5 + random.NextDouble()));
                }
            }
        }

        /// <summary>A[c][Index(l, m)] for all classes after applying q to every neighbour direction.</summary>
        public double[][] A(int lMax, double[,] q)
        {
            var a = new double[neighbours.Length][];
            for (int c = 0; c < neighbours.Length; c++)
            {
                a[c] = new double[(lMax + 1) * (lMax + 1)];
                foreach (var (x, y, z, w) in neighbours[c])
                {
                    var (rx, ry, rz) = RandomGeometry.Apply(q, x, y, z);
                    var values = new double[RealSphericalHarmonics.Count(lMax)];
                    RealSphericalHarmonics.Evaluate(lMax, rx, ry, rz, values);
                    for (int k = 0; k < values.Length; k++)
                    {
                        a[c][k] += w * values[k];
                    }
                }
            }
            return a;
        }
    }

    private static readonly double[,] Identity = { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };

    /// <summary>B_i = sum_m C[i, m] prod_t A[run(t)][Index(l_t, m_t)].</summary>
    private static double EvaluateB(CouplingBlock block, int invariant, double[][] a)
    {
        var row = block.Row(invariant);
        double sum = 0;
        for (int j = 0; j < block.MTupleCount; j++)
        {
            var m = block.MTuple(j);
            double product = row[j];
            for (int t = 0; t < block.Order; t++)
            {
                product *= a[block.LabelRun[t]][RealSphericalHarmonics.Index(block.L[t], m[t])];
            }
            sum += product;
        }
        return sum;
    }

    private static void AssertRowsOrthonormal(CouplingBlock block)
    {
        for (int i = 0; i < block.InvariantCount; i++)
        {
            for (int k = 0; k < block.InvariantCount; k++)
            {
                double dot = 0;
                var ri = block.Row(i);
                var rk = block.Row(k);
                for (int j = 0; j < block.MTupleCount; j++)
                {
                    dot += ri[j] * rk[j];
                }
                Assert.That(dot, Is.EqualTo(i == k ? 1.0 : 0.0).Within(1e-12), $"rows {i},{k} of ({string.Join(",", block.L.ToArray())})");
            }
        }
    }

    /// <summary>Both blocks' rows span the same space: projecting each row of one onto the other keeps its norm.</summary>
    private static void AssertSameSpan(CouplingBlock a, CouplingBlock b)
    {
        var columnOfB = new Dictionary<string, int>();
        for (int j = 0; j < b.MTupleCount; j++)
        {
            columnOfB[string.Join(",", b.MTuple(j).ToArray())] = j;
        }
        for (int i = 0; i < a.InvariantCount; i++)
        {
            double projected = 0;
            for (int k = 0; k < b.InvariantCount; k++)
            {
                double dot = 0;
                for (int j = 0; j < a.MTupleCount; j++)
                {
                    if (columnOfB.TryGetValue(string.Join(",", a.MTuple(j).ToArray()), out int jb))
                    {
                        dot += a.Coefficient(i, j) * b.Coefficient(k, jb);
                    }
                }
                projected += dot * dot;
            }
            Assert.That(projected, Is.EqualTo(1.0).Within(1e-12));
        }
    }

    private static void AssertInvariant(CouplingBlock block, Random random)
    {
        int classes = block.LabelRun[block.Order - 1] + 1;
        int lMax = block.L.ToArray().Max();
        var environment = new Environment(random, classes);
        var reference = environment.A(lMax, Identity);
        var rotated = environment.A(lMax, RandomGeometry.Rotation(random));
        var reflected = environment.A(lMax, RandomGeometry.Reflection(random));
        double parity = block.IsInversionEven ? 1.0 : -1.0;
        for (int i = 0; i < block.InvariantCount; i++)
        {
            double b = EvaluateB(block, i, reference);
            double tolerance = 1e-12 * Math.Max(1.0, Math.Abs(b));
            string label = $"invariant {i} of l=({string.Join(",", block.L.ToArray())}) runs=({string.Join(",", block.LabelRun.ToArray())})";
            Assert.That(EvaluateB(block, i, rotated), Is.EqualTo(b).Within(tolerance), "rotation: " + label);
            Assert.That(EvaluateB(block, i, reflected), Is.EqualTo(parity * b).Within(tolerance), "reflection: " + label);
        }
    }

    [Test]
    public void RandomTuplesAreInvariantOrthonormalAndCountedByTheCharacterFormula()
    {
        var random = new Random(2024);
        int totalInvariants = 0;
        for (int trial = 0; trial < 80; trial++)
        {
            int order = 2 + trial % 4;
            int lMax = order switch { 2 => 8, 3 => 6, 4 => 4, _ => 3 };
            var (l, classes) = RandomTuple(random, order, lMax);
            var block = CouplingCoefficients.Compute(l, classes);
            int expected = CouplingCoefficients.Multiplicity(l, classes);
            // Compute stops at the character-formula count; with every coupling path the rank must equal it too.
            var everyPath = CouplingCoefficients.Build(CouplingInput.Create(l, classes), stopAtMultiplicity: false);
            string label = $"l=({string.Join(",", l)}) classes=({string.Join(",", classes)})";
            Assert.That(everyPath.InvariantCount, Is.EqualTo(expected), label);
            Assert.That(block.InvariantCount, Is.EqualTo(expected), label);
            AssertRowsOrthonormal(block);
            AssertRowsOrthonormal(everyPath);
            AssertInvariant(block, random);
            AssertSameSpan(block, everyPath);
            totalInvariants += block.InvariantCount;
        }
        Assert.That(totalInvariants, Is.GreaterThan(80), "the sample exercised many invariants");
    }

    [Test]
    public void OrderSixTuplesAreInvariant()
    {
        var random = new Random(6);
        foreach (var (l, classes) in new[]
        {
            (new[] { 1, 1, 1, 1, 2, 2 }, new[] { 0, 0, 1, 1, 2, 3 }),
            (new[] { 2, 2, 2, 2, 2, 2 }, new[] { 0, 0, 0, 0, 0, 0 }),
            (new[] { 0, 1, 1, 2, 2, 3 }, new[] { 0, 1, 2, 3, 4, 5 }),
        })
        {
            var block = CouplingCoefficients.Compute(l, classes);
            Assert.That(block.InvariantCount, Is.EqualTo(CouplingCoefficients.Multiplicity(l, classes)).And.GreaterThan(0));
            AssertRowsOrthonormal(block);
            AssertInvariant(block, random);
        }
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(3)]
    [TestCase(7)]
    public void OrderTwoIsTheNormalisedDotProductOfHarmonics(int degree)
    {
        // B = sum_m Y_lm(u) Y_lm(v) / sqrt(2l+1): coefficient 1/sqrt(2l+1) on every (m, m), for distinct or identical labels.
        foreach (var classes in new[] { new[] { 0, 1 }, new[] { 5, 5 } })
        {
            var block = CouplingCoefficients.Compute([degree, degree], classes);
            Assert.That(block.InvariantCount, Is.EqualTo(1));
            Assert.That(block.MTupleCount, Is.EqualTo(2 * degree + 1));
            for (int j = 0; j < block.MTupleCount; j++)
            {
                Assert.That(block.MTuple(j).ToArray(), Is.EqualTo(new[] { j - degree, j - degree }));
                Assert.That(block.Coefficient(0, j), Is.EqualTo(1 / Math.Sqrt(2 * degree + 1)).Within(1e-15));
            }
        }
        Assert.That(CouplingCoefficients.Compute([degree, degree + 1], [0, 1]).InvariantCount, Is.Zero);
    }

    [Test]
    public void OrderOneHasAnInvariantOnlyForDegreeZero()
    {
        var block = CouplingCoefficients.Compute([0], [0]);
        Assert.That(block.InvariantCount, Is.EqualTo(1));
        Assert.That(block.MTupleCount, Is.EqualTo(1));
        Assert.That(block.MTuple(0).ToArray(), Is.EqualTo(new[] { 0 }));
        Assert.That(block.Coefficient(0, 0), Is.EqualTo(1.0));
        for (int l = 1; l <= 5; l++)
        {
            Assert.That(CouplingCoefficients.Compute([l], [0]).InvariantCount, Is.Zero);
            Assert.That(CouplingCoefficients.Multiplicity([l], [0]), Is.Zero);
        }
    }

    [Test]
    public void TripleProductIsAPseudoScalarThatVanishesForIdenticalLabels()
    {
        // l = (1,1,1) distinct: one invariant proportional to det[u, v, w]; identical labels: none (antisymmetric).
        var block = CouplingCoefficients.Compute([1, 1, 1], [0, 1, 2]);
        Assert.That(block.InvariantCount, Is.EqualTo(1));
        Assert.That(block.IsInversionEven, Is.False);
        Assert.That(block.MTupleCount, Is.EqualTo(6));
        for (int j = 0; j < 6; j++)
        {
            Assert.That(Math.Abs(block.Coefficient(0, j)), Is.EqualTo(1 / Math.Sqrt(6)).Within(1e-15));
        }
        AssertInvariant(block, new Random(1));
        Assert.That(CouplingCoefficients.Compute([1, 1, 1], [4, 4, 4]).InvariantCount, Is.Zero);
        Assert.That(CouplingCoefficients.Compute([1, 1, 1], [4, 4, 5]).InvariantCount, Is.Zero);
    }

    [Test]
    public void IdenticalLabelsStoreOnlyCanonicalMTuples()
    {
        var block = CouplingCoefficients.Compute([2, 2, 2, 3, 3], [0, 0, 0, 1, 1]);
        Assert.That(block.InvariantCount, Is.GreaterThan(0));
        long previous = long.MinValue;
        for (int j = 0; j < block.MTupleCount; j++)
        {
            var m = block.MTuple(j);
            Assert.That(m[0] <= m[1] && m[1] <= m[2] && m[3] <= m[4], Is.True, "non-decreasing inside runs");
            long key = 0;
            foreach (int v in m)
            {
                key = key * 16 + v + 8;
            }
            Assert.That(key, Is.GreaterThan(previous), "lexicographic order, no duplicates");
            previous = key;
            bool nonZero = false;
            for (int i = 0; i < block.InvariantCount; i++)
            {
                nonZero |= block.Coefficient(i, j) != 0.0;
            }
            Assert.That(nonZero, Is.True, "only non-zero m-tuples are stored");
        }
    }

    /// <summary>All sorted one-species tuples of labels (n >= 1, l) of one order with 2 sum(n) + 3 sum(l) &lt;= 2D.</summary>
    private static IEnumerable<(int[] N, int[] L)> LabelledTuples(int order, int twiceDegree)
    {
        var labels = new List<(int N, int L)>();
        for (int n = 1; 2 * n <= twiceDegree; n++)
        {
            for (int l = 0; 2 * n + 3 * l <= twiceDegree; l++)
            {
                labels.Add((n, l));
            }
        }
        labels.Sort((a, b) => a.L != b.L ? a.L.CompareTo(b.L) : a.N.CompareTo(b.N));
        var chosen = new int[order];
        return Recurse(0, 0, 0);

        IEnumerable<(int[] N, int[] L)> Recurse(int position, int first, int used)
        {
            if (position == order)
            {
                yield return (chosen.Select(i => labels[i].N).ToArray(), chosen.Select(i => labels[i].L).ToArray());
                yield break;
            }
            for (int i = first; i < labels.Count; i++)
            {
                int cost = 2 * labels[i].N + 3 * labels[i].L;
                // Every later label costs at least 2 (n = 1, l = 0).
                if (used + cost + 2 * (order - position - 1) > twiceDegree)
                {
                    continue;
                }
                chosen[position] = i;
                foreach (var tuple in Recurse(position + 1, i, used + cost))
                {
                    yield return tuple;
                }
            }
        }
    }

    /// <summary>Label classes: positions with the same (n, l) share a class (the tuple is sorted).</summary>
    private static int[] ClassesOf(int[] n, int[] l) => Enumerable.Range(0, n.Length).Select(t => 1000 * l[t] + n[t]).ToArray();

    [TestCase(2, 20, 274)]
    [TestCase(3, 16, 505)]
    [TestCase(4, 12, 127)]
    public void OneSpeciesTotalDegreeCountsMatchTheReference(int order, int degree, int expected)
    {
        int total = 0, sampled = 0, index = 0;
        foreach (var (n, l) in LabelledTuples(order, 2 * degree))
        {
            if (l.Sum() % 2 != 0)
            {
                continue;
            }
            var classes = ClassesOf(n, l);
            int multiplicity = CouplingCoefficients.Multiplicity(l, classes);
            total += multiplicity;
            if (index++ % 7 == 0)
            {
                Assert.That(CouplingCoefficients.Compute(l, classes).InvariantCount, Is.EqualTo(multiplicity));
                sampled++;
            }
        }
        Assert.That(total, Is.EqualTo(expected));
        Assert.That(sampled, Is.GreaterThan(20));
    }

    [Test]
    public void AllBlocksOfAOneSpeciesBasisMatchTheCharacterFormula()
    {
        // Orders 1-4 with D = 24, 20, 16, 12 (the performance target of the basis layer), both parities.
        int[] degrees = [24, 20, 16, 12];
        var watch = System.Diagnostics.Stopwatch.StartNew();
        int blocks = 0, invariants = 0;
        for (int order = 1; order <= 4; order++)
        {
            foreach (var (n, l) in LabelledTuples(order, 2 * degrees[order - 1]))
            {
                var classes = ClassesOf(n, l);
                var block = CouplingCoefficients.Compute(l, classes);
                Assert.That(block.InvariantCount, Is.EqualTo(CouplingCoefficients.Multiplicity(l, classes)));
                blocks++;
                invariants += block.InvariantCount;
            }
        }
        TestContext.Out.WriteLine($"{blocks} blocks, {invariants} invariants in {watch.Elapsed.TotalSeconds:F2} s");
        Assert.That(blocks, Is.GreaterThan(1000));
    }

    [Test]
    public void ConcurrentComputeReturnsOneCachedBlock()
    {
        var blocks = new CouplingBlock[16];
        Parallel.For(0, 16, i => blocks[i] = CouplingCoefficients.Compute([3, 3, 2, 2], [1, 1, 2, 2]));
        Assert.That(blocks.Distinct().Count(), Is.EqualTo(1));
        Assert.That(CouplingCoefficients.Compute([3, 3, 2, 2], [7, 7, 9, 9]), Is.SameAs(blocks[0]), "only the class pattern matters");
    }

    [Test]
    public void BadInputThrowsNamingTheArgument()
    {
        var e = Assert.Throws<ArgumentException>(() => CouplingCoefficients.Compute([], []));
        Assert.That(e!.ParamName, Is.EqualTo("l"));
        Assert.That(e.Message, Does.Contain("length 0"));
        e = Assert.Throws<ArgumentException>(() => CouplingCoefficients.Compute([1, 1, 1, 1, 1, 1, 1], [0, 1, 2, 3, 4, 5, 6]));
        Assert.That(e!.ParamName, Is.EqualTo("l"));
        Assert.That(e.Message, Does.Contain("length 7"));
        e = Assert.Throws<ArgumentException>(() => CouplingCoefficients.Compute([1, 1], [0]));
        Assert.That(e!.ParamName, Is.EqualTo("labelClass"));
        var range = Assert.Throws<ArgumentOutOfRangeException>(() => CouplingCoefficients.Compute([1, -2], [0, 1]));
        Assert.That(range!.ParamName, Is.EqualTo("l"));
        Assert.That(range.Message, Does.Contain("l[1] = -2"));
        e = Assert.Throws<ArgumentException>(() => CouplingCoefficients.Compute([1, 2], [0, 0]));
        Assert.That(e!.ParamName, Is.EqualTo("labelClass"));
        Assert.That(e.Message, Does.Contain("l[0] = 1"));
        e = Assert.Throws<ArgumentException>(() => CouplingCoefficients.Multiplicity([1, 1, 1], [0, 1, 0]));
        Assert.That(e!.ParamName, Is.EqualTo("labelClass"));
        Assert.That(e.Message, Does.Contain("labelClass[2] = 0"));
    }

    [Test]
    public void BlockAccessorsRejectOutOfRangeIndices()
    {
        var block = CouplingCoefficients.Compute([2, 2], [0, 1]);
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => block.Row(1))!.ParamName, Is.EqualTo("invariant"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => block.MTuple(5))!.ParamName, Is.EqualTo("index"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => block.Coefficient(0, -1))!.ParamName, Is.EqualTo("mTupleIndex"));
    }
}
