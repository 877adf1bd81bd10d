using System.Globalization;
using System.Text;
using Ace.Cli.Output;
using Ace.Core.Analysis;
using Ace.Core.Studies;
using Ace.Core.Atoms;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ace.Cli.Commands;

/// <summary>
/// `ace study`: the body-order study on the data of <see cref="StudySetup"/>. Fixed degrees per body order by default;
/// with --protocol the study's convergence protocol (<see cref="ProtocolStudy"/>); with --carbon --pacemaker pacemaker's
/// descriptor ladder with fitted radial functions (<see cref="PacemakerLadder"/>).
/// </summary>
internal sealed class StudyCommand(IAnsiConsole console) : Command<StudySettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, StudySettings settings, CancellationToken cancellationToken)
    {
        var outDir = settings.Out;
        var candidates = settings.CandidateLists;
        var loaded = settings.Carbon ? StudySetup.CreateCarbon(settings.Data!, settings.Quick) : StudySetup.Create(settings.Data, settings.Quick);
        var setup = loaded with
        {
            Cutoff = settings.Cutoff ?? loaded.Cutoff,
            EnergyScaling = settings.EnergyPerAtom ? Core.Fitting.EnergyScaling.PerAtom : Core.Fitting.EnergyScaling.PerSqrtAtom,
            SmoothnessExponent = settings.SmoothnessPrior || settings.Ace1Prior ? StudySetup.AcefitSmoothness : null,
            Ace1Scaling = settings.Ace1Prior,
        };
        if (settings.Pacemaker)
        {
            return PacemakerLadder.Run(setup, settings, console);
        }
        var degrees = settings.DegreeList ?? [.. setup.DefaultDegrees];
        if (settings.Protocol)
        {
            return ProtocolStudy.Run(setup, candidates ?? DegreeLists.DefaultCandidates(degrees), outDir, console);
        }
        console.MarkupLineInterpolated($"[bold]Body-order study[/] on {setup.Description}");
        console.MarkupLineInterpolated($"degrees per correlation order {DegreeLists.Format(degrees)}, {setup.SettingsLine}");
        var study = new BodyOrderStudySettings(setup.Element, setup.Datasets, setup.Variants, degrees, setup.ConfigureFit, setup.Reference)
        {
            DimerWindow = setup.Window,
        };
        IReadOnlyList<BodyOrderFit> fits = [];
        console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("fitting", maxValue: study.FitCount);
                fits = BodyOrderStudy.Run(study with
                {
                    Progress = new SyncProgress<BodyOrderFit>(f =>
                    {
                        task.Increment(1);
                        task.Description = $"{f.Dataset} body order {f.MaxBodyOrder}";
                    }),
                });
            });
        console.Write(Summary(fits, degrees.Length));
        Directory.CreateDirectory(outDir);
        AtomicFile.WriteAllText(Path.Combine(outDir, "summary.csv"), Csv(fits, degrees.Length));
        foreach (var group in fits.GroupBy(f => f.Dataset))
        {
            var data = setup.Datasets.First(d => d.Name == group.Key);
            var training = new StudyPlots.TrainingDistances(PairDistances.Collect(data.Train, group.First().Potential.Cutoff));
            StudyPlots.DimerCurves(Path.Combine(outDir, $"dimer-{group.Key}.png"), $"{group.Key}: dimer curves", setup.Reference, group, training);
            var triangles = new StudyPlots.TrainingDistances(PairDistances.CollectTriangles(data.Train, group.First().Potential.Cutoff),
                "training triangles (longest side)", "triangles in the training set (x3)");
            StudyPlots.TrimerCurves(Path.Combine(outDir, $"trimer-{group.Key}.png"), $"{group.Key}: equilateral trimer curves", group, triangles);
            StudyPlots.Coefficients(Path.Combine(outDir, $"coefficients-{group.Key}.png"), $"{group.Key}: mean |c| per body order", group);
            StudyPlots.LossAgainstFunctions(Path.Combine(outDir, $"loss-{group.Key}.png"), $"{group.Key}: energy error against the number of functions", group);
            foreach (var fit in group)
            {
                AtomicFile.WriteAllText(Path.Combine(outDir, $"dimer-{fit.Dataset}-{fit.Variant}-bo{fit.MaxBodyOrder}.csv"), fit.Dimer.ToCsv());
                if (fit.Trimer is { } trimer)
                {
                    AtomicFile.WriteAllText(Path.Combine(outDir, $"trimer-{fit.Dataset}-{fit.Variant}-bo{fit.MaxBodyOrder}.csv"), trimer.ToCsv("side_A"));
                }
            }
        }
        WriteReports(outDir, setup, fits);
        console.MarkupLineInterpolated($"tables and plots written to [green]{Path.GetFullPath(outDir)}[/]");
        return ExitCode.Success;
    }

    /// <summary>
    /// The fit report (<see cref="FitReport"/>, as `ace fit` writes it) of the largest fit of each basis variant (highest
    /// body order, then most training structures) on its training and validation sets, in report-VARIANT-SET-boN/.
    /// </summary>
    private static void WriteReports(string outDir, StudySetup setup, IReadOnlyList<BodyOrderFit> fits)
    {
        foreach (var variant in fits.GroupBy(f => f.Variant))
        {
            var fit = variant.OrderByDescending(f => f.MaxBodyOrder).ThenByDescending(f => f.FunctionCount)
                .ThenByDescending(f => setup.Datasets.First(d => d.Name == f.Dataset).Train.Count).First();
            var data = setup.Datasets.First(d => d.Name == fit.Dataset);
            var name = $"report-{new string([.. fit.Variant.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')])}-{fit.Dataset}-bo{fit.MaxBodyOrder}";
            List<(string, IReadOnlyList<Structure>)> sets = [("training", data.Train)];
            if (data.Validation.Count > 0)
            {
                sets.Add(("validation", data.Validation));
            }
            FitReport.Write(Path.Combine(outDir, name), $"{fit.Variant}, {fit.Dataset}, body order {fit.MaxBodyOrder}", fit.Potential, sets);
        }
    }

    private static Table Summary(IReadOnlyList<BodyOrderFit> fits, int orders)
    {
        var t = new Table { Title = new TableTitle("errors (meV/atom, meV/A), dimer-curve RMS against the reference (meV), largest drop of the dimer and equilateral-trimer curves below their values at 5 A up to the cutoff (meV), mean |c| per body order") };
        t.AddColumns("set", "basis", "BO", "funcs", "E train", "F train", "E val", "F val", "dimer RMS", "tail drop", "trimer drop");
        for (int nu = 1; nu <= orders; nu++)
        {
            t.AddColumn($"|c| BO{nu + 1}");
        }
        foreach (var f in fits)
        {
            var row = new List<string>
            {
                f.Dataset, f.Variant, f.MaxBodyOrder.ToString(CultureInfo.InvariantCulture), f.FunctionCount.ToString(CultureInfo.InvariantCulture),
                Tables.F(f.Train.EnergyRmse), Tables.F(f.Train.ForceRmse),
                Tables.F(f.Validation?.EnergyRmse ?? double.NaN), Tables.F(f.Validation?.ForceRmse ?? double.NaN),
                Tables.F(1000 * f.DimerRms, "F1"),
                Tables.F(1000 * f.DimerTailDrop, "F1"),
                Tables.F(1000 * f.TrimerTailDrop, "F1"),
            };
            for (int nu = 1; nu <= orders; nu++)
            {
                row.Add(Tables.F(f.MeanAbsCoefficient(nu), "0.0e+0"));
            }
            t.AddRow([.. row]);
        }
        return t;
    }

    private static string Csv(IReadOnlyList<BodyOrderFit> fits, int orders)
    {
        var sb = new StringBuilder("set,basis,body_order,functions,e_train,f_train,e_val,f_val,dimer_rms_meV,dimer_tail_drop_meV,trimer_tail_drop_meV");
        for (int nu = 1; nu <= orders; nu++)
        {
            sb.Append(CultureInfo.InvariantCulture, $",mean_abs_c_bo{nu + 1}");
        }
        sb.Append('\n');
        foreach (var f in fits)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"{f.Dataset},{f.Variant},{f.MaxBodyOrder},{f.FunctionCount},{f.Train.EnergyRmse:R},{f.Train.ForceRmse:R},{f.Validation?.EnergyRmse ?? double.NaN:R},{f.Validation?.ForceRmse ?? double.NaN:R},{1000 * f.DimerRms:R},{1000 * f.DimerTailDrop:R},{1000 * f.TrimerTailDrop:R}");
            for (int nu = 1; nu <= orders; nu++)
            {
                sb.Append(CultureInfo.InvariantCulture, $",{f.MeanAbsCoefficient(nu):R}");
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }
}
