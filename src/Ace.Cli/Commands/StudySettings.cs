using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ace.Cli.Commands;

/// <summary>The command line of `ace study` (and `ace study --protocol`).</summary>
internal sealed class StudySettings : CommandSettings
{
    /// <summary>The folder of the DFT silicon clusters; null: generated Stillinger-Weber data.</summary>
    [CommandOption("--data <DIR>")]
    [Description("the DFT silicon clusters (<set>_train.xyz, <set>_val.xyz, Si2_dimer_dft.dat); default: generated Stillinger-Weber data")]
    public string? Data { get; init; }

    /// <summary>The folder for tables and plots.</summary>
    [CommandOption("--out <FOLDER>")]
    [Description("the folder for tables and plots")]
    [DefaultValue("study-out")]
    public string Out { get; init; } = "study-out";

    /// <summary>Whether to use the smaller generated data and degrees.</summary>
    [CommandOption("--quick")]
    [Description("smaller generated data sets and degrees 8,6,5,4")]
    public bool Quick { get; init; }

    /// <summary>Whether to scale the energy rows per atom instead of per sqrt(N) (ACEpotentials.jl's convention, the default).</summary>
    [CommandOption("--energy-per-atom")]
    [Description("weight the energy residual per atom (pacemaker) instead of per sqrt(N) (ACEpotentials.jl, the study's code; default)")]
    public bool EnergyPerAtom { get; init; }

    /// <summary>The cutoff radius in Angstrom; null: the data's default (silicon 6, carbon 5).</summary>
    [CommandOption("--cutoff <ANGSTROM>")]
    [Description("the cutoff radius of the pair and many-body bases, Angstrom (default: silicon 6, carbon 5, generated data 5)")]
    public double? Cutoff { get; init; }

    /// <summary>Whether to fit with ACEpotentials.jl's `acefit!` smoothness prior (p = 4, w_L = 1) instead of the isotropic prior.</summary>
    [CommandOption("--smoothness-prior")]
    [Description("BLR with acefit!'s smoothness prior (p = 4, w_L = 1) instead of the isotropic prior (default)")]
    public bool SmoothnessPrior { get; init; }

    /// <summary>Whether to fit with ACE1x's algebraic prior exactly as `acefit!` builds it (ACE1's scaling of the coupled basis).</summary>
    [CommandOption("--ace1-prior")]
    [Description("BLR with acefit!'s smoothness prior exactly as ACE1 computes it (p = 4, w_L = 1, ACE1's scaling of the coupled basis, purification corrections included)")]
    public bool Ace1Prior { get; init; }

    /// <summary>Whether to run the carbon half of the study (needs --data, the folder holding carbon/).</summary>
    [CommandOption("--carbon")]
    [Description("the carbon half of the study on <DATA>/carbon (Tr124_dim, Tr100_n, Tr1k_n); with --quick a reduced subset")]
    public bool Carbon { get; init; }

    /// <summary>Whether to run the pacemaker half of the carbon study (fitted radial functions, pacemaker's descriptor ladder); needs --carbon.</summary>
    [CommandOption("--pacemaker")]
    [Description("with --carbon: pacemaker's descriptor ladder (100/0 .. 45,8,4,3/0,3,3,2) with fitted radial functions on each carbon set")]
    public bool Pacemaker { get; init; }

    /// <summary>The L-BFGS iteration limit of each radial fit; null: 50 (--quick: 2).</summary>
    [CommandOption("--radial-iterations <N>")]
    [Description("with --pacemaker: the L-BFGS iteration limit of each radial fit (default 50; --quick 2)")]
    public int? RadialIterations { get; init; }

    /// <summary>The wall-time limit of each radial fit in minutes; null: none.</summary>
    [CommandOption("--radial-minutes <MINUTES>")]
    [Description("with --pacemaker: the wall-time limit of each radial fit, minutes, checked after each iteration (default: none)")]
    public double? RadialMinutes { get; init; }

    /// <summary>pacemaker's loss for the ladder's fits: kappa in [0, 1] or "auto"; null: energy 60 per atom / forces 1.</summary>
    [CommandOption("--kappa <KAPPA>")]
    [Description("with --pacemaker: fit pacemaker's loss (1 - kappa) <(dE/N)^2> + kappa <|dF|^2>, kappa from 0 to 1 or auto (default: weights energy 60 per atom / forces 1)")]
    public string? Kappa { get; init; }

    /// <summary>The loss of <see cref="Kappa"/> (kappa null for auto), or null without the option (checked by validation).</summary>
    public Config.LossConfig? Loss => Kappa is { } text && Config.KappaText.TryParse(text, out var loss) ? loss : null;

    /// <summary>The rungs to fit, e.g. "100/0;45,8/0,2"; null: the study's ladder (--quick: its first three rungs).</summary>
    [CommandOption("--descriptors <LIST>")]
    [Description("with --pacemaker: the rungs, nmax/lmax per order, separated by ';', e.g. \"100/0;45,8/0,2\" (default: the study's six; --quick: the first three)")]
    public string? Descriptors { get; init; }

    /// <summary>The parsed <see cref="Descriptors"/>, or null.</summary>
    public IReadOnlyList<Core.Studies.PacemakerDescriptor>? DescriptorList => Descriptors is null ? null
        : [.. Descriptors.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Core.Studies.PacemakerDescriptor.Parse)];

    /// <summary>Whether to run the convergence protocol instead of fixed degrees.</summary>
    [CommandOption("--protocol")]
    [Description("the convergence protocol: grow each body order while the validation error falls")]
    public bool Protocol { get; init; }

    /// <summary>The maximum degree per correlation order, e.g. 16,14,12,10; null: the data's defaults.</summary>
    [CommandOption("--degrees <LIST>")]
    [Description("maximum total degree per correlation order, e.g. 16,14,12,10")]
    public string? Degrees { get; init; }

    /// <summary>The protocol's degree candidates per correlation order, e.g. "10,12,14;8,10"; null: from the degrees.</summary>
    [CommandOption("--candidates <LISTS>")]
    [Description("with --protocol: increasing degrees per correlation order, orders separated by ';', e.g. \"10,12,14;8,10\"")]
    public string? Candidates { get; init; }

    /// <summary>The parsed <see cref="Degrees"/>, or null.</summary>
    public int[]? DegreeList => Degrees is null ? null : DegreeLists.ParseDegrees(Degrees);

    /// <summary>The parsed <see cref="Candidates"/>, or null.</summary>
    public int[][]? CandidateLists => Candidates is null ? null : DegreeLists.ParseCandidates(Candidates);

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (Carbon && Data is null)
        {
            return ValidationResult.Error("--carbon needs --data <DIR>, the folder that holds carbon/Tr124_dim.xyz, Tr100_n.xyz and Tr1k_n.xyz");
        }
        if (Carbon && Protocol)
        {
            return ValidationResult.Error("--carbon runs with fixed degrees; --protocol is for the silicon clusters");
        }
        if (PacemakerError() is { } pacemaker)
        {
            return ValidationResult.Error(pacemaker);
        }
        if (Ace1Prior && SmoothnessPrior)
        {
            return ValidationResult.Error("give --smoothness-prior (from the labels) or --ace1-prior (ACE1's scaling), not both");
        }
        if (Cutoff is { } cutoff && !(cutoff > 0 && double.IsFinite(cutoff)))
        {
            return ValidationResult.Error($"--cutoff must be a positive number of Angstrom, got {cutoff.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }
        if (Candidates is not null && !Protocol)
        {
            return ValidationResult.Error("--candidates only applies with --protocol");
        }
        if (Candidates is not null && Degrees is not null)
        {
            return ValidationResult.Error("give --degrees (maximum per order) or --candidates (the protocol's lists), not both");
        }
        try
        {
            _ = DescriptorList;
            _ = DegreeList;
            _ = CandidateLists;
        }
        catch (UsageException e)
        {
            return ValidationResult.Error(e.Message);
        }
        catch (FormatException e)
        {
            return ValidationResult.Error($"--descriptors: {e.Message}");
        }
        return ValidationResult.Success();
    }

    /// <summary>What is wrong with the --pacemaker options, or null.</summary>
    private string? PacemakerError()
    {
        if (!Pacemaker)
        {
            return (RadialIterations, RadialMinutes, Descriptors, Kappa) switch
            {
                ({ }, _, _, _) => "--radial-iterations only applies with --pacemaker",
                (_, { }, _, _) => "--radial-minutes only applies with --pacemaker",
                (_, _, { }, _) => "--descriptors only applies with --pacemaker",
                (_, _, _, { }) => "--kappa only applies with --pacemaker",
                _ => null,
            };
        }
        if (!Carbon)
        {
            return "--pacemaker is the pacemaker half of the carbon study: give it with --carbon --data <DIR>";
        }
        if (Degrees is not null)
        {
            return "--pacemaker fits pacemaker's n_max/l_max descriptors: choose them with --descriptors, not --degrees";
        }
        if (SmoothnessPrior || Ace1Prior || EnergyPerAtom)
        {
            return "--pacemaker always starts from BLR with the column-scaled smoothness prior (p = 4) and weights energy 60 per atom / forces 1 (or --kappa): drop --smoothness-prior, --ace1-prior and --energy-per-atom";
        }
        if (RadialIterations is < 0)
        {
            return $"--radial-iterations must be 0 or more, got {RadialIterations}";
        }
        if (Kappa is { } kappa && !Config.KappaText.TryParse(kappa, out _))
        {
            return $"--kappa must be a number in [0, 1] or auto, got {kappa}";
        }
        if (RadialMinutes is { } minutes && !(minutes > 0 && double.IsFinite(minutes)))
        {
            return $"--radial-minutes must be a positive number of minutes, got {minutes.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        }
        return null;
    }
}
