using Ace.Core.Primitives.Angular;
using Ace.Core.TestUtilities;

namespace Ace.Core.Primitives.Tests.Angular;

/// <summary>The vectorised batch methods against the single-point reference path.</summary>
public class RealSphericalHarmonicsBatchTests
{
    private static (double[] X, double[] Y, double[] Z) RandomPoints(int count, int seed)
    {
        var random = new Random(seed);
        double[] x = new double[count], y = new double[count], z = new double[count];
        for (int j = 0; j < count; j++)
        {
            (x[j], y[j], z[j]) = RandomGeometry.PointInShell(random, 0.05, 6.0);
        }
        return (x, y, z);
    }


    [Test]
    public void Batch_values_equal_single_point_values_for_every_count_and_degree(
        [Values(0, 1, 2, 5, 20)] int lMax, [Values(0, 1, 3, 4, 5, 7, 8, 9, 13, 16, 31, 37)] int count)
    {
        var (x, y, z) = RandomPoints(count, 1000 * lMax + count);
        int n = RealSphericalHarmonics.Count(lMax);
        var batch = new double[n * count];
        RealSphericalHarmonics.Evaluate(lMax, x, y, z, batch);
        var single = new double[n];
        var worst = new WorstDeviation();
        for (int j = 0; j < count; j++)
        {
            RealSphericalHarmonics.Evaluate(lMax, x[j], y[j], z[j], single);
            for (int k = 0; k < n; k++)
            {
                worst.Add(batch[k * count + j], single[k], Math.Max(1.0, Math.Abs(single[k])), () => $"component {k} of point {j}");
            }
        }
        worst.AssertBelow(1e-13);
    }

    [Test]
    public void Batch_gradients_equal_single_point_gradients_for_every_count_and_degree(
        [Values(0, 1, 2, 5, 20)] int lMax, [Values(0, 1, 3, 4, 5, 7, 8, 9, 13, 16, 31, 37)] int count)
    {
        var (x, y, z) = RandomPoints(count, 7 + 1000 * lMax + count);
        int n = RealSphericalHarmonics.Count(lMax);
        double[] v = new double[n * count], gx = new double[n * count], gy = new double[n * count], gz = new double[n * count];
        RealSphericalHarmonics.EvaluateWithGradients(lMax, x, y, z, v, gx, gy, gz);
        double[] sv = new double[n], sx = new double[n], sy = new double[n], sz = new double[n];
        var worst = new WorstDeviation();
        for (int j = 0; j < count; j++)
        {
            RealSphericalHarmonics.EvaluateWithGradients(lMax, x[j], y[j], z[j], sv, sx, sy, sz);
            for (int k = 0; k < n; k++)
            {
                double scale = Math.Max(1.0, Math.Abs(sx[k]) + Math.Abs(sy[k]) + Math.Abs(sz[k]));
                worst.Add(v[k * count + j], sv[k], Math.Max(1.0, Math.Abs(sv[k])), () => $"value {k} of point {j}");
                worst.Add(gx[k * count + j], sx[k], scale, () => $"d/dx {k} of point {j}");
                worst.Add(gy[k * count + j], sy[k], scale, () => $"d/dy {k} of point {j}");
                worst.Add(gz[k * count + j], sz[k], scale, () => $"d/dz {k} of point {j}");
            }
        }
        worst.AssertBelow(1e-13);
    }

    [TestCase(70, 13)]
    [TestCase(RealSphericalHarmonics.MaxLMax, 6)]
    public void High_degree_batches_equal_single_point_results(int lMax, int count)
    {
        Batch_values_equal_single_point_values_for_every_count_and_degree(lMax, count);
        Batch_gradients_equal_single_point_gradients_for_every_count_and_degree(lMax, count);
    }

    [Test]
    public void Batch_writes_nothing_beyond_its_output_block()
    {
        const int lMax = 4, count = 11;
        var (x, y, z) = RandomPoints(count, 2);
        int length = RealSphericalHarmonics.Count(lMax) * count;
        var values = new double[length + 5];
        var gx = new double[length + 5];
        Array.Fill(values, 123.0);
        Array.Fill(gx, 123.0);
        RealSphericalHarmonics.EvaluateWithGradients(lMax, x, y, z, values, gx, new double[length], new double[length]);
        RealSphericalHarmonics.Evaluate(lMax, x, y, z, values);
        for (int i = length; i < length + 5; i++)
        {
            Assert.That(values[i], Is.EqualTo(123.0));
            Assert.That(gx[i], Is.EqualTo(123.0));
        }
    }
}
