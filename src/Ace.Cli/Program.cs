using System.Globalization;
using System.Reflection;
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

    /// <summary>The global flag that adds the stack trace to a failure's one-line message.</summary>
    public const string DebugFlag = "--debug";

    /// <summary>Runs the tool writing to <paramref name="console"/> (tests pass a recording console).</summary>
    /// <remarks>
    /// No arguments print the help and exit with <see cref="ExitCode.BadCommandLine"/>; `ace help [command]` is
    /// `ace [command] --help`. Every failure, whichever command raised it, goes through <see cref="Fail"/>: one line
    /// and the exit code of <see cref="ExitCode.Of"/>; <see cref="DebugFlag"/> anywhere on the line adds the stack trace.
    /// </remarks>
    public static int Run(string[] args, IAnsiConsole console)
    {
        bool debug = args.Contains(DebugFlag, StringComparer.Ordinal);
        args = [.. args.Where(a => !string.Equals(a, DebugFlag, StringComparison.Ordinal))];
        var app = new CommandApp();
        app.Configure(config => Configure(config, console, debug));
        if (args.Length == 0)
        {
            app.Run(["--help"]);
            return ExitCode.BadCommandLine;
        }
        try
        {
            return app.Run(args[0] == "help" ? [.. args[1..], "--help"] : args);
        }
        catch (Exception e)
        {
            // What escapes Spectre's handler (e.g. from its own configuration) takes the same path.
            return Fail(e, console, debug);
        }
    }

    /// <summary>The commands, their help texts and the exit-code mapping.</summary>
    private static void Configure(IConfigurator config, IAnsiConsole console, bool debug)
    {
        config.SetApplicationName("ace");
        config.SetApplicationVersion(Version);
        config.SetApplicationCulture(CultureInfo.InvariantCulture);
        config.ConfigureConsole(console);
        config.SetHelpProvider(new DocsHelpProvider(config.Settings));
        // Relaxed parsing (strict parsing reports a missing option value as a failed conversion of a made-up
        // token); the guard turns every left-over option into a command-line error instead.
        config.SetInterceptor(new UnknownArgumentGuard());
        config.SetExceptionHandler((e, _) => Fail(e, console, debug));
        config.AddCommand<FitCommand>("fit")
            .WithDescription($"fit a potential as the YAML config says (solvers: {SolverCatalog.AllNames}); print the error tables, save the potential")
            .WithExample("fit", "fit.yaml")
            .WithExample("fit", "fit.yaml", "--committee", "8", "--active-set")
            .WithExample("fit", "fit.yaml", "--cluster", "cluster.yaml");
        config.AddCommand<WorkerCommand>("worker")
            .WithDescription("run an assembly worker (an Orleans silo) for `ace fit --cluster` until stopped (docs/cluster.md)")
            .WithExample("worker", "--cluster", "cluster.yaml")
            .WithExample("worker", "--cluster", "cluster.yaml", "--silo-port", "11112", "--gateway-port", "30001");
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

    /// <summary>
    /// Prints the failure as one line (and its stack trace with <see cref="DebugFlag"/>) and returns its exit code;
    /// an exception that is a bug rather than a user error says so and exits with <see cref="ExitCode.InternalError"/>.
    /// </summary>
    private static int Fail(Exception e, IAnsiConsole console, bool debug)
    {
        var cause = ExitCode.Unwrap(e);
        var code = ExitCode.Of(cause);
        // One line however long the message: no wrapping at the console width.
        console.Profile.Width = Math.Max(console.Profile.Width, 100 + cause.Message.Length);
        if (cause is CommandAppException { Pretty: { } pretty })
        {
            console.Write(pretty);
        }
        else if (code is null)
        {
            console.MarkupLineInterpolated(
                $"[red]internal error[/] (a bug in ace {Version}, please report it): {cause.GetType().Name}: {OneLine(cause.Message)}; rerun with {DebugFlag} for the stack trace");
        }
        else
        {
            console.MarkupLineInterpolated($"[red]error:[/] {OneLine(MessageOf(cause))}");
        }
        if (debug)
        {
            console.WriteLine(e.ToString());
        }
        if (code == ExitCode.BadCommandLine)
        {
            console.WriteLine(UsageHint);
        }
        return code ?? ExitCode.InternalError;
    }

    /// <summary>The exception's message; an argument exception's without the " (Parameter 'x')" suffix, which means nothing to a tool user.</summary>
    private static string MessageOf(Exception e)
    {
        var message = e.Message;
        return e is ArgumentException { ParamName: { } name } && message.EndsWith($" (Parameter '{name}')", StringComparison.Ordinal)
            ? message[..^$" (Parameter '{name}')".Length]
            : message;
    }

    /// <summary>A message on one line (line breaks become "; ", other control characters "?").</summary>
    private static string OneLine(string message) =>
        string.Join("; ", message.Split(['\r', '\n', '\u0085', '\u2028', '\u2029'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => string.Concat(line.Select(c => char.IsControl(c) ? '?' : c))));
}
