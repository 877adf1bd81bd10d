using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ace.Cli.Commands;

/// <summary>The command line of `ace eval`.</summary>
internal sealed class EvalSettings : CommandSettings
{
    /// <summary>The potential: Ace.Core JSON (as `ace fit` writes it) or a .yace file.</summary>
    [CommandArgument(0, "<potential>")]
    [Description("the potential: Ace.Core JSON (as ace fit writes it) or a .yace file (pacemaker, ACEpotentials.jl, ace export)")]
    public string Potential { get; init; } = "";

    /// <summary>The structures to evaluate on (extended XYZ).</summary>
    [CommandArgument(1, "<data>")]
    [Description("the structures with reference energies and forces (extended XYZ)")]
    public string Data { get; init; } = "";
}
