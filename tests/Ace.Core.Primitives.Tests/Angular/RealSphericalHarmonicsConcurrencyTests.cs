using Ace.Core.Primitives.Angular;
using Ace.Core.TestUtilities;

namespace Ace.Core.Primitives.Tests.Angular;

public class RealSphericalHarmonicsConcurrencyTests
{
    [Test]
    public void Concurrent_batches_at_mixed_degrees_give_the_sequential_results()
    {
        const int count = 21;
        var random = new Random(77);
        double[] x = new double[count], y = new double[count], z = new double[count];
        for (int j = 0; j < count; j++)
        {
            (x[j], y[j], z[j]) = RandomGeometry.PointInShell(random, 0.3, 3.0);
        }
        int[] degrees = [0, 3, 9, 17, 33, 40, 65, 100];
        var expected = degrees.Select(lMax =>
        {
            var v = new double[RealSphericalHarmonics.Count(lMax) * count];
            RealSphericalHarmonics.Evaluate(lMax, x, y, z, v);
            return v;
        }).ToArray();

        var mismatches = new int[degrees.Length * 8];
        Parallel.For(0, mismatches.Length, task =>
        {
            int i = task % degrees.Length, lMax = degrees[i];
            int n = RealSphericalHarmonics.Count(lMax) * count;
            double[] v = new double[n], gx = new double[n], gy = new double[n], gz = new double[n];
            RealSphericalHarmonics.EvaluateWithGradients(lMax, x, y, z, v, gx, gy, gz);
            var values = new double[n];
            RealSphericalHarmonics.Evaluate(lMax, x, y, z, values);
            for (int k = 0; k < n; k++)
            {
                if (values[k] != expected[i][k] || Math.Abs(v[k] - expected[i][k]) > 1e-13)
                {
                    mismatches[task]++;
                }
            }
        });
        Assert.That(mismatches.Sum(), Is.Zero);
    }
}
