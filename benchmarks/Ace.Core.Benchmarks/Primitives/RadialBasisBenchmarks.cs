using Ace.Core.Primitives.Radial;
using Ace.Core.Primitives.Transforms;
using BenchmarkDotNet.Attributes;

namespace Ace.Core.Benchmarks.Primitives;

/// <summary>
/// TransformedJacobi radial basis, 20 functions at 4096 distances, values and derivatives: the vectorised batch kernel
/// against the public point-by-point call (the baseline, so results read as ratios).
/// </summary>
[MemoryDiagnoser]
public class RadialBasisBenchmarks
{
    private const int Distances = 4096;
    private TransformedJacobiBasis _basis = null!;
    private double[] _r = null!;
    private double[] _values = null!;
    private double[] _derivatives = null!;

    [GlobalSetup]
    public void Setup()
    {
        _basis = new TransformedJacobiBasis(new AgnesiTransform(2.35, 5.5), 20);
        var random = new Random(42);
        _r = new double[Distances];
        for (int j = 0; j < Distances; j++)
        {
            _r[j] = 1.8 + 3.9 * random.NextDouble(); // a few percent beyond the cutoff, as in a neighbour list with skin
        }

        _values = new double[_basis.Count * Distances];
        _derivatives = new double[_basis.Count * Distances];
    }

    /// <summary>The public point-by-point call for every distance (each point's functions written contiguously).</summary>
    [Benchmark(Baseline = true)]
    public void PointByPoint()
    {
        int count = _basis.Count;
        for (int j = 0; j < Distances; j++)
        {
            _basis.Evaluate(_r[j], _values.AsSpan(j * count, count), _derivatives.AsSpan(j * count, count));
        }
    }

    [Benchmark]
    public void Batched() => _basis.Evaluate(_r, _values, _derivatives);
}
