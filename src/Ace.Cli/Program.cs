using System.Globalization;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Ace.Cli.Commands;
using Ace.Cli.Config;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ace.Cli;

/// <summary>The `ace` tool's entry point: the commands on Spectre.Console.Cli, and failures mapped to <see cref="ExitCode"/>s.</summary>
internal static class Program
{
    /// <summary>The line printed after a command-line error.</summary>
    public const string UsageHint = "usage: ace <command> [arguments] [options]; 'ace --help' lists the commands, 'ace <command> --help' a command's options";

    /// <summary>The tool's version (the assembly's informational version).</summary>
    public static string Version { get; } =
        typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Runs the tool.</summary>
    public static int Main(string[] args)
    {
        if (Console.IsOutputRedirected)
        {
            // Redirected output has no terminal width: keep the wide study tables on one line per row.
            AnsiConsole.Profile.Width = 240;
        }
        return Run(args, AnsiConsole.Console);
    }

    /// <summary>Runs the tool writing to <paramref name="console"/> (tests pass a recording console).</summary>
    /// <remarks>
    /// No arguments print the help and exit with <see cref="ExitCode.BadCommandLine"/>; `ace help [command]` is
    /// `ace [command] --help`.
    /// </remarks>
    public static int Run(string[] args, IAnsiConsole console)
    {
        var app = new CommandApp();
        app.Configure(config => Configure(config, console));
        if (args.Length == 0)
        {
            app.Run(["--help"]);
            return ExitCode.BadCommandLine;
        }
        return app.Run(args[0] == "help" ? [.. args[1..], "--help"] : args);
    }

    /// <summary>The commands, their help texts and the exit-code mapping.</summary>
    private static void Configure(IConfigurator config, IAnsiConsole console)
    {
        config.SetApplicationName("ace");
        config.SetApplicationVersion(Version);
        config.SetApplicationCulture(CultureInfo.InvariantCulture);
        config.ConfigureConsole(console);
        config.SetHelpProvider(new DocsHelpProvider(config.Settings));
        // Relaxed parsing (strict parsing reports a missing option value as a failed conversion of a made-up
        // token); the guard turns every left-over option into a command-line error instead.
        config.SetInterceptor(new UnknownArgumentGuard());
        config.SetExceptionHandler((e, _) => Fail(e, console));
        config.AddCommand<FitCommand>("fit")
            .WithDescription($"fit a potential as the YAML config says (solvers: {SolverCatalog.AllNames}); print the error tables, save the potential")
            .WithExample("fit", "fit.yaml")
            .WithExample("fit", "fit.yaml", "--committee", "8", "--active-set");
        config.AddCommand<InitCommand>("init")
            .WithDescription("write a commented template fit config (every key explained) to start from")
            .WithExample("init", "fit.yaml")
            .WithExample("init", "fit.yaml", "--force");
        config.AddCommand<EvalCommand>("eval")
            .WithDescription("the error table (meV/atom, meV/A) of a potential (Ace.Core JSON or .yace) per config_type; --predictions writes the predicted energies, forces and virials; --grade and --uncertainty report the extrapolation grade and committee spread")
            .WithExample("eval", "si.json", "val.xyz")
            .WithExample("eval", "si.yace", "val.xyz")
            .WithExample("eval", "si.json", "val.xyz", "--predictions", "predicted.xyz")
            .WithExample("eval", "si.json", "md.xyz", "--grade", "--uncertainty", "--csv", "trust.csv");
        config.AddCommand<ExportCommand>("export")
            .WithDescription("write a saved potential as a .yace file (ML-PACE's C-tilde format) for LAMMPS pair_style pace")
            .WithExample("export", "si.json", "-o", "si.yace");
        config.AddCommand<MdCommand>("md")
            .WithDescription("molecular dynamics with a saved potential: NVE (velocity Verlet) or Langevin NVT (BAOAB); extended XYZ trajectory, energy drift and mean temperature")
            .WithExample("md", "c.json", "start.xyz", "--steps", "10000", "--dt", "0.5", "--temperature", "300", "-o", "traj.xyz");
        config.AddCommand<ServeCommand>("serve")
            .WithDescription("provide forces to an i-PI server (i-PI, or ASE's SocketIOCalculator) over the i-PI socket protocol")
            .WithExample("serve", "c.json", "--connect", "unix:ace", "--structure", "start.xyz");
        config.AddCommand<ActiveSetCommand>("activeset")
            .WithDescription("build the extrapolation grade's active set (MaxVol over the training environments) and save it with the potential")
            .WithExample("activeset", "si.json", "train.xyz", "-o", "si-trust.json");
        config.AddCommand<SelectCommand>("select")
            .WithDescription("active learning: the N most informative candidates (highest grade, MaxVol de-duplicated) to an extended XYZ file")
            .WithExample("select", "si.json", "candidates.xyz", "-n", "20", "-o", "selected.xyz");
        config.AddCommand<DimerCommand>("dimer")
            .WithDescription("the dimer curve E(r) - 2 E0 of a saved potential as a table or CSV")
            .WithExample("dimer", "si.json", "--from", "1.5", "--to", "6", "--points", "46", "--csv");
        config.AddCommand<InfoCommand>("info")
            .WithDescription("what a saved potential holds: the basis summary and how it was fitted (version, commit, backend, solver, hyperparameters, training files with SHA-256)")
            .WithExample("info", "si.json");
        config.AddCommand<ReportCommand>("report")
            .WithDescription("the report of a potential on a data set: parity plots, error histograms, errors against energy and force, dimer curves, coefficients by body order, report.md")
            .WithExample("report", "si.json", "val.xyz", "--out", "si-val-report");
        config.AddCommand<StudyCommand>("study")
            .WithDescription("the body-order study (generated Stillinger-Weber data, or DFT clusters with --data); with --protocol the convergence protocol")
            .WithExample("study", "--quick")
            .WithExample("study", "--protocol", "--candidates", "\"10,12,14,16;8,10,12\"");
    }

    /// <summary>Prints the failure and returns its exit code; rethrows what is a bug rather than a user error.</summary>
    private static int Fail(Exception e, IAnsiConsole console)
    {
        var code = ExitCode.Of(e);
        if (code is null)
        {
            ExceptionDispatchInfo.Throw(e);
        }
        if (e is CommandAppException { Pretty: { } pretty })
        {
            console.Write(pretty);
        }
        else
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
        }
        if (code == ExitCode.BadCommandLine)
        {
            console.WriteLine(UsageHint);
        }
        return code.Value;
    }
}
