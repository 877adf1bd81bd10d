using System.Globalization;
using System.Text;
using Ace.Cli.Output;
using Ace.Core.Analysis;
using Ace.Core.Atoms;
using Ace.Core.Reference;
using Spectre.Console;

namespace Ace.Cli.Commands;

/// <summary>
/// `ace study`: the body-order study. By default on generated Stillinger-Weber silicon clusters (exact pair curve
/// known); with --data on the DFT clusters of the study (files Si23_train.xyz, Si23_val.xyz, ..., Si2_dimer_dft.dat).
/// </summary>
internal static class StudyCommand
{
    private static readonly string[] DftSets = ["Si2", "Si23", "Si234", "Si2345", "Si3", "Si4", "Si5", "Si345"];

    public static int Run(CliArguments args, IAnsiConsole console)
    {
        var dataDir = args.Text("data");
        var outDir = args.Text("out") ?? "study-out";
        bool quick = args.Flag("quick");
        var degreesText = args.Text("degrees");
        args.Finish(0, 0);
        var (datasets, reference, e0, description) = dataDir is null ? Generated(quick) : Dft(dataDir);
        var degrees = degreesText is null
            ? (dataDir is null ? (quick ? [8, 6, 5, 4] : [16, 14, 12, 10]) : new[] { 24, 20, 16, 12 })
            : degreesText.Split(',', '.').Select(t => int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out int d) && d > 0
                ? d : throw new UsageException($"--degrees needs positive integers like 12,10,8,6; got '{degreesText}'")).ToArray();
        double r0 = dataDir is null ? 2.3 : 2.207;
        var variants = new List<BasisVariant>
        {
            new("SI", d => Core.Ace.Basis("Si").Cutoff(5.0).Radial(r0: r0).TotalDegree([.. d]).Build()),
            new("PURE", d => Core.Ace.Basis("Si").Cutoff(5.0).Radial(r0: r0).TotalDegree([.. d]).Purify().Build()),
        };
        console.MarkupLineInterpolated($"[bold]Body-order study[/] on {description}");
        console.MarkupLineInterpolated($"degrees per correlation order {string.Join(".", degrees)}, cutoff 5.0 A, r0 {r0} A, BLR, weights energy 30 / forces 1");
        var settings = new BodyOrderStudySettings("Si", datasets, variants, degrees,
            basis => Core.Ace.Fit(basis).ReferenceEnergies(("Si", e0)).Weights(energy: 30, forces: 1), reference);
        IReadOnlyList<BodyOrderFit> fits = [];
        console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("fitting", maxValue: settings.FitCount);
                fits = BodyOrderStudy.Run(settings with
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
        File.WriteAllText(Path.Combine(outDir, "summary.csv"), Csv(fits, degrees.Length));
        foreach (var group in fits.GroupBy(f => f.Dataset))
        {
            StudyPlots.DimerCurves(Path.Combine(outDir, $"dimer-{group.Key}.png"), $"{group.Key}: dimer curves", reference, group);
            StudyPlots.Coefficients(Path.Combine(outDir, $"coefficients-{group.Key}.png"), $"{group.Key}: mean |c| per body order", group);
            foreach (var fit in group)
            {
                File.WriteAllText(Path.Combine(outDir, $"dimer-{fit.Dataset}-{fit.Variant}-bo{fit.MaxBodyOrder}.csv"), fit.Dimer.ToCsv());
            }
        }
        console.MarkupLineInterpolated($"tables and plots written to [green]{Path.GetFullPath(outDir)}[/]");
        return 0;
    }

    private static (IReadOnlyList<StudyDataset>, Curve, double, string) Generated(bool quick)
    {
        var options = quick ? new SiliconStudyDataOptions(Dimers: 30, Trimers: 40, Tetramers: 40, Pentamers: 50) : SiliconStudyDataOptions.Default;
        var sets = SiliconStudyData.Names.Select(n => SiliconStudyData.Generate(n, options)).ToList();
        var grid = ClusterCurves.Grid(1.9, 6.0, 83);
        var exact = new Curve("exact SW pair curve", grid, grid.Select(StillingerWeber.Silicon.PairEnergy).ToList());
        return (sets, exact, 0.0, "generated Stillinger-Weber silicon clusters (embedded data)");
    }

    private static (IReadOnlyList<StudyDataset>, Curve, double, string) Dft(string dir)
    {
        if (!Directory.Exists(dir))
        {
            throw new DirectoryNotFoundException($"--data {dir}: no such directory");
        }
        string Need(string file) => File.Exists(Path.Combine(dir, file)) ? Path.Combine(dir, file)
            : throw new FileNotFoundException($"--data {dir}: the study needs {file}");
        var reference = Curve.Read(Need("Si2_dimer_dft.dat"), "DFT dimer");
        var sets = DftSets.Select(name => new StudyDataset(name, ExtendedXyz.ReadAll(Need($"{name}_train.xyz")),
            File.Exists(Path.Combine(dir, $"{name}_val.xyz")) ? ExtendedXyz.ReadAll(Path.Combine(dir, $"{name}_val.xyz")) : [])).ToList();
        // E0: the DFT curve is relative to two free atoms, so each dimer gives (E - curve(r)) / 2; average the far ones.
        var e0s = sets[0].Train.Select(s => (R: (s.Positions[1] - s.Positions[0]).Norm, E: s.Energy!.Value))
            .Where(d => d.R >= reference.X[^1] - 1.5 && d.R <= reference.X[^1])
            .Select(d => (d.E - reference.Interpolate(d.R)) / 2).ToList();
        if (e0s.Count == 0)
        {
            throw new InvalidOperationException("no dimer in Si2_train.xyz lies in the far range of the DFT curve to estimate E0(Si)");
        }
        double e0 = e0s.Average();
        return (sets, reference, e0, string.Create(CultureInfo.InvariantCulture, $"DFT silicon clusters in {dir} (E0(Si) = {e0:F4} eV from the dimers)"));
    }

    private static Table Summary(IReadOnlyList<BodyOrderFit> fits, int orders)
    {
        var t = new Table { Title = new TableTitle("errors (meV/atom, meV/A), dimer-curve RMS over 1.9-6 A (meV), mean |c| per body order") };
        t.AddColumns("set", "basis", "BO", "funcs", "E train", "F train", "E val", "F val", "dimer RMS");
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
        var sb = new StringBuilder("set,basis,body_order,functions,e_train,f_train,e_val,f_val,dimer_rms_meV");
        for (int nu = 1; nu <= orders; nu++)
        {
            sb.Append(CultureInfo.InvariantCulture, $",mean_abs_c_bo{nu + 1}");
        }
        sb.Append('\n');
        foreach (var f in fits)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"{f.Dataset},{f.Variant},{f.MaxBodyOrder},{f.FunctionCount},{f.Train.EnergyRmse:R},{f.Train.ForceRmse:R},{f.Validation?.EnergyRmse ?? double.NaN:R},{f.Validation?.ForceRmse ?? double.NaN:R},{1000 * f.DimerRms:R}");
            for (int nu = 1; nu <= orders; nu++)
            {
                sb.Append(CultureInfo.InvariantCulture, $",{f.MeanAbsCoefficient(nu):R}");
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }
}
