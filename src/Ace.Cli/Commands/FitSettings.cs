using System.ComponentModel;
using Spectre.Console;
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

    /// <summary>The number of committee members to draw from the BLR posterior and save with the potential; null: none.</summary>
    [CommandOption("--committee <K>")]
    [Description("draw a committee of K members (K >= 2) from the BLR posterior and save it with the potential (ace eval --uncertainty)")]
    public int? Committee { get; init; }

    /// <summary>The seed of the committee draws.</summary>
    [CommandOption("--committee-seed <SEED>")]
    [Description("the seed of the committee draws")]
    [DefaultValue(0)]
    public int CommitteeSeed { get; init; }

    /// <summary>Whether to build the extrapolation grade's active set of the training data and save it with the potential.</summary>
    [CommandOption("--active-set")]
    [Description("build the extrapolation grade's active set (MaxVol) of the training data and save it with the potential (ace eval --grade, ace select)")]
    public bool ActiveSet { get; init; }

    /// <summary>The cluster config: assemble on the cluster's workers (docs/cluster.md); null: on this machine.</summary>
    [CommandOption("--cluster <CONFIG>")]
    [Description("assemble on the workers of the cluster this config describes (ace worker; docs/cluster.md)")]
    public string? Cluster { get; init; }

    /// <inheritdoc/>
    public override ValidationResult Validate() =>
        Committee is { } k && k < 2 ? ValidationResult.Error($"--committee needs at least 2 members, got {k}") : ValidationResult.Success();
}
