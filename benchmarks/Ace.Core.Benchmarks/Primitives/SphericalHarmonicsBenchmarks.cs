using Ace.Core.Primitives.Angular;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Ace.Core.Benchmarks.Primitives;

/// <summary>
/// <see cref="RealSphericalHarmonics"/> on a batch of <see cref="Points"/> random directions, at lMax 3, 6 and 10:
/// values, and values with Cartesian gradients, each against the scalar single-point loop.
/// </summary>
/// <remarks>
/// <para><b>How to read it.</b> Every benchmark declares <c>OperationsPerInvoke = Points</c>, so the Mean column is
/// nanoseconds per point. Results are grouped by category ("Values", "ValuesAndGradients"); inside each group the
/// scalar loop is the baseline, so the Ratio column is the batch time over the scalar time (below 1 = faster).
/// Both sides produce the same component-major output (<c>values[Index(l, m) * Points + j]</c>): the scalar loop
/// evaluates one point into a small buffer and scatters it.</para>
/// <para><b>Scale.</b> sphericart (C++, one thread, double precision) reports about 19 ns/point for values at lMax 6
/// and 80-110 ns/point with gradients; 116 and 320-820 ns/point at lMax 10. Note that at 4096 points the gradient
/// outputs are 4 * (lMax+1)^2 * 4096 * 8 bytes (6.4 MB at lMax 6, 16 MB at lMax 10), so these cases measure memory
/// bandwidth as much as arithmetic; ACE calls the kernel per atom with tens of neighbours, where the output stays in cache.</para>
/// </remarks>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SphericalHarmonicsBenchmarks
{
    /// <summary>The number of points per call.</summary>
    public const int Points = 4096;

    private double[] x = [], y = [], z = [];
    private double[] values = [], gradX = [], gradY = [], gradZ = [];
    private double[] pointValues = [], pointGradX = [], pointGradY = [], pointGradZ = [];

    /// <summary>The largest degree.</summary>
    [Params(3, 6, 10)]
    public int LMax { get; set; }

    /// <summary>Random directions with lengths in [0.5, 1.5) and the output buffers.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        x = new double[Points];
        y = new double[Points];
        z = new double[Points];
        for (int j = 0; j < Points; j++)
        {
            double a = 2 * random.NextDouble() - 1, b = 2 * random.NextDouble() - 1, c = 2 * random.NextDouble() - 1;
            double scale = (0.5 + random.NextDouble()) / Math.Sqrt(a * a + b * b + c * c + 1e-12);
            (x[j], y[j], z[j]) = (a * scale, b * scale, c * scale);
        }
        int n = RealSphericalHarmonics.Count(LMax);
        values = new double[n * Points];
        gradX = new double[n * Points];
        gradY = new double[n * Points];
        gradZ = new double[n * Points];
        pointValues = new double[n];
        pointGradX = new double[n];
        pointGradY = new double[n];
        pointGradZ = new double[n];
    }

    /// <summary>Values, one point at a time (the scalar reference path), scattered to the batch layout.</summary>
    [BenchmarkCategory("Values")]
    [Benchmark(Baseline = true, OperationsPerInvoke = Points)]
    public double ScalarValues()
    {
        int n = pointValues.Length;
        for (int j = 0; j < Points; j++)
        {
            RealSphericalHarmonics.Evaluate(LMax, x[j], y[j], z[j], pointValues);
            for (int k = 0; k < n; k++)
            {
                values[k * Points + j] = pointValues[k];
            }
        }
        return values[^1];
    }

    /// <summary>Values, the vectorised batch.</summary>
    [BenchmarkCategory("Values")]
    [Benchmark(OperationsPerInvoke = Points)]
    public double BatchValues()
    {
        RealSphericalHarmonics.Evaluate(LMax, x, y, z, values);
        return values[^1];
    }

    /// <summary>Values and gradients, one point at a time, scattered to the batch layout.</summary>
    [BenchmarkCategory("ValuesAndGradients")]
    [Benchmark(Baseline = true, OperationsPerInvoke = Points)]
    public double ScalarValuesAndGradients()
    {
        int n = pointValues.Length;
        for (int j = 0; j < Points; j++)
        {
            RealSphericalHarmonics.EvaluateWithGradients(LMax, x[j], y[j], z[j], pointValues, pointGradX, pointGradY, pointGradZ);
            for (int k = 0; k < n; k++)
            {
                values[k * Points + j] = pointValues[k];
                gradX[k * Points + j] = pointGradX[k];
                gradY[k * Points + j] = pointGradY[k];
                gradZ[k * Points + j] = pointGradZ[k];
            }
        }
        return gradZ[^1];
    }

    /// <summary>Values and gradients, the vectorised batch.</summary>
    [BenchmarkCategory("ValuesAndGradients")]
    [Benchmark(OperationsPerInvoke = Points)]
    public double BatchValuesAndGradients()
    {
        RealSphericalHarmonics.EvaluateWithGradients(LMax, x, y, z, values, gradX, gradY, gradZ);
        return gradZ[^1];
    }
}
