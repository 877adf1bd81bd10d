using Ace.Core.Basis;
using MathNet.Numerics.LinearAlgebra;
using static Ace.Core.Basis.Tests.BasisFixtures;
using static Ace.Core.Basis.Tests.Purification.PurificationFixtures;

namespace Ace.Core.Basis.Tests.Purification;

/// <summary>Column count and labels are kept; with enough degree in the lower orders the pure basis spans the same space.</summary>
public class SpanTests
{
    [TestCase(PurificationKind.Full)]
    [TestCase(PurificationKind.Pure2b)]
    public void Purified_basis_keeps_the_columns_and_labels(PurificationKind kind)
    {
        var spec = TwoElements(5, 6, 5, 4) with
        {
            PairBasis = new PairBasisSpecification(3, new TransformedJacobiRadialSpecification(2.0, 4.5, P: 1, Q: 3)),
        };
        var original = AceBasis.Build(spec);
        var pure = Purified(spec, kind);
        Assert.That(pure.FunctionCount, Is.EqualTo(original.FunctionCount));
        Assert.That(pure.Functions.Select(f => (f.Column, f.ToString())), Is.EqualTo(original.Functions.Select(f => (f.Column, f.ToString()))));
        Assert.That(pure.IsPurified && !original.IsPurified);
        Assert.That(pure.Purification, Is.EqualTo(new PurificationOptions(kind)));
        for (int c = 0; c < 2; c++)
        {
            Assert.That(pure.ColumnRange(c), Is.EqualTo(original.ColumnRange(c)));
        }
        Assert.That(pure.PairColumnRange, Is.EqualTo(original.PairColumnRange));
    }

    [Test]
    public void Removing_order_one_drops_those_columns_and_renumbers_the_rest()
    {
        var spec = TwoElements(5, 6, 5) with
        {
            PairBasis = new PairBasisSpecification(3, new TransformedJacobiRadialSpecification(2.0, 4.5, P: 1, Q: 3)),
        };
        var original = AceBasis.Build(spec);
        var pure = Purified(spec, remove: 1);
        var kept = original.Functions.Where(f => f.Kind == BasisFunctionKind.Pair || f.CorrelationOrder > 1).ToArray();
        Assert.That(pure.FunctionCount, Is.EqualTo(kept.Length));
        Assert.That(pure.Functions.Select(f => f.ToString()), Is.EqualTo(kept.Select(f => f.ToString())));
        Assert.That(pure.Functions.Select(f => f.Column), Is.EqualTo(Enumerable.Range(0, kept.Length)));
        // the pair basis is untouched: same values in its new columns
        var (d, s) = RandomEnvironment(new Random(6), pure, 0, 5);
        var a = Values(original, 0, d, s)[original.ColumnRange(0).Count..];
        var b = Values(pure, 0, d, s)[pure.ColumnRange(0).Count..];
        Assert.That(b, Has.Length.EqualTo(original.PairFunctionCount));
        Assert.That(b, Is.EqualTo(a));
        Assert.That(pure.PairColumn(0, 1, 2), Is.EqualTo(original.PairColumn(0, 1, 2) - original.CountByOrder(1)));
    }

    private static IEnumerable<TestCaseData> SufficientDegree()
    {
        // D_mu >= D_nu + (nu - mu)(p_in + p_cut) for mu < nu (ace-math.md section 5).
        yield return new TestCaseData(SingleElement(16, 12, 8, 5)).SetName("Si, D = 16, 12, 8, 5");
        yield return new TestCaseData(TwoElements(12, 8, 4)).SetName("Si+C, D = 12, 8, 4");
    }

    [TestCaseSource(nameof(SufficientDegree))]
    public void With_enough_lower_order_degree_pure_and_self_interacting_bases_span_the_same_space(AceBasisSpecification spec)
    {
        var original = AceBasis.Build(spec);
        var pure = Purified(spec);
        for (int center = 0; center < original.Elements.Count; center++)
        {
            var (o, p) = DesignRows(original, pure, center, new Random(100 + center));
            int rankO = Rank(o), rankP = Rank(p), rankJoint = Rank(o.Append(p));
            Assert.That(rankO, Is.EqualTo(o.ColumnCount), "the original functions are independent on these environments");
            Assert.That(rankP, Is.EqualTo(rankO), "pure functions are independent");
            Assert.That(rankJoint, Is.EqualTo(rankO), "the pure functions lie in the span of the original ones");
        }
    }

    [Test]
    public void Without_enough_lower_order_degree_the_spans_differ()
    {
        // The control: order 1 and 2 too small for the products that order 3 collapses into.
        var spec = SingleElement(5, 7, 7);
        var original = AceBasis.Build(spec);
        var (o, p) = DesignRows(original, Purified(spec), 0, new Random(7));
        Assert.That(Rank(o.Append(p)), Is.GreaterThan(Rank(o)));
    }

    /// <summary>Values of both bases on random environments of 3 .. 12 neighbours, three environments per function.</summary>
    internal static (Matrix<double> Original, Matrix<double> Pure) DesignRows(AceBasis original, AceBasis pure, int center, Random random,
        int rowsPerFunction = 3)
    {
        int count = original.ColumnRange(center).Count;
        int rows = rowsPerFunction * count + 20;
        var o = Matrix<double>.Build.Dense(rows, count);
        var p = Matrix<double>.Build.Dense(rows, pure.ColumnRange(center).Count);
        var wo = original.CreateWorkspace();
        var wp = pure.CreateWorkspace();
        for (int i = 0; i < rows; i++)
        {
            var (d, s) = RandomEnvironment(random, original, center, random.Next(3, 13));
            o.SetRow(i, Values(original, center, d, s, wo));
            p.SetRow(i, Values(pure, center, d, s, wp));
        }
        return (o, p);
    }

    /// <summary>The numerical rank after scaling every column to unit norm (relative singular-value tolerance 1e-9).</summary>
    internal static int Rank(Matrix<double> a)
    {
        var scaled = a.Clone();
        for (int c = 0; c < scaled.ColumnCount; c++)
        {
            double norm = scaled.Column(c).L2Norm();
            if (norm > 0)
            {
                scaled.SetColumn(c, scaled.Column(c) / norm);
            }
        }
        var sv = scaled.Svd(computeVectors: false).S;
        return sv.Count(x => x > 1e-9 * sv[0]);
    }
}
