using Ace.Core.Primitives.Coupling;
using static Ace.Core.Basis.Tests.BasisFixtures;

namespace Ace.Core.Basis.Tests;

public class CountTests
{
    [Test]
    public void Single_element_total_degree_counts_match_the_exact_rule_274_505_127()
    {
        var basis = AceBasis.Build(SingleElement(20, 20, 16, 12));
        Assert.Multiple(() =>
        {
            Assert.That(basis.CountByOrder(2), Is.EqualTo(274));
            Assert.That(basis.CountByOrder(3), Is.EqualTo(505));
            Assert.That(basis.CountByOrder(4), Is.EqualTo(127));
            Assert.That(basis.CountByOrder(1), Is.EqualTo(20), "order 1 keeps (n, 0) for n = 1 .. D_1");
        });
    }

    [Test]
    public void Ace1x_floating_point_selection_drops_exactly_the_order_2_tuple_2_0_18_0_at_D_24_20()
    {
        // ACE1.jl's scaled floating-point rule and enumeration order miss the boundary tuple (n 2, l 0)(n 18, l 0) at D_2 = 20
        // (ace-math.md section 3): 273 order-2 functions, the study's 297 = 24 pair + 273 with order 1 removed.
        var exact = AceBasis.Build(SingleElement(24, 20, 16, 12));
        var ace1x = AceBasis.Build(SingleElement(24, 20, 16, 12) with
        {
            Selection = new TotalDegreeSelection([24, 20, 16, 12], Arithmetic: TotalDegreeArithmetic.Ace1xFloatingPoint),
        });
        string Key(BasisFunctionLabel f) => string.Concat(f.OneParticleLabels) + "#" + f.IndexInBlock;
        var missing = exact.Functions.Select(Key).Except(ace1x.Functions.Select(Key)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ace1x.CountByOrder(1), Is.EqualTo(24));
            Assert.That(ace1x.CountByOrder(2), Is.EqualTo(273));
            Assert.That(ace1x.CountByOrder(3), Is.EqualTo(505));
            Assert.That(ace1x.CountByOrder(4), Is.EqualTo(127));
            Assert.That(missing, Is.EqualTo(new[] { "(Si,2,0)(Si,18,0)#0" }));
            Assert.That(ace1x.Functions.Select(Key).Except(exact.Functions.Select(Key)), Is.Empty, "a subset of the exact rule");
        });
    }

    [Test]
    public void Half_integer_degrees_are_compared_exactly()
    {
        // n + 1.5 l <= 5.5 admits (n, l) = (1, 3): 1 + 4.5 = 5.5 exactly; 5.5 as a float sum would also pass, but
        // 0.1-style weights would not. With w_L = 3/2, D = 11/2 and order 2 the pairs (1,l)(1,l) need 2 + 3l <= 5.5.
        var spec = new AceBasisSpecification(["Si"], SiliconRadial, 2, new TotalDegreeSelection([new Rational(11, 2), new Rational(11, 2)]));
        var basis = AceBasis.Build(spec);
        var order2 = basis.FunctionsOfOrder(2).ToList();
        Assert.That(order2.Any(f => f.OneParticleLabels.All(p => p.L == 1 && p.N == 1)), Is.True);
        Assert.That(order2.Any(f => f.OneParticleLabels.Any(p => p.L == 2)), Is.False, "2 + 3*2 = 8 > 5.5");
        var withTenths = new AceBasisSpecification(["Si"], SiliconRadial, 2,
            new TotalDegreeSelection([Rational.Parse("3.3"), Rational.Parse("3.3")], Rational.Parse("1.1")));
        // (1,1)(1,1): 1 + 1.1 + 1 + 1.1 = 4.2 > 3.3; (1,0)(2,0): 3 <= 3.3; l = 1 pair (1,1)(1,1) excluded.
        var labels = AceBasis.Build(withTenths).FunctionsOfOrder(2).Select(f => string.Concat(f.OneParticleLabels)).ToList();
        Assert.That(labels, Is.EquivalentTo(new[] { "(Si,1,0)(Si,1,0)", "(Si,1,0)(Si,2,0)" }));
    }

    [Test]
    public void Maximum_label_selection_bounds_n_and_l_per_order()
    {
        var spec = new AceBasisSpecification(["Si"], SiliconRadial, 3, new MaxLabelSelection([4, 3, 2], [0, 2, 1]));
        var basis = AceBasis.Build(spec);
        foreach (var f in basis.Functions)
        {
            int order = f.CorrelationOrder;
            Assert.That(f.OneParticleLabels.Max(p => p.N), Is.LessThanOrEqualTo(new[] { 4, 3, 2 }[order - 1]));
            Assert.That(f.OneParticleLabels.Max(p => p.L), Is.LessThanOrEqualTo(new[] { 0, 2, 1 }[order - 1]));
        }
        Assert.That(basis.CountByOrder(1), Is.EqualTo(4));
        // order 2: pairs of (n <= 3, l <= 2) with equal l: per l, 3 radial labels give 3*4/2 = 6 sorted pairs -> 18.
        Assert.That(basis.CountByOrder(2), Is.EqualTo(18));
    }

    [Test]
    public void Block_sizes_equal_the_character_formula_and_no_block_is_missing()
    {
        var random = new Random(5);
        for (int trial = 0; trial < 4; trial++)
        {
            int species = 1 + random.Next(2);
            int order = 2 + random.Next(3);
            var degrees = Enumerable.Range(0, order).Select(_ => (Rational)(3 + random.Next(4))).ToArray();
            var elements = new[] { "Si", "C" }.Take(species).ToArray();
            var spec = new AceBasisSpecification(elements, SiliconRadial, order, new TotalDegreeSelection(degrees));
            var basis = AceBasis.Build(spec);
            var blocks = basis.Functions.GroupBy(f => (f.CenterElement, f.CorrelationOrder, string.Concat(f.OneParticleLabels))).ToList();
            foreach (var block in blocks)
            {
                var labels = block.First().OneParticleLabels;
                var l = labels.Select(p => p.L).ToArray();
                var classes = Classes(labels);
                int expected = CouplingCoefficients.Multiplicity(l, classes);
                Assert.That(block.Count(), Is.EqualTo(expected), $"block {block.Key}");
                Assert.That(block.All(f => f.BlockSize == expected), Is.True);
                Assert.That(block.Select(f => f.IndexInBlock), Is.EqualTo(Enumerable.Range(0, expected)));
            }
            // Independent brute-force enumeration of all label tuples of the rule.
            for (int nu = 1; nu <= order; nu++)
            {
                int expected = BruteForceCount(species, nu, degrees[nu - 1]) * species;
                Assert.That(basis.CountByOrder(nu), Is.EqualTo(expected), $"trial {trial}, order {nu}, D = {degrees[nu - 1]}");
            }
        }
    }

    private static int[] Classes(IReadOnlyList<OneParticleLabel> labels)
    {
        var classes = new int[labels.Count];
        for (int t = 1; t < labels.Count; t++)
        {
            classes[t] = labels[t] == labels[t - 1] ? classes[t - 1] : classes[t - 1] + 1;
        }
        return classes;
    }

    private static int BruteForceCount(int species, int order, Rational degree)
    {
        var all = new List<(int Z, int N, int L)>();
        for (int z = 0; z < species; z++)
        {
            for (int n = 1; n <= 12; n++)
            {
                for (int l = 0; l <= 8; l++)
                {
                    all.Add((z, n, l));
                }
            }
        }
        int count = 0;
        var seen = new HashSet<string>();
        void Recurse(List<(int Z, int N, int L)> tuple)
        {
            if (tuple.Count == order)
            {
                var sorted = tuple.OrderBy(t => t).ToArray();
                var key = string.Join(";", sorted);
                Rational total = 0;
                foreach (var t in sorted)
                {
                    total += (Rational)t.N + new Rational(3, 2) * t.L;
                }
                if (total <= degree && sorted.Sum(t => t.L) % 2 == 0 && seen.Add(key))
                {
                    var labels = sorted.Select(t => new OneParticleLabel(t.Z.ToString(), t.N, t.L)).ToArray();
                    count += CouplingCoefficients.Multiplicity(sorted.Select(t => t.L).ToArray(), Classes(labels));
                }
                return;
            }
            foreach (var label in all)
            {
                if (tuple.Count > 0 && label.CompareTo(tuple[^1]) < 0)
                {
                    continue;
                }
                Rational partial = (Rational)(order - tuple.Count - 1);
                foreach (var t in tuple.Append(label))
                {
                    partial += (Rational)t.N + new Rational(3, 2) * t.L;
                }
                if (partial > degree)
                {
                    continue;
                }
                tuple.Add(label);
                Recurse(tuple);
                tuple.RemoveAt(tuple.Count - 1);
            }
        }
        Recurse([]);
        return count;
    }
}
