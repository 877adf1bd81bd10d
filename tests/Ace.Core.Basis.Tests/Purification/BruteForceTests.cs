using Ace.Core.Basis;
using static Ace.Core.Basis.Tests.BasisFixtures;
using static Ace.Core.Basis.Tests.Purification.PurificationFixtures;

namespace Ace.Core.Basis.Tests.Purification;

/// <summary>Purified functions against direct sums over pairwise distinct neighbours (no basis machinery involved).</summary>
public class BruteForceTests
{
    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData(SingleElement(6, 6, 5, 5), 0, new[] { 2, 3, 4, 5, 7 }).SetName("Si, orders 1-4");
        yield return new TestCaseData(TwoElements(4, 5, 4, 4), 1, new[] { 2, 4, 6 }).SetName("Si+C, orders 1-4, C center");
        yield return new TestCaseData(TwoElements(4, 5, 4, 4), 0, new[] { 3, 7 }).SetName("Si+C, orders 1-4, Si center");
    }

    [TestCaseSource(nameof(Cases))]
    public void Pure_functions_equal_sums_over_distinct_neighbours(AceBasisSpecification spec, int center, int[] clusterSizes)
    {
        var basis = Purified(spec);
        var random = new Random(11 + center);
        var range = basis.ColumnRange(center);
        Assert.That(basis.FunctionsOfOrder(4).Count(), Is.GreaterThan(0), "the case must include order 4");
        foreach (int size in clusterSizes)
        {
            var (d, s) = RandomEnvironment(random, basis, center, size);
            var values = Values(basis, center, d, s);
            for (int f = 0; f < range.Count; f++)
            {
                var label = basis.Functions[range.Start + f];
                double expected = BruteForce(spec, label, d, s, basis.Elements, DistinctTuples);
                Assert.That(values[f], Is.EqualTo(expected).Within(1e-10 * Math.Max(1, Math.Abs(expected))), $"{label} on {size} neighbours");
            }
        }
    }

    [Test]
    public void Pure2b_removes_exactly_the_diagonal_self_term_of_every_same_element_function()
    {
        var spec = TwoElements(4, 5, 4, 4);
        var basis = Purified(spec, PurificationKind.Pure2b);
        var original = AceBasis.Build(spec);
        const int center = 0;
        var (d, s) = RandomEnvironment(new Random(5), basis, center, 5);
        var values = Values(basis, center, d, s);
        var ordinary = Values(original, center, d, s);
        var range = basis.ColumnRange(center);
        int corrected = 0;
        for (int f = 0; f < range.Count; f++)
        {
            var label = basis.Functions[range.Start + f];
            var p = label.OneParticleLabels;
            bool diagonal = p.Count >= 2 && p.All(x => x.Element == p[0].Element);
            double expected = ordinary[f];
            if (diagonal)
            {
                expected -= BruteForce(spec, label, d, s, basis.Elements, DiagonalTuples);
                corrected++;
            }
            Assert.That(values[f], Is.EqualTo(expected).Within(1e-10 * Math.Max(1, Math.Abs(expected))), label.ToString());
        }
        Assert.That(corrected, Is.GreaterThan(5));
    }
}
