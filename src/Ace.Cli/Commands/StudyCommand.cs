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
    /// <summary>The study's free-atom energy of silicon (eV); the DFT dimer curve Si2_dimer_dft.dat is E - 2 E0.</summary>
    private const double DftFreeAtomEnergy = -7881.32677981122;

    private static readonly string[] DftSets = ["Si2", "Si23", "Si234", "Si2345", "Si3", "Si4", "Si5", "Si345"];

    public static int Run(CliArguments args, IAnsiConsole console)
    {
        var dataDir = args.Text("data");
        var outDir = args.Text("out") ?? "study-out";
        bool quick = args.Flag("quick");
        var degreesText = args.Text("degrees");
        args.Finish(0, 0);
        var (datasets, reference, description) = dataDir is null ? Generated(quick) : Dft(dataDir);
        // Generated SW data: E0 = 0 and the SW cutoff (3.77 A) lies well inside 5 A. DFT clusters: the study's settings.
        var (cutoff, r0, e0, energyWeight) = dataDir is null ? (5.0, 2.3, 0.0, 30.0) : (6.0, 2.20707071, DftFreeAtomEnergy, 50.0);
        var degrees = degreesText is null
            ? (dataDir is null ? (quick ? [8, 6, 5, 4] : [16, 14, 12, 10]) : new[] { 24, 20, 16, 12 })
            : degreesText.Split(',', '.').Select(t => int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out int d) && d > 0
                ? d : throw new UsageException($"--degrees needs positive integers like 12,10,8,6; got '{degreesText}'")).ToArray();
        var variants = new List<BasisVariant>
        {
            new("SI", d => Core.Ace.Basis("Si").Cutoff(cutoff).Radial(r0: r0).TotalDegree([.. d]).Build()),
            new("PURE", d => Core.Ace.Basis("Si").Cutoff(cutoff).Radial(r0: r0).TotalDegree([.. d]).Purify().Build()),
        };
        console.MarkupLineInterpolated($"[bold]Body-order study[/] on {description}");
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"degrees per correlation order {string.Join(".", degrees)}, cutoff {cutoff} A, r0 {r0} A, E0(Si) {e0} eV, BLR, weights energy {energyWeight} / forces 1");
        var settings = new BodyOrderStudySettings("Si", datasets, variants, degrees,
            basis => Core.Ace.Fit(basis).ReferenceEnergies(("Si", e0)).Weights(energy: energyWeight, forces: 1), reference);
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

    private static (IReadOnlyList<StudyDataset>, Curve, string) Generated(bool quick)
    {
        var options = quick ? new SiliconStudyDataOptions(Dimers: 30, Trimers: 40, Tetramers: 40, Pentamers: 50) : SiliconStudyDataOptions.Default;
        var sets = SiliconStudyData.Names.Select(n => SiliconStudyData.Generate(n, options)).ToList();
        var grid = ClusterCurves.Grid(1.9, 6.0, 83);
        var exact = new Curve("exact SW pair curve", grid, grid.Select(StillingerWeber.Silicon.PairEnergy).ToList());
        return (sets, exact, "generated Stillinger-Weber silicon clusters (embedded data)");
    }

    private static (IReadOnlyList<StudyDataset>, Curve, string) Dft(string dir)
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
        return (sets, reference, $"DFT silicon clusters in {dir}");
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
