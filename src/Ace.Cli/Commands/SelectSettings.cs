using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ace.Cli.Commands;

/// <summary>The command line of `ace select`.</summary>
internal sealed class SelectSettings : CommandSettings
{
    /// <summary>The saved potential with an active set.</summary>
    [CommandArgument(0, "<potential>")]
    [Description("the saved potential with an active set (ace fit --active-set, or ace activeset)")]
    public string Potential { get; init; } = "";

    /// <summary>The candidate structures (extended XYZ).</summary>
    [CommandArgument(1, "<candidates>")]
    [Description("the candidate structures (extended XYZ)")]
    public string Candidates { get; init; } = "";

    /// <summary>The most structures to select.</summary>
    [CommandOption("-n|--count <N>")]
    [Description("the most structures to select")]
    [DefaultValue(10)]
    public int Count { get; init; } = 10;

    /// <summary>Where to write the selected structures.</summary>
    [CommandOption("-o|--output <PATH>")]
    [Description("where to write the selected structures (extended XYZ, with ace_candidate_index and ace_grade in each header)")]
    public string? Output { get; init; }

    /// <summary>Candidates whose grade is at most this are not selected.</summary>
    [CommandOption("--min-grade <G>")]
    [Description("candidates whose grade (against the active set extended by the earlier choices) is at most G are not informative")]
    [DefaultValue(1.000001)]
    public double MinimumGrade { get; init; } = 1.000001;

    /// <inheritdoc/>
    public override ValidationResult Validate() =>
        Count < 1 ? ValidationResult.Error($"--count needs at least 1, got {Count}")
        : string.IsNullOrWhiteSpace(Output) ? ValidationResult.Error("-o|--output is required: where to write the selected structures")
        : !(MinimumGrade >= 1) || !double.IsFinite(MinimumGrade) ? ValidationResult.Error($"--min-grade must be at least 1, got {MinimumGrade}")
        : ValidationResult.Success();
}
