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
    bool Purify,
    string TrainPath,
    string? ValidationPath,
    string EnergyKey,
    string? ForcesKey,
    IReadOnlyDictionary<string, double> ReferenceEnergies,
    (double Energy, double Forces, double Virial) Weights,
    IReadOnlyDictionary<string, (double Energy, double Forces, double Virial)> ConfigTypeWeights,
    string Solver,
    double Regularisation,
    string OutputPath);
