using BenchmarkDotNet.Running;

// Runs the benchmarks chosen on the command line, e.g.
//   dotnet run -c Release --project benchmarks/Ace.Core.Benchmarks -- --filter '*SphericalHarmonics*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
