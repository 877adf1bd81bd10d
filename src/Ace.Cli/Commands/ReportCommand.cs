using Ace.Cli.Output;
using Ace.Core.Atoms;
using Ace.Core.Potentials;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ace.Cli.Commands;

/// <summary>`ace report potential.json data.xyz`: the fit report (plots and report.md) of a potential on any data set.</summary>
internal sealed class ReportCommand(IAnsiConsole console) : Command<ReportSettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, ReportSettings settings, CancellationToken cancellationToken)
    {
        var potential = LinearAcePotential.Load(settings.Potential);
        var data = ExtendedXyz.ReadAll(settings.Data);
        var folder = settings.Out ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(settings.Data))!,
            "report-" + Path.GetFileNameWithoutExtension(settings.Data));
        var files = FitReport.Write(folder, Path.GetFileName(settings.Potential), potential, [(Path.GetFileName(settings.Data), data)]);
        console.MarkupLineInterpolated($"report: [green]{Path.Combine(folder, FitReport.PageName)}[/] ({files.Count} files)");
        return ExitCode.Success;
    }
}
