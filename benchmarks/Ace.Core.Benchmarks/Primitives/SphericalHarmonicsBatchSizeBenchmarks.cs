using Ace.Core.Primitives.Angular;
using BenchmarkDotNet.Attributes;

namespace Ace.Core.Benchmarks.Primitives;

/// <summary>
/// <see cref="RealSphericalHarmonics"/> batches across point counts, and the same points evaluated in small chunks
/// from a loop: whole batches must not depend on the count (4096 and 65536 points give component rows whose stride
/// is a multiple of 4 KB, 4112 does not), and chunked calls must cost about what one batch does.
/// </summary>
/// <remarks>
/// The Mean column is the time for all <see cref="Points"/> points (divide by Points for ns per point). The
/// chunked methods call the public batch method on <see cref="Chunk"/> points at a time from a loop written in the
/// benchmark method itself (the pattern in which the JIT's inlining of the generic kernel once cost 20-30x), into a
/// chunk-sized output.
/// </remarks>
public class SphericalHarmonicsBatchSizeBenchmarks
{
    /// <summary>The points per call of the chunked methods.</summary>
    public const int Chunk = 16;

    private double[] x = [], y = [], z = [];
    private double[] values = [], gradX = [], gradY = [], gradZ = [];
    private double[] chunkValues = [], chunkGradX = [], chunkGradY = [], chunkGradZ = [];

    /// <summary>The largest degree.</summary>
    [Params(3, 6, 10)]
    public int LMax { get; set; }

    /// <summary>The number of points.</summary>
    [Params(16, 4096, 4112, 65536)]
    public int Points { get; set; }

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
        chunkValues = new double[n * Chunk];
        chunkGradX = new double[n * Chunk];
        chunkGradY = new double[n * Chunk];
        chunkGradZ = new double[n * Chunk];
    }

    /// <summary>Values, one batch of all points.</summary>
    [Benchmark]
    public double BatchValues()
    {
        RealSphericalHarmonics.Evaluate(LMax, x, y, z, values);
        return values[^1];
    }

    /// <summary>Values and gradients, one batch of all points.</summary>
    [Benchmark]
    public double BatchValuesAndGradients()
    {
        RealSphericalHarmonics.EvaluateWithGradients(LMax, x, y, z, values, gradX, gradY, gradZ);
        return gradZ[^1];
    }

    /// <summary>Values, <see cref="Chunk"/> points per call from a loop.</summary>
    [Benchmark]
    public double ChunkedValues()
    {
        int lMax = LMax;
        for (int j = 0; j + Chunk <= x.Length; j += Chunk)
        {
            RealSphericalHarmonics.Evaluate(lMax, x.AsSpan(j, Chunk), y.AsSpan(j, Chunk), z.AsSpan(j, Chunk), chunkValues);
        }
        return chunkValues[^1];
    }

    /// <summary>Values and gradients, <see cref="Chunk"/> points per call from a loop.</summary>
    [Benchmark]
    public double ChunkedValuesAndGradients()
    {
        int lMax = LMax;
        for (int j = 0; j + Chunk <= x.Length; j += Chunk)
        {
            RealSphericalHarmonics.EvaluateWithGradients(lMax, x.AsSpan(j, Chunk), y.AsSpan(j, Chunk), z.AsSpan(j, Chunk),
                chunkValues, chunkGradX, chunkGradY, chunkGradZ);
        }
        return chunkGradZ[^1];
    }
}
