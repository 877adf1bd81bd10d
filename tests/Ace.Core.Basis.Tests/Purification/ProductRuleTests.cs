using Ace.Core.Basis.Purification.Expansion;
using Ace.Core.Primitives.Angular;
using Ace.Core.Primitives.Radial;
using Ace.Core.Primitives.Transforms;
using Ace.Core.TestUtilities;

namespace Ace.Core.Basis.Tests.Purification;

/// <summary>The building blocks: products at one neighbour and the partition weights.</summary>
public class ProductRuleTests
{
    [Test]
    public void Radial_products_expand_exactly()
    {
        var family = new TransformedJacobiBasis(new AgnesiTransform(2.35, 5.0), 1, pIn: 2, pCut: 3);
        var table = new RadialProductTable(family);
        int[] indices = [0, 2, 3, 5];
        var expansion = table.Product(indices);
        var wide = family.WithCount(expansion.Indices.Max() + 1);
        var values = new double[wide.Count];
        foreach (double r in new[] { 0.4, 1.7, 2.35, 3.9, 4.8 })
        {
            wide.Evaluate(r, values, new double[wide.Count]);
            double direct = indices.Aggregate(1.0, (p, i) => p * values[i]);
            double sum = expansion.Indices.Select((k, i) => expansion.Values[i] * values[k]).Sum();
            Assert.That(sum, Is.EqualTo(direct).Within(1e-12 * Math.Max(1, Math.Abs(direct))), $"r = {r}");
        }
        Assert.That(expansion.Indices.Max(), Is.LessThanOrEqualTo(indices.Sum() + 3 * (2 + 3)), "index bound n1 + n2 + p_in + p_cut per product");
    }

    [Test]
    public void Angular_products_expand_exactly_with_real_Gaunt_coefficients()
    {
        var table = new AngularProductTable();
        (int L, int M)[] factors = [(1, -1), (2, 1), (2, 2), (3, -2)];
        var expansion = table.Product(factors);
        int lMax = expansion.L.Max();
        Assert.That(lMax, Is.LessThanOrEqualTo(8));
        var random = new Random(3);
        for (int trial = 0; trial < 5; trial++)
        {
            var (x, y, z) = RandomGeometry.PointInShell(random, 1, 1.0001);
            var values = new double[RealSphericalHarmonics.Count(lMax)];
            RealSphericalHarmonics.Evaluate(lMax, x, y, z, values);
            double direct = factors.Aggregate(1.0, (p, f) => p * values[RealSphericalHarmonics.Index(f.L, f.M)]);
            double sum = 0;
            for (int i = 0; i < expansion.Count; i++)
            {
                sum += expansion.Value[i] * values[RealSphericalHarmonics.Index(expansion.L[i], expansion.M[i])];
            }
            Assert.That(sum, Is.EqualTo(direct).Within(1e-13));
        }
    }

    [Test]
    public void Set_partitions_number_the_Bell_numbers_and_their_Moebius_weights_sum_to_zero()
    {
        int[] bell = [1, 2, 5, 15, 52, 203];
        for (int n = 1; n <= 6; n++)
        {
            var all = SetPartition.All(n);
            Assert.That(all, Has.Count.EqualTo(bell[n - 1]));
            Assert.That(all[0].IsFinest && all[0].MoebiusWeight == 1);
            // sum over distinct tuples of 1 on a single neighbour: 1 for n = 1, 0 otherwise
            Assert.That(all.Sum(p => p.MoebiusWeight), Is.EqualTo(n == 1 ? 1 : 0));
            // on k neighbours: k (k-1) ... (k-n+1) distinct tuples = sum_P mu(P) k^{#blocks}
            const int k = 7;
            double falling = Enumerable.Range(0, n).Aggregate(1.0, (p, i) => p * (k - i));
            Assert.That(all.Sum(p => p.MoebiusWeight * Math.Pow(k, p.Blocks.Length)), Is.EqualTo(falling));
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => SetPartition.All(7));
    }
}
