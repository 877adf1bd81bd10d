using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ace.Cli.Commands;

/// <summary>The command line of `ace report`.</summary>
internal sealed class ReportSettings : CommandSettings
{
    /// <summary>The saved potential (JSON).</summary>
    [CommandArgument(0, "<potential>")]
    [Description("the saved potential (JSON, as ace fit writes it)")]
    public string Potential { get; init; } = "";

    /// <summary>The data set (extended XYZ with reference energies and forces).</summary>
    [CommandArgument(1, "<data>")]
    [Description("extended XYZ data with reference energies (and forces) to report on")]
    public string Data { get; init; } = "";

    /// <summary>The report folder.</summary>
    [CommandOption("--out <FOLDER>")]
    [Description("the report folder (default: report-<data file name> beside the data)")]
    public string? Out { get; init; }
}
