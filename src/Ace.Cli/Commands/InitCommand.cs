using Ace.Cli.Config;
using Ace.Core.Atoms;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ace.Cli.Commands;

/// <summary>`ace init fit.yaml`: writes the commented template config (<see cref="FitConfigTemplate"/>), never over an existing file unless --force.</summary>
internal sealed class InitCommand(IAnsiConsole console) : Command<InitSettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, InitSettings settings, CancellationToken cancellationToken)
    {
        var path = settings.Config;
        if (Directory.Exists(path))
        {
            throw new IOException($"{path}: is a folder; give the config's file name, e.g. {Path.Combine(path, "fit.yaml")}");
        }
        if (File.Exists(path) && !settings.Force)
        {
            throw new IOException($"{path}: the file exists; use --force to overwrite it");
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{path}: the folder {folder} does not exist");
        }
        AtomicFile.WriteAllText(path, FitConfigTemplate.Text);
        console.MarkupLineInterpolated($"wrote [green]{path}[/]; point data.train at your training data (extended XYZ), then run: ace fit {path}");
        return ExitCode.Success;
    }
}
