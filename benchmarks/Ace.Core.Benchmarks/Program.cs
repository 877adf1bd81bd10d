using Ace.Core.Benchmarks;
using BenchmarkDotNet.Running;

// Runs the benchmarks chosen on the command line, e.g.
//   dotnet run -c Release --project benchmarks/Ace.Core.Benchmarks -- --filter '*SphericalHarmonics*'
// With --baseline-compare, each benchmark runs against the baseline checkout and this one in the same run
// (see BaselineComparison and docs/benchmarks.md).
if (args.Contains(BaselineComparison.Switch))
{
    return BaselineComparison.Run(args.Where(a => a != BaselineComparison.Switch).ToArray());
}
BenchmarkSwitcher.FromAssembly(typeof(BaselineComparison).Assembly).Run(args);
return 0;
