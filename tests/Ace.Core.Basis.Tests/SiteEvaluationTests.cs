using Ace.Core.Primitives;
using Ace.Core.Primitives.Radial;
using Ace.Core.Primitives.Transforms;
using static Ace.Core.Basis.Tests.BasisFixtures;

namespace Ace.Core.Basis.Tests;

/// <summary>
/// One site evaluation fills the center's many-body columns and then the pair columns: the many-body part equals the
/// same basis without a pair basis, the pair part equals 1/2 sum_j J_n(r_j) summed directly.
/// </summary>
public class SiteEvaluationTests
{
    [TestCase(0, 9)]
    [TestCase(2, 20)]
    public void One_call_gives_the_many_body_columns_then_the_pair_columns(int center, int neighbours)
    {
        var pairSpecification = new PairBasisSpecification(4, new TransformedJacobiRadialSpecification(2.0, 5.0, P: 1, Q: 3));
        var basis = AceBasis.Build(ThreeElements(withPairBasis: false) with { PairBasis = pairSpecification });
        var manyBodyOnly = AceBasis.Build(ThreeElements(withPairBasis: false));
        var (d, s) = RandomEnvironment(new Random(5 + center), manyBodyOnly, center, neighbours);
        int manyBody = basis.ColumnRange(center).Count;
        Assert.That(basis.SiteFunctionCount(center), Is.EqualTo(manyBody + basis.PairFunctionCount));
        Assert.That(manyBodyOnly.SiteFunctionCount(center), Is.EqualTo(manyBody));

        var values = new double[basis.SiteFunctionCount(center)];
        var gradients = new Vec3[values.Length * neighbours];
        basis.EvaluateSiteWithGradients(center, d, s, values, gradients, basis.CreateWorkspace(4));
        Assert.That(Values(basis, center, d, s), Is.EqualTo(values), "values alone equal values with gradients");

        // Many-body columns: bit-identical to the basis without a pair basis.
        var expectedValues = new double[manyBody];
        var expectedGradients = new Vec3[manyBody * neighbours];
        manyBodyOnly.EvaluateSiteWithGradients(center, d, s, expectedValues, expectedGradients, manyBodyOnly.CreateWorkspace());
        Assert.That(values[..manyBody], Is.EqualTo(expectedValues));
        Assert.That(gradients[..(manyBody * neighbours)], Is.EqualTo(expectedGradients));

        // Pair columns: 1/2 J_n(r_j) and its gradient 1/2 J_n'(r_j) d_j / r_j, neighbour by neighbour.
        var radial = (TransformedJacobiRadialSpecification)pairSpecification.Radial;
        var jacobi = new TransformedJacobiBasis(new AgnesiTransform(radial.R0, radial.CutoffRadius, radial.P, radial.Q),
            pairSpecification.MaxDegree, radial.PIn, radial.PCut);
        var pairValues = new double[basis.PairFunctionCount];
        var pairGradients = new Vec3[basis.PairFunctionCount * neighbours];
        var j = new double[pairSpecification.MaxDegree];
        var dj = new double[pairSpecification.MaxDegree];
        for (int k = 0; k < neighbours; k++)
        {
            double r = d[k].Norm;
            jacobi.Evaluate(r, j, dj);
            for (int n = 1; n <= pairSpecification.MaxDegree; n++)
            {
                int f = basis.PairColumn(center, s[k], n) - basis.PairColumnRange.Start;
                pairValues[f] += 0.5 * j[n - 1];
                pairGradients[f * neighbours + k] = 0.5 * dj[n - 1] / r * d[k];
            }
        }
        double scale = Math.Max(1, MaxAbs(pairValues));
        Assert.That(values[manyBody..], Is.EqualTo(pairValues).Within(1e-13 * scale));
        for (int f = 0; f < pairValues.Length; f++)
        {
            for (int k = 0; k < neighbours; k++)
            {
                var g = gradients[(manyBody + f) * neighbours + k];
                Assert.That((g - pairGradients[f * neighbours + k]).Norm, Is.LessThanOrEqualTo(1e-13 * scale), $"pair column {f}, neighbour {k}");
            }
        }
    }

    [Test]
    public void Wrong_output_lengths_name_the_expected_site_length()
    {
        var basis = AceBasis.Build(ThreeElements());
        var ws = basis.CreateWorkspace();
        int expected = basis.SiteFunctionCount(1);
        var e = Assert.Throws<ArgumentException>(() => basis.EvaluateSite(1, [new Vec3(1.5, 0, 0)], [0], new double[basis.ColumnRange(1).Count], ws));
        Assert.That(e!.Message, Does.Contain($"expected {expected}"));
        Assert.Throws<ArgumentException>(() => basis.EvaluateSiteWithGradients(1, [new Vec3(1.5, 0, 0)], [0], new double[expected], new Vec3[expected - 1], ws));
    }
}
