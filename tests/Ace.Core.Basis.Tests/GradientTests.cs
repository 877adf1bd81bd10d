using Ace.Core.Primitives;
using static Ace.Core.Basis.Tests.BasisFixtures;

namespace Ace.Core.Basis.Tests;

public class GradientTests
{
    private const double H = 1e-5;

    /// <summary>Fourth-order central differences of a vector function of the displacements, for every neighbour and axis.</summary>
    private static double[,] FiniteDifferences(Func<Vec3[], double[]> f, Vec3[] d, int outputs)
    {
        var result = new double[outputs, d.Length * 3];
        for (int j = 0; j < d.Length; j++)
        {
            for (int axis = 0; axis < 3; axis++)
            {
                double[] At(double step)
                {
                    var moved = (Vec3[])d.Clone();
                    var delta = axis switch { 0 => new Vec3(step, 0, 0), 1 => new Vec3(0, step, 0), _ => new Vec3(0, 0, step) };
                    moved[j] = d[j] + delta;
                    return f(moved);
                }
                var m2 = At(-2 * H);
                var m1 = At(-H);
                var p1 = At(H);
                var p2 = At(2 * H);
                for (int o = 0; o < outputs; o++)
                {
                    result[o, j * 3 + axis] = (m2[o] - 8 * m1[o] + 8 * p1[o] - p2[o]) / (12 * H);
                }
            }
        }
        return result;
    }

    private static IEnumerable<TestCaseData> Sites()
    {
        yield return new TestCaseData(SingleElement(5, 7, 6, 5), 0, 7).SetName("Si orders 1-4, 7 neighbours");
        yield return new TestCaseData(SingleElement(5, 7, 6, 5), 0, 35).SetName("Si orders 1-4, 35 neighbours (two full neighbour blocks and a partial one)");
        yield return new TestCaseData(ThreeElements(withPairBasis: false), 0, 20).SetName("Si-C-O Si center, 20 neighbours (two chunks)");
        yield return new TestCaseData(ThreeElements(withPairBasis: false), 1, 6).SetName("Si-C-O C center, 6 neighbours");
    }

    [TestCaseSource(nameof(Sites))]
    public void Many_body_gradients_agree_with_finite_differences(AceBasisSpecification spec, int center, int neighbours)
    {
        var basis = AceBasis.Build(spec);
        var ws = basis.CreateWorkspace(4);
        var (d, s) = RandomEnvironment(new Random(31 + center), basis, center, neighbours);
        int nf = basis.ColumnRange(center).Count;
        var values = new double[nf];
        var gradients = new Vec3[nf * neighbours];
        basis.EvaluateSiteWithGradients(center, d, s, values, gradients, ws);
        Assert.That(values, Is.EqualTo(Values(basis, center, d, s, ws)).Within(1e-14 * Math.Max(1, MaxAbs(values))));
        var fd = FiniteDifferences(moved => Values(basis, center, moved, s, ws), d, nf);
        for (int f = 0; f < nf; f++)
        {
            double scale = Math.Max(Enumerable.Range(0, neighbours).Max(j => gradients[f * neighbours + j].Norm), 1e-6);
            for (int j = 0; j < neighbours; j++)
            {
                for (int axis = 0; axis < 3; axis++)
                {
                    Assert.That(gradients[f * neighbours + j][axis], Is.EqualTo(fd[f, j * 3 + axis]).Within(1e-7 * scale),
                        $"{basis.Functions[basis.ColumnRange(center).Start + f]}, neighbour {j}, axis {axis}");
                }
            }
        }
    }

    [TestCaseSource(nameof(Sites))]
    public void Adjoint_forces_equal_the_coefficient_weighted_gradients_and_finite_differences(AceBasisSpecification spec, int center, int neighbours)
    {
        var basis = AceBasis.Build(spec with { PairBasis = new PairBasisSpecification(3, new TransformedJacobiRadialSpecification(2.0, 5.0, P: 1, Q: 3)) });
        var random = new Random(41 + center);
        var coefficients = Enumerable.Range(0, basis.FunctionCount).Select(_ => random.NextDouble() - 0.5).ToArray();
        var model = basis.CreateEnergyModel(coefficients);
        var ws = basis.CreateWorkspace();
        var (d, s) = RandomEnvironment(random, basis, center, neighbours);
        var dE = new Vec3[neighbours];
        double energy = model.EvaluateSiteEnergy(center, d, s, dE, ws);
        Assert.That(model.EvaluateSiteEnergy(center, d, s, ws), Is.EqualTo(energy).Within(1e-14 * Math.Abs(energy)));

        // Reference: sum_f c_f B_f and sum_f c_f grad B_f from the design-matrix path, many-body and pair columns.
        var range = basis.ColumnRange(center);
        var pairRange = basis.PairColumnRange;
        var values = new double[basis.SiteFunctionCount(center)];
        var gradients = new Vec3[values.Length * neighbours];
        basis.EvaluateSiteWithGradients(center, d, s, values, gradients, ws);
        double expected = 0;
        var expectedForces = new Vec3[neighbours];
        for (int f = 0; f < values.Length; f++)
        {
            double c = coefficients[f < range.Count ? range.Start + f : pairRange.Start + f - range.Count];
            expected += c * values[f];
            for (int j = 0; j < neighbours; j++)
            {
                expectedForces[j] += c * gradients[f * neighbours + j];
            }
        }
        Assert.That(energy, Is.EqualTo(expected).Within(1e-12 * Math.Max(1, Math.Abs(expected))));
        double forceScale = Math.Max(expectedForces.Max(v => v.Norm), 1e-8);
        var fd = FiniteDifferences(moved => [model.EvaluateSiteEnergy(center, moved, s, ws)], d, 1);
        for (int j = 0; j < neighbours; j++)
        {
            for (int axis = 0; axis < 3; axis++)
            {
                Assert.That(dE[j][axis], Is.EqualTo(expectedForces[j][axis]).Within(1e-12 * forceScale), $"neighbour {j}, axis {axis}");
                Assert.That(dE[j][axis], Is.EqualTo(fd[0, j * 3 + axis]).Within(1e-7 * forceScale), $"FD, neighbour {j}, axis {axis}");
            }
        }
    }

    [Test]
    public void Pair_basis_values_and_gradients_agree_with_finite_differences()
    {
        var basis = AceBasis.Build(ThreeElements());
        var ws = basis.CreateWorkspace();
        var (d, s) = RandomEnvironment(new Random(3), basis, 2, 8);
        var range = basis.PairColumnRange;
        int manyBody = basis.ColumnRange(2).Count;
        var site = new double[basis.SiteFunctionCount(2)];
        var siteGradients = new Vec3[site.Length * d.Length];
        basis.EvaluateSiteWithGradients(2, d, s, site, siteGradients, ws);
        var values = site[manyBody..];
        var gradients = siteGradients[(manyBody * d.Length)..];
        double[] PairValues(Vec3[] moved) => Values(basis, 2, moved, s, ws)[manyBody..];
        var fd = FiniteDifferences(PairValues, d, range.Count);
        double scale = gradients.Max(g => g.Norm);
        for (int f = 0; f < range.Count; f++)
        {
            for (int j = 0; j < d.Length; j++)
            {
                for (int axis = 0; axis < 3; axis++)
                {
                    Assert.That(gradients[f * d.Length + j][axis], Is.EqualTo(fd[f, j * 3 + axis]).Within(1e-7 * scale));
                }
            }
        }
        // Only pairs with the O center (species 2) are non-zero.
        for (int a = 0; a < 3; a++)
        {
            for (int b = a; b < 3; b++)
            {
                double sum = Enumerable.Range(1, 4).Sum(n => Math.Abs(values[basis.PairColumn(a, b, n) - range.Start]));
                Assert.That(sum > 0, Is.EqualTo(a == 2 || b == 2), $"pair {a}-{b}");
            }
        }
    }
}
