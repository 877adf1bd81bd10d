using Ace.Core.Basis;
using Ace.Core.Primitives;
using Ace.Core.Primitives.Radial;
using Ace.Core.TestUtilities;

namespace Ace.Core.Basis.Tests;

/// <summary>Fitted radial functions R_{z z' n l} = sum_k W g_k: the delta start, invariance, forces and the parameter gradient.</summary>
public class FittedRadialTests
{
    private static AceBasisSpecification TwoElements(RadialBasisSpecification radial) => new(
        ["Si", "C"], radial, 3, new MaxLabelSelection([6, 3, 2], [0, 2, 2]),
        PairBasis: new PairBasisSpecification(3, new TransformedJacobiRadialSpecification(2.0, 5.0, P: 1, Q: 3)));

    private static AceBasisSpecification Fitted(int primitiveCount, IReadOnlyList<RadialChannelCoefficients>? rows = null) =>
        TwoElements(new FittedRadialSpecification(new ChebExpCosRadialSpecification(5.0), primitiveCount, rows));

    [TestCase(false)]
    [TestCase(true)]
    public void TheDeltaStartReproducesTheFixedBasisBitwise(bool chebExpCos)
    {
        RadialBasisSpecification primitive = chebExpCos ? new ChebExpCosRadialSpecification(5.0) : new TransformedJacobiRadialSpecification(2.0, 5.0);
        var fixedBasis = AceBasis.Build(TwoElements(primitive));
        var fitted = AceBasis.Build(TwoElements(new FittedRadialSpecification(primitive, 8)));
        Assert.That(fitted.FunctionCount, Is.EqualTo(fixedBasis.FunctionCount));
        Assert.That(fitted.Functions.Select(f => f.ToString()), Is.EqualTo(fixedBasis.Functions.Select(f => f.ToString())));
        var random = new Random(3);
        for (int center = 0; center < 2; center++)
        {
            var (d, s) = BasisFixtures.RandomEnvironment(random, fixedBasis, center, 11);
            int n = fixedBasis.SiteFunctionCount(center);
            var (v1, g1) = (new double[n], new Vec3[n * d.Length]);
            var (v2, g2) = (new double[n], new Vec3[n * d.Length]);
            fixedBasis.EvaluateSiteWithGradients(center, d, s, v1, g1, fixedBasis.CreateWorkspace());
            fitted.EvaluateSiteWithGradients(center, d, s, v2, g2, fitted.CreateWorkspace());
            Assert.That(v2, Is.EqualTo(v1));
            Assert.That(g2, Is.EqualTo(g1));
        }
    }

    [Test]
    public void ParametersRoundTripThroughTheSpecification()
    {
        var basis = AceBasis.Build(Fitted(7));
        var parameters = basis.FittedRadialParameters!;
        Assert.That(parameters.Count, Is.EqualTo(parameters.Blocks.Count * 7));
        var random = new Random(5);
        var w = parameters.Values().Select(x => x + 0.1 * (random.NextDouble() - 0.5)).ToArray();
        var again = AceBasis.Build(parameters.Specification(w));
        Assert.That(again.FittedRadialParameters!.Values(), Is.EqualTo(w));
        Assert.That(again.FittedRadialParameters.Blocks, Is.EqualTo(parameters.Blocks));
        Assert.That(AceBasis.Build(TwoElements(new ChebExpCosRadialSpecification(5.0))).FittedRadialParameters, Is.Null);
    }

    [Test]
    public void ARadialLabelBeyondThePrimitiveCountNeedsCoefficients()
    {
        var e = Assert.Throws<ArgumentException>(() => AceBasis.Build(Fitted(5)))!;
        Assert.That(e.Message, Does.Contain("n = 6").And.Contain("5 primitive functions"));
        var rows = new[] { "Si", "C" }.SelectMany(a => new[] { "Si", "C" }.Select(b => new RadialChannelCoefficients(a, b, 6, 0, [0.1, 0.2, 0.3, 0.4, 0.5])));
        Assert.That(AceBasis.Build(Fitted(5, rows.ToArray())).FunctionCount, Is.GreaterThan(0));
    }

    [Test]
    public void BadCoefficientRowsAreRejectedWithTheChannel()
    {
        var e = Assert.Throws<ArgumentException>(() => AceBasis.Build(Fitted(5, [new RadialChannelCoefficients("Si", "C", 2, 1, [1.0, 2.0])])))!;
        Assert.That(e.Message, Does.Contain("Si-C (n = 2, l = 1)").And.Contain("expected one per primitive function (5)"));
        var pair = Fitted(8) with { PairBasis = new PairBasisSpecification(3, new FittedRadialSpecification(new ChebExpCosRadialSpecification(5.0), 3)) };
        Assert.That(() => AceBasis.Build(pair), Throws.ArgumentException.With.Message.Contains("pair basis needs a fixed radial family"));
    }

    private static (AceBasis Basis, double[] Coefficients) RandomFittedModel(int seed, PurificationKind? purification = null)
    {
        var random = new Random(seed);
        var start = AceBasis.Build(Fitted(8) with { Purification = purification is { } kind ? new PurificationOptions(kind) : null });
        var w = start.FittedRadialParameters!.Values().Select(x => x + 0.3 * (random.NextDouble() - 0.5)).ToArray();
        var basis = AceBasis.Build(start.FittedRadialParameters.Specification(w));
        var c = Enumerable.Range(0, basis.FunctionCount).Select(_ => random.NextDouble() - 0.5).ToArray();
        return (basis, c);
    }

    [Test]
    public void ForcesAreFiniteDifferenceDerivativesAndTheEnergyIsInvariant()
    {
        var (basis, c) = RandomFittedModel(7);
        var model = basis.CreateEnergyModel(c);
        var ws = basis.CreateWorkspace();
        var random = new Random(8);
        var (d, s) = BasisFixtures.RandomEnvironment(random, basis, 1, 9);
        var gradient = new Vec3[d.Length];
        double e = model.EvaluateSiteEnergy(1, d, s, gradient, ws);
        var q = RandomGeometry.Rotation(random);
        var rotated = d.Select(v => BasisFixtures.Apply(q, v)).ToArray();
        Assert.That(model.EvaluateSiteEnergy(1, rotated, s, ws), Is.EqualTo(e).Within(1e-11 * Math.Max(1, Math.Abs(e))));
        for (int j = 0; j < d.Length; j++)
        {
            for (int axis = 0; axis < 3; axis++)
            {
                double Energy(double x)
                {
                    var shifted = (Vec3[])d.Clone();
                    var v = shifted[j];
                    shifted[j] = axis == 0 ? new Vec3(x, v.Y, v.Z) : axis == 1 ? new Vec3(v.X, x, v.Z) : new Vec3(v.X, v.Y, x);
                    return model.EvaluateSiteEnergy(1, shifted, s, ws);
                }
                double x0 = axis == 0 ? d[j].X : axis == 1 ? d[j].Y : d[j].Z;
                double analytic = axis == 0 ? gradient[j].X : axis == 1 ? gradient[j].Y : gradient[j].Z;
                Assert.That(FiniteDifference.RelativeError(analytic, FiniteDifference.Derivative(Energy, x0)), Is.LessThan(1e-6), $"neighbour {j} axis {axis}");
            }
        }
    }

    [TestCase(null)]
    [TestCase(PurificationKind.Pure2b)]
    [TestCase(PurificationKind.Full)]
    public void TheParameterGradientMatchesFiniteDifferences(PurificationKind? purification)
    {
        var (basis, c) = RandomFittedModel(11, purification);
        var parameters = basis.FittedRadialParameters!;
        var w = parameters.Values();
        var random = new Random(12);
        const int center = 0;
        var (d, s) = BasisFixtures.RandomEnvironment(random, basis, center, 10);
        var directions = d.Select(_ => new Vec3(random.NextDouble() - 0.5, random.NextDouble() - 0.5, random.NextDouble() - 0.5)).ToArray();
        const double a = 0.7;

        double Lambda(AceBasis b, double[] coefficients)
        {
            var m = b.CreateEnergyModel(coefficients);
            var g = new Vec3[d.Length];
            double e = m.EvaluateSiteEnergy(center, d, s, g, b.CreateWorkspace());
            double sum = a * e;
            for (int j = 0; j < d.Length; j++)
            {
                sum += directions[j].X * g[j].X + directions[j].Y * g[j].Y + directions[j].Z * g[j].Z;
            }
            return sum;
        }

        var coefficientGradient = new double[basis.FunctionCount];
        var radialGradient = new double[parameters.Count];
        double energy = basis.CreateEnergyModel(c).AccumulateParameterGradient(center, d, s, a, directions, coefficientGradient, radialGradient, basis.CreateWorkspace());
        Assert.That(energy, Is.EqualTo(basis.CreateEnergyModel(c).EvaluateSiteEnergy(center, d, s, basis.CreateWorkspace())).Within(1e-12));

        // The functional is linear in c: central differences are exact up to rounding.
        foreach (int f in Enumerable.Range(0, basis.FunctionCount).Where(f => f % 7 == 0 || f >= basis.PairColumnRange.Start))
        {
            double Of(double x)
            {
                var shifted = (double[])c.Clone();
                shifted[f] = x;
                return Lambda(basis, shifted);
            }
            Assert.That(FiniteDifference.RelativeError(coefficientGradient[f], FiniteDifference.Derivative(Of, c[f], 1e-3)), Is.LessThan(1e-7), $"coefficient {f}");
        }
        int checkedRadial = 0;
        for (int i = 0; i < parameters.Count; i += 5)
        {
            double Of(double x)
            {
                var shifted = (double[])w.Clone();
                shifted[i] = x;
                return Lambda(AceBasis.Build(parameters.Specification(shifted)), c);
            }
            Assert.That(FiniteDifference.RelativeError(radialGradient[i], FiniteDifference.Derivative(Of, w[i], 1e-5)), Is.LessThan(1e-6), $"radial parameter {i}");
            checkedRadial++;
        }
        Assert.That(radialGradient.Count(x => x != 0), Is.GreaterThan(parameters.Count / 4));
        Assert.That(checkedRadial, Is.GreaterThan(10));
    }
}
