namespace Ace.Cli.Config;

/// <summary>A validated `ace fit` configuration (see docs/cli.md for the keys).</summary>
internal sealed record FitConfig(
    string SourcePath,
    IReadOnlyList<string> Elements,
    double Cutoff,
    double R0,
    int P,
    int Q,
    int PIn,
    int PCut,
    IReadOnlyList<int> Degrees,
    double? AngularWeight,
    Ace.Core.Basis.PurificationKind? Purify,
    string TrainPath,
    string? ValidationPath,
    string EnergyKey,
    string? ForcesKey,
    IReadOnlyDictionary<string, double> ReferenceEnergies,
    (double Energy, double Forces, double Virial) Weights,
    IReadOnlyDictionary<string, (double Energy, double Forces, double Virial)> ConfigTypeWeights,
    string Solver,
    double Regularisation,
    string OutputPath)
{
    /// <summary>The smoothness prior of `blr` or `ridge-cv`, or null (no `prior:` key).</summary>
    public PriorConfig? Prior { get; init; }

    /// <summary>Per-pair radial bases and cutoffs (`pairs:`); empty: every pair uses `cutoff` and `radial`.</summary>
    public IReadOnlyList<PairRadialConfig> PairRadials { get; init; } = [];

    /// <summary>The folds of the `ridge-cv` solver's cross-validation (default 5); null for the other solvers.</summary>
    public int? RidgeFolds { get; init; }

    /// <summary>K of the top-level `cross_validate: K` (out-of-fold errors after the fit), or null.</summary>
    public int? CrossValidationFolds { get; init; }

    /// <summary>The basis size limits of `limits:` (the library's defaults without the key).</summary>
    public Ace.Core.Basis.BasisLimits Limits { get; init; } = Ace.Core.Basis.BasisLimits.Default;

    /// <summary>The settings of `fit_radials:` (fitted radials over `primitives` functions, fitted with the coefficients), or null.</summary>
    public FitRadialsConfig? FitRadials { get; init; }

    /// <summary>pacemaker's loss (`loss: {kappa: ...}`), or null: the weights as given.</summary>
    public LossConfig? Loss { get; init; }

    /// <summary>Where `errors_csv:` asks for the error tables (training, validation, out-of-fold) as one CSV, or null.</summary>
    public string? ErrorsCsvPath { get; init; }
}

/// <summary>The `loss:` settings: pacemaker's kappa, null for `auto` (see <c>FitBuilder.PacemakerLoss</c>).</summary>
internal sealed record LossConfig(double? Kappa);

/// <summary>The `fit_radials:` settings (see <c>FitBuilder.FitRadials</c>).</summary>
internal sealed record FitRadialsConfig(int Primitives, int MaxIterations, int Patience, double Smoothness, double? MaxMinutes);
