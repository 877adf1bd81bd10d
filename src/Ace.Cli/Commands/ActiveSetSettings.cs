using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ace.Cli.Commands;

/// <summary>The command line of `ace activeset`.</summary>
internal sealed class ActiveSetSettings : CommandSettings
{
    /// <summary>The saved potential (JSON).</summary>
    [CommandArgument(0, "<potential>")]
    [Description("the saved potential (JSON, as ace fit writes it)")]
    public string Potential { get; init; } = "";

    /// <summary>The training structures (extended XYZ, streamed).</summary>
    [CommandArgument(1, "<training>")]
    [Description("the structures the potential was trained on (extended XYZ; read in batches, several passes)")]
    public string Training { get; init; } = "";

    /// <summary>Where to save the potential with its active set; null: over the input potential.</summary>
    [CommandOption("-o|--output <PATH>")]
    [Description("where to save the potential with its active set (default: replace <potential>)")]
    public string? Output { get; init; }

    /// <summary>Structures per batch.</summary>
    [CommandOption("--batch <N>")]
    [Description("structures per batch")]
    [DefaultValue(256)]
    public int Batch { get; init; } = 256;

    /// <summary>The MaxVol tolerance.</summary>
    [CommandOption("--tolerance <T>")]
    [Description("MaxVol tolerance: training environments end with grades at most 1 + T")]
    [DefaultValue(1e-10)]
    public double Tolerance { get; init; } = 1e-10;

    /// <inheritdoc/>
    public override ValidationResult Validate() =>
        Batch < 1 ? ValidationResult.Error($"--batch needs at least 1 structure, got {Batch}")
        : !(Tolerance > 0) || !double.IsFinite(Tolerance) ? ValidationResult.Error($"--tolerance must be positive, got {Tolerance}")
        : ValidationResult.Success();
}
