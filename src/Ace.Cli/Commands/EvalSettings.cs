using System.ComponentModel;
using Spectre.Console;
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

    /// <summary>Where to write the structures with the predictions attached (extended XYZ), or null.</summary>
    [CommandOption("--predictions <FILE>")]
    [Description("also write the structures with predictions: keys ace_energy, ace_virial, ace_stress, columns ace_forces, ace_energies")]
    public string? Predictions { get; init; }

    /// <summary>The prefix of the prediction keys; empty to replace the reference data.</summary>
    [CommandOption("--prediction-prefix <PREFIX>")]
    [Description("the prefix of the prediction keys; \"\" writes them as energy, forces, virial, replacing the reference")]
    [DefaultValue(Ace.Core.Potentials.Predictions.DefaultPrefix)]
    public string PredictionPrefix { get; init; } = Ace.Core.Potentials.Predictions.DefaultPrefix;

    /// <summary>Whether to report the extrapolation grade (the potential needs an active set).</summary>
    [CommandOption("--grade")]
    [Description("report the extrapolation grade gamma per structure (max over atoms; needs an active set: ace fit --active-set or ace activeset)")]
    public bool Grade { get; init; }

    /// <summary>Whether to report the committee's standard deviations (the potential needs a committee).</summary>
    [CommandOption("--uncertainty")]
    [Description("report the committee standard deviations of energy, forces and virial (needs a committee: ace fit --committee K)")]
    public bool Uncertainty { get; init; }

    /// <summary>Where to write the per-structure CSV of --grade / --uncertainty.</summary>
    [CommandOption("--csv <PATH>")]
    [Description("write one CSV row per structure (index, atoms, config_type, max_grade, energy/force/virial standard deviations)")]
    public string? Csv { get; init; }

    /// <summary>Where to write the per-atom CSV of --grade / --uncertainty.</summary>
    [CommandOption("--atoms-csv <PATH>")]
    [Description("write one CSV row per atom (structure, atom, element, grade, site-energy and force standard deviations)")]
    public string? AtomsCsv { get; init; }

    /// <inheritdoc/>
    public override ValidationResult Validate() =>
        (Csv is not null || AtomsCsv is not null) && !Grade && !Uncertainty
            ? ValidationResult.Error("--csv and --atoms-csv write the results of --grade or --uncertainty; give at least one of them")
            : ValidationResult.Success();
}
