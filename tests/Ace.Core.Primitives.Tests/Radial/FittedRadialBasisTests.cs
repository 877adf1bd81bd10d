using Ace.Core.Primitives.Radial;
using Ace.Core.Primitives.Transforms;

namespace Ace.Core.Primitives.Tests.Radial;

public class FittedRadialBasisTests
{
    private static readonly ChebExpCosBasis Primitive = new(new ScaledExponentialTransform(5.25, 5.0), 6);

    private static double[] RandomCoefficients(int rows, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, rows * Primitive.Count).Select(_ => random.NextDouble() - 0.5).ToArray();
    }

    [Test]
    public void EachRowIsItsCombinationOfThePrimitiveFunctions()
    {
        var w = RandomCoefficients(4, 1);
        var fitted = new FittedRadialBasis(Primitive, w);
        Assert.That(fitted.Count, Is.EqualTo(4));
        Assert.That(fitted.Cutoff, Is.EqualTo(Primitive.Cutoff));
        double[] r = [0.0, 0.7, 1.9, 3.3, 4.999, 5.0, 7.5];
        var values = new double[4 * r.Length];
        var derivatives = new double[4 * r.Length];
        fitted.Evaluate(r, values, derivatives);
        var g = new double[Primitive.Count];
        var dg = new double[Primitive.Count];
        var single = new double[4];
        var singleDerivative = new double[4];
        for (int j = 0; j < r.Length; j++)
        {
            Primitive.Evaluate(r[j], g, dg);
            fitted.Evaluate(r[j], single, singleDerivative);
            for (int row = 0; row < 4; row++)
            {
                double v = 0, d = 0;
                for (int k = 0; k < Primitive.Count; k++)
                {
                    v += w[row * Primitive.Count + k] * g[k];
                    d += w[row * Primitive.Count + k] * dg[k];
                }
                Assert.That(values[row * r.Length + j], Is.EqualTo(v).Within(1e-14), $"row {row}, r = {r[j]}");
                Assert.That(derivatives[row * r.Length + j], Is.EqualTo(d).Within(1e-13), $"row {row}, r = {r[j]}");
                Assert.That(single[row], Is.EqualTo(values[row * r.Length + j]));
                Assert.That(singleDerivative[row], Is.EqualTo(derivatives[row * r.Length + j]));
            }
        }
        Assert.That(values.Skip(0).Where((_, i) => i % r.Length >= 5), Is.All.EqualTo(0.0), "zero at and beyond the cutoff");
    }

    [Test]
    public void UnitRowsReproduceThePrimitiveFunctionsBitwise()
    {
        var w = new double[3 * Primitive.Count];
        w[0 * Primitive.Count + 2] = w[1 * Primitive.Count + 0] = w[2 * Primitive.Count + 5] = 1.0;
        var fitted = new FittedRadialBasis(Primitive, w);
        double[] r = [0.3, 1.1, 2.2, 4.0];
        var g = new double[Primitive.Count * r.Length];
        var dg = new double[Primitive.Count * r.Length];
        Primitive.Evaluate(r, g, dg);
        var v = new double[3 * r.Length];
        var d = new double[3 * r.Length];
        fitted.Evaluate(r, v, d);
        int[] picked = [2, 0, 5];
        for (int row = 0; row < 3; row++)
        {
            Assert.That(v.AsSpan(row * r.Length, r.Length).ToArray(), Is.EqualTo(g.AsSpan(picked[row] * r.Length, r.Length).ToArray()));
            Assert.That(d.AsSpan(row * r.Length, r.Length).ToArray(), Is.EqualTo(dg.AsSpan(picked[row] * r.Length, r.Length).ToArray()));
        }
    }

    [Test]
    public void ProductFunctionsAreProductsOfTheRowsWithFiniteDifferenceDerivatives()
    {
        var w = RandomCoefficients(3, 4);
        var fitted = new FittedRadialBasis(Primitive, w, [[0, 2], [1, 1, 2], [2, 0, 2, 1]]);
        Assert.That(fitted.FittedCount, Is.EqualTo(3));
        Assert.That(fitted.Count, Is.EqualTo(6));
        Assert.That(fitted.Products[1], Is.EqualTo(new[] { 1, 1, 2 }));
        double[] r = [0.4, 1.3, 2.6, 4.2, 5.0, 6.0];
        var values = new double[6 * r.Length];
        var derivatives = new double[6 * r.Length];
        fitted.Evaluate(r, values, derivatives);
        var rows = new FittedRadialBasis(Primitive, w);
        var single = new double[3];
        var singleDerivative = new double[3];
        int[][] factors = [[0, 2], [1, 1, 2], [2, 0, 2, 1]];
        for (int j = 0; j < r.Length; j++)
        {
            rows.Evaluate(r[j], single, singleDerivative);
            for (int i = 0; i < factors.Length; i++)
            {
                double expected = factors[i].Aggregate(1.0, (p, f) => p * single[f]);
                double Product(double x)
                {
                    var v = new double[3];
                    rows.Evaluate(x, v, new double[3]);
                    return factors[i].Aggregate(1.0, (p, f) => p * v[f]);
                }
                Assert.That(values[(3 + i) * r.Length + j], Is.EqualTo(expected).Within(1e-15), $"product {i}, r = {r[j]}");
                double fd = r[j] < Primitive.Cutoff ? (Product(r[j] - 2e-5) - 8 * Product(r[j] - 1e-5) + 8 * Product(r[j] + 1e-5) - Product(r[j] + 2e-5)) / 12e-5 : 0;
                Assert.That(derivatives[(3 + i) * r.Length + j], Is.EqualTo(fd).Within(1e-8), $"product {i} derivative, r = {r[j]}");
            }
        }
        Assert.That(values.Where((_, i) => i % r.Length >= 4), Is.All.EqualTo(0.0), "zero at and beyond the cutoff");
        Assert.That(() => new FittedRadialBasis(Primitive, w, [[1]]), Throws.ArgumentException.With.Message.Contains("at least two rows"));
        Assert.That(() => new FittedRadialBasis(Primitive, w, [[0, 3]]), Throws.ArgumentException.With.Message.Contains("each in 0 .. 2"));
    }

    [Test]
    public void BadCoefficientsAreRejected()
    {
        Assert.That(() => new FittedRadialBasis(Primitive, new double[7]), Throws.ArgumentException.With.Message.Contains("not a positive multiple of the 6"));
        var w = RandomCoefficients(2, 2);
        w[8] = double.NaN;
        Assert.That(() => new FittedRadialBasis(Primitive, w), Throws.ArgumentException.With.Message.Contains("W[1, 2]"));
        Assert.That(() => new FittedRadialBasis(Primitive, RandomCoefficients(1, 3)).Evaluate(-1.0, new double[1], new double[1]), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
