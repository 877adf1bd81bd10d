using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ace.Cli.Commands;

/// <summary>The command line of `ace dimer`.</summary>
internal sealed class DimerSettings : CommandSettings
{
    /// <summary>The saved potential (JSON).</summary>
    [CommandArgument(0, "<potential>")]
    [Description("the saved potential (JSON, as ace fit writes it)")]
    public string Potential { get; init; } = "";

    /// <summary>The element of both atoms; null: the potential's first element.</summary>
    [CommandOption("--element <ELEMENT>")]
    [Description("the element of both atoms (default: the potential's first element)")]
    public string? Element { get; init; }

    /// <summary>The first distance, Angstrom.</summary>
    [CommandOption("--from <R>")]
    [Description("the first distance, Angstrom")]
    [DefaultValue(1.5)]
    public double From { get; init; } = 1.5;

    /// <summary>The last distance, Angstrom.</summary>
    [CommandOption("--to <R>")]
    [Description("the last distance, Angstrom")]
    [DefaultValue(6.0)]
    public double To { get; init; } = 6.0;

    /// <summary>The number of distances (equally spaced, both ends included).</summary>
    [CommandOption("--points <N>")]
    [Description("the number of equally spaced distances, both ends included (at least 2)")]
    [DefaultValue(46)]
    public int Points { get; init; } = 46;

    /// <summary>Whether to print CSV (r_A,energy_eV) instead of a table.</summary>
    [CommandOption("--csv")]
    [Description("print CSV (r_A,energy_eV) instead of a table")]
    public bool Csv { get; init; }

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (!double.IsFinite(From) || !double.IsFinite(To) || !(To > From))
        {
            return ValidationResult.Error($"need finite distances with --from < --to, got --from {From} --to {To}");
        }
        return Points < 2 ? ValidationResult.Error($"--points needs at least 2 distances, got {Points}") : ValidationResult.Success();
    }
}
