using System.Globalization;
using Ace.Cli.Output;
using Ace.Core;
using Ace.Core.Atoms;
using Ace.Core.Potentials;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ace.Cli.Commands;

/// <summary>`ace select potential.json candidates.xyz -n 20 -o selected.xyz`: the most informative candidates (active learning).</summary>
internal sealed class SelectCommand(IAnsiConsole console) : Command<SelectSettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, SelectSettings settings, CancellationToken cancellationToken)
    {
        var potential = LinearAcePotential.Load(settings.Potential);
        var candidates = LinearAce.Read(settings.Candidates);
        var selected = LinearAce.Select(potential).Count(settings.Count).MinimumGrade(settings.MinimumGrade).Run(candidates);
        var table = new Table().Title($"selected from {candidates.Count} candidates of {settings.Candidates}");
        table.AddColumn("candidate (0-based)");
        table.AddColumn("max grade");
        table.AddColumn("grade when selected");
        foreach (var s in selected)
        {
            table.AddRow(s.Index.ToString(CultureInfo.InvariantCulture), Tables.F(s.Grade, "G4"), Tables.F(s.GradeWhenSelected, "G4"));
        }
        console.Write(table);
        if (selected.Count < settings.Count)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"only {selected.Count} of the {settings.Count} asked for: the other candidates are within the training domain or copies of chosen ones (grade <= {settings.MinimumGrade})");
        }
        var structures = selected.Select(s =>
        {
            var c = candidates[s.Index];
            var info = c.Info.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            info["ace_candidate_index"] = s.Index.ToString(CultureInfo.InvariantCulture);
            info["ace_grade"] = s.Grade.ToString("R", CultureInfo.InvariantCulture);
            return new Structure(c.Elements, c.Positions, c.Cell, c.Pbc)
            {
                Energy = c.Energy,
                Forces = c.Forces,
                Virial = c.Virial,
                ConfigType = c.ConfigType,
                Info = info,
                AtomProperties = c.AtomProperties,
            };
        });
        ExtendedXyz.Write(settings.Output!, structures);
        console.MarkupLineInterpolated($"wrote [green]{settings.Output}[/]");
        return ExitCode.Success;
    }
}
