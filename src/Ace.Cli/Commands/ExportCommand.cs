using System.Globalization;
using Ace.Core;
using Ace.Core.Interop.Yace;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ace.Cli.Commands;

/// <summary>`ace export potential.json -o out.yace`: the potential as a .yace file for ML-PACE (LAMMPS pair_style pace).</summary>
internal sealed class ExportCommand(IAnsiConsole console) : Command<ExportSettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, ExportSettings settings, CancellationToken cancellationToken)
    {
        var potential = LinearAce.Load(settings.Potential);
        var options = new YaceExportOptions(settings.Tabulated ? YaceRadialForm.Tabulated : YaceRadialForm.Auto, settings.Tolerance, settings.MaxBins,
            InnerRadius: settings.InnerRadius);
        var result = LinearAce.ExportYace(potential, settings.Output!, options);
        long bytes = new FileInfo(settings.Output!).Length;
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {settings.Output}: {result.FunctionCount} C-tilde functions, {result.MsCombinationCount} m-combinations, {bytes / 1024.0:F0} KiB"));
        console.WriteLine(result.Tabulated
            ? "radial functions: tabulated (radbasename ACE.jl; needs an ML-PACE that reads ACEpotentials.jl's tables)"
            : string.Create(CultureInfo.InvariantCulture, $"radial functions: ML-PACE's analytic ChebExpCos{(result.Expansions.Count > 0 ? $" (re-expanded: nradbasemax {result.Expansions[0].Degree}, max rel. fit error {result.Expansions.Max(e => e.MaxRelativeError):G3})" : "")}, deltaSplineBins {result.Document.DeltaSplineBins:G6}"));
        if (result.ExpansionFailure is not null)
        {
            console.WriteLine("not re-expanded (upstream ML-PACE cannot read this file): " + result.ExpansionFailure);
        }
        var table = new Table();
        table.AddColumns("bond", "bins", "bin width (A)", "max rel. interpolation error");
        foreach (var t in result.Tables)
        {
            table.AddRow($"{t.Center}-{t.Neighbour}", t.Bins.ToString(CultureInfo.InvariantCulture),
                t.BinWidth.ToString("G4", CultureInfo.InvariantCulture), t.MaxRelativeError.ToString("G3", CultureInfo.InvariantCulture));
        }
        console.Write(table);
        return ExitCode.Success;
    }
}
