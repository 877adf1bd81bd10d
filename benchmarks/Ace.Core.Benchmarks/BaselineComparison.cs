using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.ConsoleArguments;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;

namespace Ace.Core.Benchmarks;

/// <summary>
/// "Before and after, same run": every selected benchmark runs in two jobs, <c>Baseline</c> (this project built in the
/// Baseline configuration, i.e. against the checkout made by benchmarks/baseline.sh) and <c>Current</c> (Release,
/// against this checkout); the Ratio column is Current / Baseline of the same method and parameters.
/// </summary>
/// <remarks>
/// Understands BenchmarkDotNet's <c>--filter</c> and <c>--job</c> (and the options that shape the job, such as
/// <c>--iterationCount</c>); both jobs are derived from the job given. Methods marked <c>Baseline = true</c> in their
/// class are run as ordinary methods here, so that each method is compared with its own baseline build.
/// </remarks>
internal static class BaselineComparison
{
    /// <summary>The command-line switch that selects this mode.</summary>
    public const string Switch = "--baseline-compare";

    /// <summary>The custom build configuration of the baseline job (see the project file).</summary>
    public const string BaselineConfiguration = "Baseline";

    /// <summary>The least build timeout: two checkouts are built, often on a busy machine.</summary>
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(20);

    /// <summary>Runs the comparison; returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        var (isSuccess, parsed, _) = ConfigParser.Parse(args, ConsoleLogger.Default, DefaultConfig.Instance);
        if (!isSuccess)
        {
            return 2;
        }
        var job = parsed.GetJobs().FirstOrDefault() ?? Job.Default;
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(job.WithCustomBuildConfiguration(BaselineConfiguration).WithBaseline(true).WithId("Baseline"))
            .AddJob(job.WithCustomBuildConfiguration("Release").WithId("Current"))
            .AddFilter(parsed.GetFilters().ToArray())
            .AddDiagnoser(parsed.GetDiagnosers().ToArray())
            .AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByMethod, BenchmarkLogicalGroupRule.ByParams)
            .WithOptions(ConfigOptions.JoinSummary)
            .WithBuildTimeout(parsed.BuildTimeout > BuildTimeout ? parsed.BuildTimeout : BuildTimeout);
        var runs = typeof(BaselineComparison).Assembly.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract && t.GetMethods().Any(m => m.IsDefined(typeof(BenchmarkAttribute), false)))
            .Select(t => WithoutMethodBaselines(BenchmarkConverter.TypeToBenchmarks(t, config)))
            .Where(r => r.BenchmarksCases.Length > 0)
            .ToArray();
        if (runs.Length == 0)
        {
            Console.Error.WriteLine("No benchmark matches the filter.");
            return 2;
        }
        var summaries = BenchmarkRunner.Run(runs);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }

    /// <summary>The same benchmark cases with every method's Baseline flag cleared (the job is the baseline here).</summary>
    private static BenchmarkRunInfo WithoutMethodBaselines(BenchmarkRunInfo run) =>
        new(run.BenchmarksCases.Select(c =>
        {
            var d = c.Descriptor;
            var descriptor = new Descriptor(d.Type, d.WorkloadMethod,
                globalSetupMethod: d.GlobalSetupMethod, globalCleanupMethod: d.GlobalCleanupMethod,
                iterationSetupMethod: d.IterationSetupMethod, iterationCleanupMethod: d.IterationCleanupMethod,
                description: d.WorkloadMethodDisplayInfo, baseline: false, categories: d.Categories,
                operationsPerInvoke: d.OperationsPerInvoke, methodIndex: d.MethodIndex);
            return BenchmarkCase.Create(descriptor, c.Job, c.Parameters, c.Config);
        }).ToArray(), run.Type, run.Config);
}
