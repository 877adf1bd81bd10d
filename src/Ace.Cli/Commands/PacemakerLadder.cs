using System.Globalization;
using System.Text;
using Ace.Cli.Output;
using Ace.Core;
using Ace.Core.Analysis;
using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Fitting;
using Ace.Core.Studies;
using Spectre.Console;

namespace Ace.Cli.Commands;

/// <summary>
/// `ace study --carbon --pacemaker`: pacemaker's descriptor ladder with fitted radial functions
/// (<see cref="RadialLadderStudy"/>) on each carbon set of a <see cref="StudySetup"/>, with its split; per set a table,
/// pacemaker-SET.csv, the radial fits' steps, loss plots and the dimer curves beside the training pair distances.
/// </summary>
internal static class PacemakerLadder
{
    /// <summary>The energy weight of the start fit (per atom; forces 1), as samples/fit-carbon-radials.cs.</summary>
    private const double EnergyWeight = 60;

    /// <summary>The rungs --quick fits when no --descriptors are given: the first three of the study's ladder.</summary>
    private const int QuickRungs = 3;

    /// <summary>The radial iteration limit without --radial-iterations (--quick: <see cref="QuickIterations"/>).</summary>
    private const int DefaultIterations = 50;

    private const int QuickIterations = 2;

    public static int Run(StudySetup setup, StudySettings options, IAnsiConsole console)
    {
        var descriptors = options.DescriptorList
            ?? (options.Quick ? [.. PacemakerDescriptor.StudyLadder.Take(QuickRungs)] : PacemakerDescriptor.StudyLadder);
        int iterations = options.RadialIterations ?? (options.Quick ? QuickIterations : DefaultIterations);
        TimeSpan? budget = options.RadialMinutes is { } m ? TimeSpan.FromMinutes(m) : null;
        var radial = new ChebExpCosRadialSpecification(setup.Cutoff, 5.25);
        console.MarkupLineInterpolated($"[bold]pacemaker ladder with fitted radial functions[/] on {setup.Description}");
        console.MarkupLineInterpolated(
            $"descriptors {string.Join("; ", descriptors.Select(d => $"{d.Name} (K {d.Primitives})"))}; ChebExpCos radials, r_cut {setup.Cutoff} A, lambda 5.25; E0({setup.Element}) {setup.E0} eV");
        console.MarkupLineInterpolated(
            $"start: BLR, column-scaled smoothness prior p = 4, {Loss(options)}; radial fit: at most {iterations} L-BFGS iterations{(budget is { } b ? $" or {b.TotalMinutes:G4} minutes" : "")} per fit, last step kept (validation only evaluated)");
        Directory.CreateDirectory(options.Out);
        var all = new List<RadialLadderFit>();
        foreach (var data in setup.Datasets)
        {
            var settings = new RadialLadderSettings(setup.Element, [data], descriptors, radial, StartFit(setup, options), setup.Reference)
            {
                MaxIterations = iterations,
                MaxDuration = budget,
                DimerWindow = setup.Window,
                StepProgress = new SyncProgress<RadialLadderStep>(ReportStep),
                Progress = new SyncProgress<RadialLadderFit>(f => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"[{f.Dataset} {f.Descriptor.Name}] done: {f.Iterations} iterations, {f.Report.StopReason}; loss {f.StartLoss:G6} -> {f.FinalLoss:G6}; start {f.StartTime.TotalSeconds:F0} s, radial fit {f.RadialTime.TotalSeconds:F0} s"))),
            };
            var fits = RadialLadderStudy.Run(settings);
            all.AddRange(fits);
            console.Write(Table(data.Name, fits));
            Write(options.Out, data, setup, fits);
        }
        console.MarkupLineInterpolated($"{all.Count} fits; tables and plots written to [green]{Path.GetFullPath(options.Out)}[/]");
        return ExitCode.Success;
    }

    /// <summary>The start fit: BLR with the column-scaled p = 4 smoothness prior, energy 60 per atom, forces 1, or pacemaker's loss (--kappa).</summary>
    private static Func<AceBasis, FitBuilder> StartFit(StudySetup setup, StudySettings options) => basis =>
    {
        var fit = LinearAce.Fit(basis).ReferenceEnergies((setup.Element, setup.E0)).ScaleEnergy(EnergyScaling.PerAtom)
            .SmoothnessPrior(p: 4, scaleByColumnNorms: true);
        return options.Loss is { } loss ? fit.PacemakerLoss(loss.Kappa) : fit.Weights(energy: EnergyWeight, forces: 1);
    };

    /// <summary>The loss of the start fit, in words.</summary>
    private static string Loss(StudySettings options) => options.Loss switch
    {
        null => $"weights energy {EnergyWeight} per atom / forces 1",
        { Kappa: null } => "pacemaker's loss, kappa auto",
        { Kappa: { } k } => string.Create(CultureInfo.InvariantCulture, $"pacemaker's loss, kappa {k:G6}"),
    };

    private static void ReportStep(RadialLadderStep s) => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"[{s.Dataset} {s.Descriptor.Name}] step {s.Step.Iteration} ({s.Step.Evaluations} evaluations): loss {s.Step.Loss:G8}, {s.Step.Elapsed.TotalSeconds:F0} s"));

    /// <summary>A file-name form of a descriptor: "45,8/0,2" becomes "45-8_0-2".</summary>
    private static string FileName(PacemakerDescriptor d) => d.Name.Replace(',', '-').Replace('/', '_');

    private static void Write(string outDir, StudyDataset data, StudySetup setup, IReadOnlyList<RadialLadderFit> fits)
    {
        string stem = Path.Combine(outDir, $"pacemaker-{data.Name}");
        AtomicFile.WriteAllText($"{stem}.csv", Csv(fits));
        AtomicFile.WriteAllText($"{stem}-steps.csv", StepsCsv(fits));
        foreach (var fit in fits)
        {
            AtomicFile.WriteAllText($"{stem}-dimer-{FileName(fit.Descriptor)}.csv", fit.Dimer.ToCsv());
        }
        var ordered = fits.OrderBy(f => f.FunctionCount).ToList();
        double[] x = [.. ordered.Select(f => (double)f.FunctionCount)];
        bool validation = ordered.All(f => f.Validation is not null);
        IEnumerable<LossLine> Errors(Func<Core.Errors.ErrorRow, double> of) =>
        [
            new("fixed radials, training", x, [.. ordered.Select(f => of(f.StartTrain))], false),
            new("fitted radials, training", x, [.. ordered.Select(f => of(f.Train))], false),
            .. validation ? new LossLine[]
            {
                new("fixed radials, validation", x, [.. ordered.Select(f => of(f.StartValidation!))], true),
                new("fitted radials, validation", x, [.. ordered.Select(f => of(f.Validation!))], true),
            } : [],
        ];
        StudyPlots.LogLines($"{stem}-energy.png", $"{data.Name}: energy error against the number of functions (pacemaker ladder)",
            "number of basis functions", "log10 energy RMSE (meV/atom)", Errors(e => e.EnergyRmse));
        StudyPlots.LogLines($"{stem}-force.png", $"{data.Name}: force error against the number of functions (pacemaker ladder)",
            "number of basis functions", "log10 force RMSE (meV/Å)", Errors(e => e.ForceRmse));
        StudyPlots.LogLines($"{stem}-radial-loss.png", $"{data.Name}: training loss of the radial fits (step 0: fixed radials)",
            "L-BFGS iteration", "log10 loss / loss at step 0",
            fits.Select(f => new LossLine(f.Descriptor.Name, [.. f.Report.Steps.Select(s => (double)s.Iteration)],
                [.. f.Report.Steps.Select(s => s.Loss / f.StartLoss)], false)));
        var training = new StudyPlots.TrainingDistances(PairDistances.Collect(data.Train, setup.Cutoff));
        var lines = fits.SelectMany((f, k) => new[]
        {
            new DimerLine($"{f.Descriptor.Name} fitted", f.Dimer, StudyPlots.OrderColor(k + 1), 2, false),
            new DimerLine($"{f.Descriptor.Name} fixed", f.StartDimer, StudyPlots.OrderColor(k + 1), 1, true),
        });
        StudyPlots.DimerCurves($"{stem}-dimer.png", $"{data.Name}: dimer curves, fitted (solid) and fixed (dashed) radials", setup.Reference, lines, training);
    }

    private static Table Table(string set, IReadOnlyList<RadialLadderFit> fits)
    {
        var t = new Table { Title = new TableTitle($"{set}: fixed radials (start) -> fitted radials; RMSE meV/atom, meV/A; dimer-curve RMS against the DFT dimers (meV)") };
        t.AddColumns("descriptor", "K", "funcs", "W", "E train", "F train", "E val", "F val", "dimer RMS", "iters", "loss change", "start s", "radial s");
        static string Pair(double start, double fitted, string format = "F2") => $"{Tables.F(start, format)} -> {Tables.F(fitted, format)}";
        foreach (var f in fits)
        {
            t.AddRow(f.Descriptor.Name, Inv(f.Descriptor.Primitives), Inv(f.FunctionCount), Inv(f.RadialParameterCount),
                Pair(f.StartTrain.EnergyRmse, f.Train.EnergyRmse), Pair(f.StartTrain.ForceRmse, f.Train.ForceRmse, "F1"),
                Pair(f.StartValidation?.EnergyRmse ?? double.NaN, f.Validation?.EnergyRmse ?? double.NaN),
                Pair(f.StartValidation?.ForceRmse ?? double.NaN, f.Validation?.ForceRmse ?? double.NaN, "F1"),
                Pair(1000 * f.StartDimerRms, 1000 * f.DimerRms, "F0"), Inv(f.Iterations),
                Tables.F(100 * (f.FinalLoss / f.StartLoss - 1), "F1") + " %",
                Tables.F(f.StartTime.TotalSeconds, "F0"), Tables.F(f.RadialTime.TotalSeconds, "F0"));
        }
        return t;
    }

    private static string Inv(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Csv(IReadOnlyList<RadialLadderFit> fits)
    {
        var sb = new StringBuilder("set,descriptor,primitives,functions,radial_parameters,"
            + "e_train_start,f_train_start,e_val_start,f_val_start,e_train,f_train,e_val,f_val,"
            + "loss_start,loss_final,iterations,evaluations,stop_reason,start_seconds,radial_seconds,dimer_rms_start_meV,dimer_rms_meV\n");
        foreach (var f in fits)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"{f.Dataset},\"{f.Descriptor.Name}\",{f.Descriptor.Primitives},{f.FunctionCount},{f.RadialParameterCount},"
                + $"{f.StartTrain.EnergyRmse:R},{f.StartTrain.ForceRmse:R},{f.StartValidation?.EnergyRmse ?? double.NaN:R},{f.StartValidation?.ForceRmse ?? double.NaN:R},"
                + $"{f.Train.EnergyRmse:R},{f.Train.ForceRmse:R},{f.Validation?.EnergyRmse ?? double.NaN:R},{f.Validation?.ForceRmse ?? double.NaN:R},"
                + $"{f.StartLoss:R},{f.FinalLoss:R},{f.Iterations},{f.Evaluations},\"{f.Report.StopReason}\",{f.StartTime.TotalSeconds:F1},{f.RadialTime.TotalSeconds:F1},"
                + $"{1000 * f.StartDimerRms:R},{1000 * f.DimerRms:R}\n");
        }
        return sb.ToString();
    }

    private static string StepsCsv(IReadOnlyList<RadialLadderFit> fits)
    {
        var sb = new StringBuilder("set,descriptor,iteration,evaluations,loss,data_loss,seconds\n");
        foreach (var f in fits)
        {
            foreach (var s in f.Report.Steps)
            {
                sb.Append(CultureInfo.InvariantCulture,
                    $"{f.Dataset},\"{f.Descriptor.Name}\",{s.Iteration},{s.Evaluations},{s.Loss:R},{s.DataLoss:R},{s.Elapsed.TotalSeconds:F1}\n");
            }
        }
        return sb.ToString();
    }
}
