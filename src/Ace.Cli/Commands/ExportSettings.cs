using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ace.Cli.Commands;

/// <summary>The command line of `ace export`.</summary>
internal sealed class ExportSettings : CommandSettings
{
    /// <summary>The saved potential (JSON, as `ace fit` writes it).</summary>
    [CommandArgument(0, "<potential>")]
    [Description("the saved potential (JSON, as ace fit writes it)")]
    public string Potential { get; init; } = "";

    /// <summary>The .yace file to write.</summary>
    [CommandOption("-o|--output <FILE>")]
    [Description("the .yace file to write (ML-PACE's C-tilde format, for LAMMPS pair_style pace)")]
    public string? Output { get; init; }

    /// <summary>Always write tabulated radial functions.</summary>
    [CommandOption("--tabulated")]
    [Description("always tabulate the radial functions (radbasename ACE.jl; only ACEpotentials.jl's ML-PACE fork reads it)")]
    public bool Tabulated { get; init; }

    /// <summary>The start of the range the re-expanded radials are fitted on.</summary>
    [CommandOption("--inner-radius <R>")]
    [Description("fit re-expanded radials from R (A) to the cutoff (default 0)")]
    public double InnerRadius { get; init; }

    /// <summary>The relative interpolation tolerance of the radial tables.</summary>
    [CommandOption("--tolerance <TOL>")]
    [Description("the largest relative interpolation error of the radial tables (default 1e-10); finer means larger files")]
    [DefaultValue(1e-10)]
    public double Tolerance { get; init; } = 1e-10;

    /// <summary>The largest number of bins per radial table.</summary>
    [CommandOption("--max-bins <N>")]
    [Description("the largest number of bins per radial table (default 1000000)")]
    [DefaultValue(1_000_000)]
    public int MaxBins { get; init; } = 1_000_000;

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Output))
        {
            return ValidationResult.Error("give the output file with -o OUT.yace");
        }
        if (!(Tolerance > 0) || !double.IsFinite(Tolerance))
        {
            return ValidationResult.Error($"--tolerance must be a positive number, got {Tolerance}");
        }
        return MaxBins < 1 ? ValidationResult.Error($"--max-bins must be at least 1, got {MaxBins}") : ValidationResult.Success();
    }
}
