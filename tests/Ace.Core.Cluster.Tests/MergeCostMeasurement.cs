using System.Diagnostics;
using Ace.Core.Fitting;
using Ace.Core.Solvers;
using Ace.Core.Solvers.Backends;

namespace Ace.Core.Cluster.Tests;

/// <summary>
/// The inputs of the paper estimate in docs/cluster.md that do not depend on the basis evaluation: the rank-k update
/// rate of the normal equations (flops per second on one thread), and the coordinator's cost per shard (reading a
/// result from its chunks and merging it) per Gram entry. A documented run, not an acceptance test:
/// <c>OPENBLAS_NUM_THREADS=1 dotnet test tests/Ace.Core.Cluster.Tests -c Release --filter Name~Merge_and_update_costs</c>.
/// </summary>
public sealed class MergeCostMeasurement
{
    [Test]
    [Explicit("a measurement for docs/cluster.md; takes about a minute")]
    public void Merge_and_update_costs()
    {
        const int N = 2000;
        const int Rows = 512;
        var random = new Random(1);
        var rows = new double[Rows * N];
        for (int k = 0; k < rows.Length; k++)
        {
            rows[k] = random.NextDouble() - 0.5;
        }
        var targets = new double[Rows];
        var normal = new NormalEquations(N);
        normal.Add(Rows, rows, targets); // warm-up
        var clock = Stopwatch.StartNew();
        int blocks = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            normal.Add(Rows, rows, targets);
            blocks++;
        }
        double flopsPerSecond = (double)blocks * Rows * N * N / clock.Elapsed.TotalSeconds; // n^2 flops per row (symmetric rank-k)
        var partial = new PartialNormalEquations(new StructureRange(0, 1), 1, [normal]);
        var bytes = new ChunkedBytes(4 << 20);
        clock.Restart();
        using (var writer = bytes.Writer())
        {
            PartialNormalEquationsFormat.Write(writer, partial, "measure", 1);
        }
        bytes.Seal();
        double write = clock.Elapsed.TotalSeconds;
        var chunks = Enumerable.Range(0, bytes.ChunkCount).Select(bytes.Chunk).ToList();
        clock.Restart();
        var (read, _, _) = PartialNormalEquationsFormat.Read(ChunkedBytes.Reader(chunks), "measure");
        double readSeconds = clock.Elapsed.TotalSeconds;
        var merged = new NormalEquations(N);
        clock.Restart();
        merged.Merge(read.Folds[0]);
        double merge = clock.Elapsed.TotalSeconds;
        double entries = (double)N * N;
        TestContext.Out.WriteLine($"backend {LinearAlgebra.Backend.Name}: rank-k update {flopsPerSecond / 1e9:F2} GFlop/s on this thread count");
        TestContext.Out.WriteLine($"n = {N}: result {bytes.Length / 1e6:F1} MB in {bytes.ChunkCount} chunks; write+SHA-256 {write:F3} s, read+SHA-256 {readSeconds:F3} s, merge {merge:F3} s");
        TestContext.Out.WriteLine($"coordinator per Gram entry: read {readSeconds / entries * 1e9:F2} ns, merge {merge / entries * 1e9:F2} ns; worker write {write / entries * 1e9:F2} ns");
        Assert.That(read.Folds[0].Gram.ToArray(), Is.EqualTo(normal.Gram.ToArray()).AsCollection);
    }
}
