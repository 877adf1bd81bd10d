using Ace.Cli.Commands;
using Ace.Core.Atoms;
using Ace.Core.Fitting;
using Ace.Core.Serialization;
using Spectre.Console;

namespace Ace.Cli;

/// <summary>The `ace` tool's entry point: dispatches to the commands and maps failures to exit codes.</summary>
internal static class Program
{
    /// <summary>The usage text.</summary>
    public const string Usage = """
        usage: ace <command> [arguments] [options]

          ace fit <config.yaml>                      fit a potential as the config says (see docs/cli.md)
          ace eval <potential.json> <data.xyz>       error table (meV/atom, meV/A) per config_type
          ace dimer <potential.json> [--element Si] [--from 1.5] [--to 6] [--points 46] [--csv]
          ace study [--data <dir>] [--out <folder>] [--quick] [--degrees 16,14,12,10]
                                                     the body-order study: SW data by default, DFT clusters with --data
          ace study --protocol [--data <dir>] [--out <folder>] [--quick] [--degrees ... | --candidates "10,12,14,16;8,10,12"]
                                                     the convergence protocol: grow each body order while validation improves
          ace help                                   this text

        exit codes: 0 success, 1 failure (bad input data or config), 2 wrong command line
        """;

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
    public static int Run(string[] args, IAnsiConsole console)
    {
        try
        {
            if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
            {
                console.WriteLine(Usage);
                return args.Length == 0 ? 2 : 0;
            }
            var flags = new HashSet<string>(StringComparer.Ordinal) { "csv", "quick", "protocol" };
            var parsed = CliArguments.Parse(args, flags);
            return parsed.Command switch
            {
                "fit" => FitCommand.Run(parsed, console),
                "eval" => EvalCommand.Run(parsed, console),
                "dimer" => DimerCommand.Run(parsed, console),
                "study" => StudyCommand.Run(parsed, console),
                _ => throw new UsageException($"unknown command '{parsed.Command}'"),
            };
        }
        catch (UsageException e)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            console.WriteLine(Usage);
            return 2;
        }
        catch (Exception e) when (e is ConfigException or ExtendedXyzException or PotentialFormatException or TrainingDataException
            or FileNotFoundException or DirectoryNotFoundException or ArgumentException or FormatException or InvalidOperationException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 1;
        }
    }
}
