using Ace.Core.Basis;
using Ace.Core.Primitives;
using static Ace.Core.Basis.Tests.BasisFixtures;
using static Ace.Core.Basis.Tests.Purification.PurificationFixtures;

namespace Ace.Core.Basis.Tests;

/// <summary>
/// <see cref="AceBasis.EvaluateSiteWithGradients(int, ReadOnlySpan{Vec3}, ReadOnlySpan{int}, Span{double}, ISiteGradientSink, SiteWorkspace)"/>
/// hands over, block by block, exactly the gradients the overload that writes them all computes.
/// </summary>
public class GradientSinkTests
{
    /// <summary>Collects the blocks into one function-major array and records their order.</summary>
    private sealed class CollectingSink(int functions, int neighbours) : ISiteGradientSink
    {
        public Vec3[] Gradients { get; } = new Vec3[functions * neighbours];

        public List<(int First, int Count)> Blocks { get; } = [];

        public void Accept(int firstFunction, int functionCount, ReadOnlySpan<Vec3> gradients)
        {
            Assert.That(gradients.Length, Is.EqualTo(functionCount * neighbours), "block length");
            Blocks.Add((firstFunction, functionCount));
            gradients.CopyTo(Gradients.AsSpan(firstFunction * neighbours));
        }
    }

    private static IEnumerable<TestCaseData> Bases()
    {
        yield return new TestCaseData(AceBasis.Build(SingleElement(12, 10, 8, 6)), 30).SetName("Si, orders 1-4 (several blocks)");
        yield return new TestCaseData(AceBasis.Build(ThreeElements()), 14).SetName("three elements with a pair basis");
        yield return new TestCaseData(Purified(SingleElement(8, 8, 6, 5)), 2).SetName("purified, two neighbours (functions vanish)");
        yield return new TestCaseData(AceBasis.Build(ThreeElements()), 0).SetName("no neighbours");
    }

    [TestCaseSource(nameof(Bases))]
    public void Blocks_cover_every_function_once_in_order_and_equal_the_whole_gradients(AceBasis basis, int neighbours)
    {
        var random = new Random(17);
        var ws = basis.CreateWorkspace();
        for (int center = 0; center < basis.Elements.Count; center++)
        {
            var (d, s) = RandomEnvironment(random, basis, center, neighbours);
            int functions = basis.SiteFunctionCount(center);
            var values = new double[functions];
            var gradients = new Vec3[functions * neighbours];
            basis.EvaluateSiteWithGradients(center, d, s, values, gradients, ws);

            var sinkValues = new double[functions];
            var sink = new CollectingSink(functions, neighbours);
            basis.EvaluateSiteWithGradients(center, d, s, sinkValues, sink, ws);

            Assert.That(sinkValues, Is.EqualTo(values), "values");
            int next = 0;
            foreach (var (first, count) in sink.Blocks)
            {
                Assert.That(first, Is.EqualTo(next), "blocks arrive in order without gaps or overlaps");
                Assert.That(count, Is.GreaterThan(0));
                next = first + count;
            }
            Assert.That(next, Is.EqualTo(functions), "blocks cover every site function");
            Assert.That(sink.Gradients, Is.EqualTo(gradients), "gradients (bitwise)");
        }
    }

    [Test]
    public void A_null_sink_is_refused()
    {
        var basis = AceBasis.Build(SingleElement(6, 5));
        var (d, s) = RandomEnvironment(new Random(1), basis, 0, 3);
        Assert.Throws<ArgumentNullException>(() =>
            basis.EvaluateSiteWithGradients(0, d, s, new double[basis.SiteFunctionCount(0)], (ISiteGradientSink)null!, basis.CreateWorkspace()));
    }
}
