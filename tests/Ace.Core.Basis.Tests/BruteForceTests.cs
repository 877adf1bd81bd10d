using Ace.Core.Primitives;
using Ace.Core.Primitives.Angular;
using Ace.Core.Primitives.Radial;
using Ace.Core.Primitives.Transforms;
using static Ace.Core.Basis.Tests.BasisFixtures;

namespace Ace.Core.Basis.Tests;

/// <summary>Compares B with a direct sum over neighbour tuples of prod phi, coupled with the coupling coefficients.</summary>
public class BruteForceTests
{
    [Test]
    public void Values_equal_the_direct_sum_over_neighbour_tuples()
    {
        var spec = new AceBasisSpecification(["Si", "C"], new TransformedJacobiRadialSpecification(2.0, 4.5), 3,
            new TotalDegreeSelection([4, 5, 4]));
        var basis = AceBasis.Build(spec);
        const int center = 1;
        var (d, s) = RandomEnvironment(new Random(17), basis, center, 5);
        var values = Values(basis, center, d, s);
        var range = basis.ColumnRange(center);
        int maxN = basis.Functions.Max(f => f.OneParticleLabels.Max(p => p.N));
        var radial = new TransformedJacobiBasis(new AgnesiTransform(2.0, 4.5), maxN);
        double Phi(OneParticleLabel label, int m, int j)
        {
            if (basis.Elements[s[j]] != label.Element)
            {
                return 0;
            }
            var r = new double[maxN];
            radial.Evaluate(d[j].Norm, r, new double[maxN]);
            var y = new double[RealSphericalHarmonics.Count(label.L)];
            RealSphericalHarmonics.Evaluate(label.L, d[j].X, d[j].Y, d[j].Z, y);
            return r[label.N - 1] * y[RealSphericalHarmonics.Index(label.L, m)];
        }
        for (int f = 0; f < range.Count; f++)
        {
            var label = basis.Functions[range.Start + f];
            var labels = label.OneParticleLabels;
            int nu = labels.Count;
            var block = Coupling(labels);
            double expected = 0;
            for (int mt = 0; mt < block.MTupleCount; mt++)
            {
                var m = block.MTuple(mt).ToArray();
                // sum over all neighbour tuples (j_1 .. j_nu) of prod_t phi_t(r_{j_t})
                double product = 0;
                int tuples = (int)Math.Pow(d.Length, nu);
                for (int code = 0; code < tuples; code++)
                {
                    double p = 1;
                    int rest = code;
                    for (int t = 0; t < nu && p != 0; t++)
                    {
                        p *= Phi(labels[t], m[t], rest % d.Length);
                        rest /= d.Length;
                    }
                    product += p;
                }
                expected += block.Coefficient(label.IndexInBlock, mt) * product;
            }
            Assert.That(values[f], Is.EqualTo(expected).Within(1e-11 * Math.Max(1, Math.Abs(expected))), label.ToString());
        }
    }
}
