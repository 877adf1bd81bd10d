using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ace.Cli.Commands;

/// <summary>The command line of `ace fit`.</summary>
internal sealed class FitSettings : CommandSettings
{
    /// <summary>The YAML config (see docs/cli.md; `ace init` writes a commented template).</summary>
    [CommandArgument(0, "<config>")]
    [Description("the YAML fit config (`ace init fit.yaml` writes a commented template)")]
    public string Config { get; init; } = "";

    /// <summary>The report folder; null: beside the potential, named after it.</summary>
    [CommandOption("--report <FOLDER>")]
    [Description("the report folder (plots and report.md; default: the potential's path without .json, plus -report)")]
    public string? Report { get; init; }

    /// <summary>True: write no report.</summary>
    [CommandOption("--no-report")]
    [Description("write no report (plots, report.md)")]
    public bool NoReport { get; init; }

    /// <summary>True: add a learning curve to the report (four more fits).</summary>
    [CommandOption("--learning-curve")]
    [Description("add a learning curve to the report: fits on 1/8, 1/4, 1/2 and all of the training set, errors on the validation set (else the training set)")]
    public bool LearningCurve { get; init; }
}
