using Ace.Core.Basis;
using Ace.Core.Primitives;
using Ace.Core.TestUtilities;
using static Ace.Core.Basis.Tests.BasisFixtures;
using static Ace.Core.Basis.Tests.Purification.PurificationFixtures;

namespace Ace.Core.Basis.Tests.Purification;

/// <summary>Gradients and adjoint forces of purified bases against finite differences.</summary>
public class GradientTests
{
    [TestCase(PurificationKind.Full, false)]
    [TestCase(PurificationKind.Pure2b, false)]
    [TestCase(PurificationKind.Full, true)]
    [TestCase(PurificationKind.Pure2b, true)]
    public void Function_gradients_match_finite_differences(PurificationKind kind, bool fittedRadials)
    {
        var basis = fittedRadials ? RandomlyFitted(TwoElements(5, 6, 5, 4), kind, seed: 33) : Purified(TwoElements(5, 6, 5, 4), kind);
        var random = new Random(31);
        var ws = basis.CreateWorkspace();
        for (int center = 0; center < 2; center++)
        {
            var (d, s) = RandomEnvironment(random, basis, center, 6);
            int count = basis.ColumnRange(center).Count;
            var values = new double[count];
            var gradients = new Vec3[count * d.Length];
            basis.EvaluateSiteWithGradients(center, d, s, values, gradients, ws);
            Assert.That(values, Is.EqualTo(Values(basis, center, d, s, ws)).Within(1e-14).Percent);
            for (int j = 0; j < d.Length; j++)
            {
                for (int axis = 0; axis < 3; axis++)
                {
                    var fd = new double[count];
                    double h = 1e-5;
                    foreach (var (step, weight) in new[] { (-2, 1.0), (-1, -8.0), (1, 8.0), (2, -1.0) })
                    {
                        var moved = (Vec3[])d.Clone();
                        moved[j] = Shift(d[j], axis, step * h);
                        var v = Values(basis, center, moved, s, ws);
                        for (int f = 0; f < count; f++)
                        {
                            fd[f] += weight * v[f] / (12 * h);
                        }
                    }
                    for (int f = 0; f < count; f++)
                    {
                        double analytic = Component(gradients[f * d.Length + j], axis);
                        Assert.That(FiniteDifference.RelativeError(analytic, fd[f], 1.0), Is.LessThan(2e-7),
                            $"{basis.Functions[basis.ColumnRange(center).Start + f]}, neighbour {j}, axis {axis}");
                    }
                }
            }
        }
    }

    [TestCase(PurificationKind.Full, false)]
    [TestCase(PurificationKind.Pure2b, false)]
    [TestCase(PurificationKind.Full, true)]
    [TestCase(PurificationKind.Pure2b, true)]
    public void Adjoint_forces_match_finite_differences_of_the_site_energy(PurificationKind kind, bool fittedRadials)
    {
        var basis = fittedRadials ? RandomlyFitted(SingleElement(8, 8, 6, 5), kind, seed: 43) : Purified(SingleElement(8, 8, 6, 5), kind);
        var random = new Random(41);
        var coefficients = Enumerable.Range(0, basis.FunctionCount).Select(_ => random.NextDouble() - 0.5).ToArray();
        var model = basis.CreateEnergyModel(coefficients);
        var ws = basis.CreateWorkspace();
        var (d, s) = RandomEnvironment(random, basis, 0, 9);
        var dE = new Vec3[d.Length];
        double energy = model.EvaluateSiteEnergy(0, d, s, dE, ws);
        var values = Values(basis, 0, d, s, ws);
        Assert.That(energy, Is.EqualTo(values.Select((v, f) => v * coefficients[f]).Sum()).Within(1e-10 * Math.Max(1, Math.Abs(energy))));
        for (int j = 0; j < d.Length; j++)
        {
            for (int axis = 0; axis < 3; axis++)
            {
                double fd = FiniteDifference.Derivative(x =>
                {
                    var moved = (Vec3[])d.Clone();
                    moved[j] = Shift(d[j], axis, x);
                    return model.EvaluateSiteEnergy(0, moved, s, ws);
                }, 0.0);
                Assert.That(FiniteDifference.RelativeError(Component(dE[j], axis), fd, 1.0), Is.LessThan(2e-7), $"neighbour {j}, axis {axis}");
            }
        }
    }

    private static Vec3 Shift(Vec3 v, int axis, double h) => axis switch
    {
        0 => new Vec3(v.X + h, v.Y, v.Z),
        1 => new Vec3(v.X, v.Y + h, v.Z),
        _ => new Vec3(v.X, v.Y, v.Z + h),
    };

    private static double Component(Vec3 v, int axis) => axis switch { 0 => v.X, 1 => v.Y, _ => v.Z };
}
