using System.Globalization;
using System.Reflection;
using System.Text;
using Ace.Core.Solvers;
using Ace.Core.Solvers.Backends;

namespace Ace.Core.Fitting;

/// <summary>
/// How a potential was fitted, saved with it (the optional <c>provenance</c> field of the potential file): the
/// library version and commit, the date, the linear-algebra backend, the solve (solver, prior or ridge, and the
/// hyperparameters it chose), the weights, the amount of data and, when the fit came from files, the SHA-256 of every
/// training file. <see cref="FitBuilder.Run"/> fills it in (<see cref="FitResult.Potential"/>'s
/// <see cref="Potentials.LinearAcePotential.Provenance"/>); <see cref="WithTrainingFiles"/> adds the files.
/// </summary>
public sealed record FitProvenance
{
    /// <summary>The library that fitted, e.g. "Ace.Core 0.1.0+&lt;commit&gt;" (its informational version).</summary>
    public required string Library { get; init; }

    /// <summary>The git commit the library was built from (from its informational version), or null when unknown.</summary>
    public string? Commit { get; init; }

    /// <summary>When the fit finished (UTC).</summary>
    public required DateTimeOffset Date { get; init; }

    /// <summary>The default linear-algebra backend at fit time, e.g. "managed" or "native (libopenblas.so.0)".</summary>
    public required string Backend { get; init; }

    /// <summary>The solver that produced the coefficients, with its settings.</summary>
    public required string Solver { get; init; }

    /// <summary>The solve as the fit was configured: the default BLR, a smoothness prior, a fixed or cross-validated ridge, or an explicit solver.</summary>
    public required string Solve { get; init; }

    /// <summary>What the solver chose or found (BLR: prior and noise variance, log evidence, effective parameters; ridge by CV: lambda).</summary>
    public IReadOnlyDictionary<string, double> Hyperparameters { get; init; } = new Dictionary<string, double>();

    /// <summary>The fit's other settings as text: weights (default and per config_type), energy scaling, assembly mode, weight keys.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>The number of training structures.</summary>
    public required int Structures { get; init; }

    /// <summary>The number of training atoms.</summary>
    public required long Atoms { get; init; }

    /// <summary>The number of weighted rows assembled.</summary>
    public required long Rows { get; init; }

    /// <summary>Wall time of the assembly in seconds.</summary>
    public double AssemblySeconds { get; init; }

    /// <summary>Wall time of the solve in seconds.</summary>
    public double SolveSeconds { get; init; }

    /// <summary>The training files with their SHA-256 (empty when the fit was given structures, not files).</summary>
    public IReadOnlyList<TrainingFile> TrainingFiles { get; init; } = [];

    /// <summary>This record with the training files <paramref name="paths"/> and their SHA-256 hashes (read now).</summary>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    public FitProvenance WithTrainingFiles(params IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return this with { TrainingFiles = [.. TrainingFiles, .. paths.Select(TrainingFile.Of)] };
    }

    /// <summary>The informational version of Ace.Core ("0.1.0+commit" when built from git).</summary>
    public static string LibraryVersion { get; } =
        typeof(FitProvenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>The record of a fit that just finished.</summary>
    internal static FitProvenance Of(FitResult fit, string solve, IReadOnlyDictionary<string, string> settings, long atoms)
    {
        var hyper = new Dictionary<string, double>(StringComparer.Ordinal);
        if (fit.Solution is BayesianSolution blr)
        {
            hyper["priorVariance"] = blr.PriorVariance;
            hyper["noiseVariance"] = blr.NoiseVariance;
            hyper["logEvidence"] = blr.LogEvidence;
            hyper["effectiveParameters"] = blr.EffectiveParameters;
        }
        if (fit.Ridge is { } ridge)
        {
            hyper["lambda"] = ridge.Lambda;
        }
        hyper["effectiveRank"] = fit.Solution.EffectiveRank;
        hyper["iterations"] = fit.Solution.Iterations;
        int plus = LibraryVersion.IndexOf('+', StringComparison.Ordinal);
        return new FitProvenance
        {
            Library = "Ace.Core " + LibraryVersion,
            Commit = plus >= 0 ? LibraryVersion[(plus + 1)..] : null,
            Date = DateTimeOffset.UtcNow,
            Backend = LinearAlgebra.Backend.Name,
            Solver = fit.Solution.Solver,
            Solve = solve,
            Hyperparameters = hyper,
            Settings = settings,
            Structures = fit.StructureCount,
            Atoms = atoms,
            Rows = fit.Rows,
            AssemblySeconds = fit.AssemblyTime.TotalSeconds,
            SolveSeconds = fit.SolveTime.TotalSeconds,
        };
    }

    /// <summary>A readable multi-line summary (what <c>ace info</c> prints).</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        sb.Append(c, $"fitted by   {Library}\n");
        sb.Append(c, $"commit      {Commit ?? "unknown"}\n");
        sb.Append(c, $"date        {Date.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC\n");
        sb.Append(c, $"backend     {Backend}\n");
        sb.Append(c, $"solve       {Solve}\n");
        sb.Append(c, $"solver      {Solver}\n");
        foreach (var (key, value) in Hyperparameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            sb.Append(c, $"  {key,-20} {value:G6}\n");
        }
        foreach (var (key, value) in Settings.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            sb.Append(c, $"{key,-11} {value}\n");
        }
        sb.Append(c, $"data        {Structures} structures, {Atoms} atoms, {Rows} rows\n");
        sb.Append(c, $"timings     assembly {AssemblySeconds:F2} s, solve {SolveSeconds:F2} s\n");
        foreach (var file in TrainingFiles)
        {
            sb.Append(c, $"training    {file.Path}  sha256 {file.Sha256}\n");
        }
        return sb.ToString();
    }
}
