using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ace.Cli.Commands;

/// <summary>The command line of `ace md`.</summary>
internal sealed class MdSettings : CommandSettings
{
    /// <summary>The saved potential.</summary>
    [CommandArgument(0, "<potential>")]
    [Description("the saved potential (JSON, as ace fit writes it)")]
    public string Potential { get; init; } = "";

    /// <summary>The starting structure (extended XYZ).</summary>
    [CommandArgument(1, "<start>")]
    [Description("the starting structure (extended XYZ; the first frame unless --frame)")]
    public string Start { get; init; } = "";

    /// <summary>Which frame of the start file (0-based; negative counts from the end).</summary>
    [CommandOption("--frame <INDEX>")]
    [Description("which frame of the start file (0-based; -1 is the last)")]
    [DefaultValue(0)]
    public int Frame { get; init; }

    /// <summary>The number of steps.</summary>
    [CommandOption("--steps <N>")]
    [Description("the number of time steps")]
    [DefaultValue(1000)]
    public int Steps { get; init; } = 1000;

    /// <summary>The time step in fs.</summary>
    [CommandOption("--dt <FS>")]
    [Description("the time step in fs")]
    [DefaultValue(0.5)]
    public double TimeStep { get; init; } = 0.5;

    /// <summary>The temperature in K: the Langevin target and the starting velocities.</summary>
    [CommandOption("--temperature <K>")]
    [Description("the temperature in K: Maxwell-Boltzmann starting velocities and the Langevin target (without it NVE starts at rest)")]
    public double? Temperature { get; init; }

    /// <summary>The ensemble: nve or langevin.</summary>
    [CommandOption("--ensemble <NAME>")]
    [Description("nve (velocity Verlet) or langevin (BAOAB); default langevin with --temperature, nve without")]
    public string? Ensemble { get; init; }

    /// <summary>The Langevin friction in 1/fs.</summary>
    [CommandOption("--friction <PER_FS>")]
    [Description("the Langevin friction in 1/fs")]
    [DefaultValue(0.01)]
    public double Friction { get; init; } = 0.01;

    /// <summary>The random seed.</summary>
    [CommandOption("--seed <N>")]
    [Description("the seed of the starting velocities and the Langevin noise")]
    [DefaultValue(1)]
    public int Seed { get; init; } = 1;

    /// <summary>The neighbour-list skin in Angstrom.</summary>
    [CommandOption("--skin <A>")]
    [Description("the neighbour-list skin in Angstrom (searched again after an atom moved skin/2)")]
    [DefaultValue(1.0)]
    public double Skin { get; init; } = 1.0;

    /// <summary>The trajectory file.</summary>
    [CommandOption("-o|--output <FILE>")]
    [Description("the trajectory file (extended XYZ: positions, energy, forces, velocities, step, time_fs, temperature)")]
    public string? Output { get; init; }

    /// <summary>Write a trajectory frame every this many steps.</summary>
    [CommandOption("--every <N>")]
    [Description("write a trajectory frame every N steps (step 0 and the last always)")]
    [DefaultValue(10)]
    public int Every { get; init; } = 10;

    /// <summary>Print a progress line every this many steps; 0: about 20 lines.</summary>
    [CommandOption("--log-every <N>")]
    [Description("print a progress line every N steps (default: about 20 lines)")]
    [DefaultValue(0)]
    public int LogEvery { get; init; }

    /// <summary>The ensemble actually used.</summary>
    public bool IsLangevin => Ensemble is null ? Temperature is not null : Ensemble == "langevin";

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (Ensemble is not (null or "nve" or "langevin"))
        {
            return ValidationResult.Error($"--ensemble must be nve or langevin, got '{Ensemble}'");
        }
        if (Ensemble == "langevin" && Temperature is null)
        {
            return ValidationResult.Error("--ensemble langevin needs --temperature");
        }
        if (Steps < 0 || !(TimeStep > 0) || !double.IsFinite(TimeStep))
        {
            return ValidationResult.Error($"need --steps >= 0 and a positive finite --dt, got --steps {Steps} --dt {TimeStep}");
        }
        if (Temperature is { } t && (!double.IsFinite(t) || t < 0))
        {
            return ValidationResult.Error($"--temperature must be finite and non-negative, got {t}");
        }
        if (!(Friction > 0) || !double.IsFinite(Friction) || !(Skin >= 0) || !double.IsFinite(Skin))
        {
            return ValidationResult.Error($"need a positive --friction and a non-negative --skin, got {Friction} and {Skin}");
        }
        return Every < 1 || LogEvery < 0
            ? ValidationResult.Error($"need --every >= 1 and --log-every >= 0, got {Every} and {LogEvery}")
            : ValidationResult.Success();
    }

    /// <summary>Stop when the extrapolation grade exceeds this value (the potential needs an active set); null: no check.</summary>
    [CommandOption("--max-grade <G>")]
    [Description("check the extrapolation grade gamma every step (needs an active set: ace fit --active-set or ace activeset): warn once when gamma > 1, stop when gamma > G")]
    public double? MaxGrade { get; init; }
}
