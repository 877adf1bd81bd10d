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

    /// <summary>Where to write the structures with the predictions attached (extended XYZ), or null.</summary>
    [CommandOption("--predictions <FILE>")]
    [Description("also write the structures with predictions: keys ace_energy, ace_virial, ace_stress, columns ace_forces, ace_energies")]
    public string? Predictions { get; init; }

    /// <summary>The prefix of the prediction keys; empty to replace the reference data.</summary>
    [CommandOption("--prediction-prefix <PREFIX>")]
    [Description("the prefix of the prediction keys; \"\" writes them as energy, forces, virial, replacing the reference")]
    [DefaultValue(Ace.Core.Potentials.Predictions.DefaultPrefix)]
    public string PredictionPrefix { get; init; } = Ace.Core.Potentials.Predictions.DefaultPrefix;
}
