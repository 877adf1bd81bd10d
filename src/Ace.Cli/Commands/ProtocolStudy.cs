using Ace.Cli.Output;
using Ace.Core.Analysis;
using Ace.Core.Studies;
using Ace.Core.Atoms;
using Spectre.Console;

namespace Ace.Cli.Commands;

/// <summary>
/// `ace study --protocol`: the study's convergence protocol (<see cref="ConvergenceStudy"/>) on every data set and
/// basis variant of a <see cref="StudySetup"/>: grow the degree of correlation order 1 while the validation energy
/// RMSE falls, freeze it at its best, open the next order, and record every fit and its dimer curve.
/// </summary>
internal static class ProtocolStudy
{
    public static int Run(StudySetup setup, IReadOnlyList<IReadOnlyList<int>> candidates, string outDir, IAnsiConsole console)
    {
        console.MarkupLineInterpolated($"[bold]Body-order convergence protocol[/] on {setup.Description}");
        console.MarkupLineInterpolated(
            $"degree candidates per correlation order {string.Join("; ", candidates.Select(c => string.Join(",", c)))}, score: validation energy RMSE, {setup.SettingsLine}");
        var datasets = setup.Datasets.Where(d => d.Validation.Count > 0).ToList();
        foreach (var skipped in setup.Datasets.Where(d => d.Validation.Count == 0))
        {
            console.MarkupLineInterpolated($"[yellow]skipped[/] {skipped.Name}: the protocol needs a validation set");
        }
        var variants = setup.Variants;
        // Dimer and trimer curves from the reference's first distance to the cutoff, about 0.02 A apart.
        double from = setup.Reference.X[0];
        var curveGrid = ClusterCurves.Grid(from, setup.Cutoff, Math.Max(2, (int)Math.Ceiling((setup.Cutoff - from) / 0.02) + 1));
        var runs = new List<ProtocolRun>();
        console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("fitting", maxValue: Math.Max(1, datasets.Count * variants.Count));
                foreach (var data in datasets)
                {
                    foreach (var variant in variants)
                    {
                        var settings = new ConvergenceSettings(setup.Element, candidates, variant.Build, setup.ConfigureFit, curveGrid)
                        {
                            Progress = new SyncProgress<ConvergenceStep>(s =>
                                task.Description = $"{data.Name} {variant.Name} step {s.Index + 1}: body order {s.CorrelationOrder + 1}, degrees {DegreeLists.Format(s.Degrees)}"),
                        };
                        runs.Add(new ProtocolRun(data.Name, variant.Name, ConvergenceStudy.Run(settings, data.Train, data.Validation)));
                        task.Increment(1);
                    }
                }
            });
        Directory.CreateDirectory(outDir);
        foreach (var run in runs)
        {
            console.Write(ProtocolReport.Table(run, setup));
            var final = run.Result.Final;
            console.MarkupLineInterpolated(
                $"{run.Dataset} {run.Variant}: final model body order {final.CorrelationOrder + 1}, degrees {DegreeLists.Format(final.Degrees)}, {final.FunctionCount} functions");
            string stem = Path.Combine(outDir, $"protocol-{run.Dataset}-{run.Variant}");
            ProtocolPlots.Loss($"{stem}-loss.png", $"{run.Dataset} {run.Variant}: loss per body order", run.Result);
            var train = setup.Datasets.First(d => d.Name == run.Dataset).Train;
            ProtocolPlots.Dimers($"{stem}-dimer.png", $"{run.Dataset} {run.Variant}: dimer curves of the accepted steps", setup.Reference, run.Result,
                new StudyPlots.TrainingDistances(PairDistances.Collect(train, setup.Cutoff)));
            ProtocolPlots.Trimers($"{stem}-trimer.png", $"{run.Dataset} {run.Variant}: equilateral trimer curves of the accepted steps", run.Result,
                new StudyPlots.TrainingDistances(PairDistances.CollectTriangles(train, setup.Cutoff), "training triangles (longest side)", "triangles in the training set (x3)"));
        }
        AtomicFile.WriteAllText(Path.Combine(outDir, "protocol.csv"), ProtocolReport.Csv(runs, setup));
        console.MarkupLineInterpolated($"tables and plots written to [green]{Path.GetFullPath(outDir)}[/]");
        return ExitCode.Success;
    }
}
