using System.Globalization;
using Ace.Core.Atoms;
using Ace.Core.Basis;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ace.Cli.Config;

/// <summary>Reads an `ace fit` YAML config, reporting every problem with its file, line and key.</summary>
internal static class FitConfigReader
{
    /// <summary>The top-level keys of a config (the `ace init` template documents each).</summary>
    public static readonly string[] TopKeys =
        ["elements", "cutoff", "radial", "pairs", "degrees", "body_order", "angular_weight", "purify", "data", "reference_energies", "weights", "config_type_weights", "solver", "prior", "cross_validate", "errors_csv", "limits", "output", "fit_radials", "loss"];

    /// <summary>The keys of `radial:`.</summary>
    public static readonly string[] RadialKeys = ["r0", "p", "q", "pin", "pcut"];

    /// <summary>The keys of each `pairs:` entry (`Si-C: {cutoff: 4.5, r0: 1.9}`); unset keys take the global values.</summary>
    public static readonly string[] PairKeys = ["cutoff", "r0", "p", "q", "pin", "pcut"];

    /// <summary>The keys of `data:`.</summary>
    public static readonly string[] DataKeys = ["train", "validation", "energy_key", "forces_key"];

    /// <summary>The keys of `weights:` and of each `config_type_weights:` entry.</summary>
    public static readonly string[] WeightKeys = ["energy", "forces", "virial"];

    /// <summary>The keys of the mapping form of `solver:`.</summary>
    public static readonly string[] SolverKeys = ["type", "regularisation", "folds"];

    /// <summary>The keys of the mapping form of `prior:`.</summary>
    public static readonly string[] PriorKeys = ["type", "p", "angular_weight", "scale_by_column_norms"];

    /// <summary>The keys of `limits:` (the basis size limits checked before building).</summary>
    public static readonly string[] LimitKeys = ["functions", "product_nodes", "memory_gb"];

    /// <summary>The keys of `loss:` (FitBuilder.PacemakerLoss).</summary>
    public static readonly string[] LossKeys = ["kappa"];

    /// <summary>The keys of `fit_radials:` (FitBuilder.FitRadials).</summary>
    public static readonly string[] FitRadialKeys = ["primitives", "max_iterations", "patience", "smoothness", "max_minutes"];

    /// <summary>The only prior type.</summary>
    public const string SmoothnessPrior = "smoothness";

    /// <summary>Reads and validates the config file at <paramref name="path"/>.</summary>
    /// <exception cref="ConfigException">The file does not exist or the config is wrong; the message names the file, line and key.</exception>
    public static FitConfig Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new ConfigException($"{path}: the config file does not exist");
        }
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses and validates config <paramref name="text"/>; <paramref name="path"/> names it in messages and anchors relative paths.</summary>
    /// <exception cref="ConfigException">The config is wrong; the message names the file, line and key.</exception>
    public static FitConfig Parse(string text, string path)
    {
        var root = ConfigSection.LoadRoot(text, path, "elements, cutoff, degrees, data, ...");
        var top = new ConfigSection(path, root, "", TopKeys);
        var elements = top.StringList("elements", required: true)!;
        double cutoff = top.Number("cutoff", required: true, positive: true)!.Value;
        var radial = top.Child("radial", RadialKeys);
        double r0 = radial?.Number("r0", required: false, positive: true) ?? cutoff / 2;
        int p = radial?.Integer("p", false) ?? 2, q = radial?.Integer("q", false) ?? 4;
        int pIn = radial?.Integer("pin", false) ?? 2, pCut = radial?.Integer("pcut", false) ?? 2;
        var pairs = Pairs(top, elements, new PairRadialConfig("", "", cutoff, r0, p, q, pIn, pCut));
        var degrees = top.IntegerList("degrees", required: true)!;
        int? bodyOrder = top.Integer("body_order", required: false);
        if (bodyOrder is { } b && b != degrees.Count + 1)
        {
            throw top.Error("body_order", $"body_order {b} needs {b - 1} degrees (one per correlation order), but degrees lists {degrees.Count}");
        }
        var data = top.Child("data", DataKeys) ?? throw top.Error("data", "the key 'data' (with 'train') is required");
        string dir = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        string Resolve(string p) => Path.IsPathRooted(p) ? p : Path.GetFullPath(Path.Combine(dir, p));
        var train = Resolve(data.String("train", required: true)!);
        var validation = data.String("validation", required: false) is { } v ? Resolve(v) : null;
        var references = new Dictionary<string, double>(StringComparer.Ordinal);
        if (top.Child("reference_energies", null) is { } refs)
        {
            foreach (var key in refs.Keys)
            {
                if (!elements.Contains(key))
                {
                    throw refs.Error(key, $"reference energy for '{key}', which is not in elements ({string.Join(", ", elements)})");
                }
                references[key] = refs.Number(key, true, false, allowNegative: true)!.Value;
            }
        }
        var weights = Weights(top.Child("weights", WeightKeys));
        var typed = new Dictionary<string, (double, double, double)>(StringComparer.Ordinal);
        if (top.Child("config_type_weights", null) is { } ctw)
        {
            foreach (var key in ctw.Keys)
            {
                typed[key] = Weights(ctw.Child(key, WeightKeys));
            }
        }
        var (solver, regularisation, ridgeFolds) = Solver(top);
        var prior = Prior(top, solver);
        var crossValidation = CrossValidationFolds(top, solver);
        var fitRadials = FitRadials(top, solver, crossValidation);
        var config = new FitConfig(path, elements, cutoff, r0, p, q, pIn, pCut,
            degrees, top.Number("angular_weight", false, true), Purification(top),
            train, validation, data.String("energy_key", false) ?? "energy", data.String("forces_key", false),
            references, weights, typed, solver, regularisation,
            Resolve(top.String("output", required: false) ?? "potential.json"))
        {
            Prior = prior,
            PairRadials = pairs,
            RidgeFolds = ridgeFolds,
            CrossValidationFolds = crossValidation,
            ErrorsCsvPath = top.String("errors_csv", required: false) is { } csv ? Resolve(csv) : null,
            Limits = Limits(top.Child("limits", LimitKeys)),
            FitRadials = fitRadials,
            Loss = Loss(top, weights, typed),
        };
        RequireOutputsApartFromInputs(top, config);
        return config;
    }

    /// <summary>
    /// An output (`output`, `errors_csv`) must not be an input of the same run (the config, `data.train`,
    /// `data.validation`) nor the other output; symbolic links are followed, so a link to an input counts as the input.
    /// </summary>
    private static void RequireOutputsApartFromInputs(ConfigSection top, FitConfig config)
    {
        var inputs = new List<(string What, string Path)> { ("the config itself (an input)", config.SourcePath), ("data.train (an input)", config.TrainPath) };
        if (config.ValidationPath is { } validation)
        {
            inputs.Add(("data.validation (an input)", validation));
        }
        var outputs = new List<(string Key, string Path)> { ("output", config.OutputPath) };
        if (config.ErrorsCsvPath is { } csv)
        {
            outputs.Add(("errors_csv", csv));
        }
        for (int o = 0; o < outputs.Count; o++)
        {
            var target = AtomicFile.ResolveTarget(outputs[o].Path);
            foreach (var (what, other) in inputs.Concat(outputs.Take(o).Select(p => ($"{p.Key} (another output)", p.Path))))
            {
                if (string.Equals(target, AtomicFile.ResolveTarget(other), StringComparison.Ordinal))
                {
                    throw top.Error(outputs[o].Key, $"'{outputs[o].Path}' is the same file as {what}; writing it would overwrite that file; choose another file name");
                }
            }
        }
    }

    /// <summary>`pairs: {A-B: {cutoff, r0, p, q, pin, pcut}}`: per-pair radial bases; unset keys take <paramref name="defaults"/>.</summary>
    private static List<PairRadialConfig> Pairs(ConfigSection top, IReadOnlyList<string> elements, PairRadialConfig defaults)
    {
        var pairs = new List<PairRadialConfig>();
        if (top.Child("pairs", null) is not { } section)
        {
            return pairs;
        }
        foreach (var key in section.Keys)
        {
            var names = key.Split('-');
            if (names.Length != 2 || !elements.Contains(names[0]) || !elements.Contains(names[1]))
            {
                throw section.Error(key, $"'{key}' is not a pair of the elements ({string.Join(", ", elements)}) written A-B, e.g. {elements[0]}-{elements[^1]}");
            }
            if (pairs.Any(x => (x.ElementA == names[0] && x.ElementB == names[1]) || (x.ElementA == names[1] && x.ElementB == names[0])))
            {
                throw section.Error(key, $"the pair {key} is given twice");
            }
            var pair = section.Child(key, PairKeys) ?? throw section.Error(key, $"'{key}' needs a mapping of {string.Join(", ", PairKeys)}");
            pairs.Add(new PairRadialConfig(names[0], names[1],
                pair.Number("cutoff", false, true) ?? defaults.Cutoff, pair.Number("r0", false, true) ?? defaults.R0,
                pair.Integer("p", false) ?? defaults.P, pair.Integer("q", false) ?? defaults.Q,
                pair.Integer("pin", false) ?? defaults.PIn, pair.Integer("pcut", false) ?? defaults.PCut));
        }
        return pairs;
    }

    /// <summary>`solver: name` or `solver: {type, regularisation}` or `solver: {type: ridge-cv, folds}`; default blr.</summary>
    private static (string Name, double Regularisation, int? RidgeFolds) Solver(ConfigSection top)
    {
        if (!top.Has("solver"))
        {
            return (SolverCatalog.Default.Name, 0, null);
        }
        if (top.IsScalar("solver"))
        {
            var name = top.String("solver", required: true)!;
            RequireKnownSolver(top, name);
            return (name, 0, name == SolverCatalog.RidgeCv ? SolverCatalog.DefaultRidgeFolds : null);
        }
        var s = top.Child("solver", SolverKeys)!;
        var type = s.String("type", required: true)!;
        var choice = RequireKnownSolver(top, type);
        if (type == SolverCatalog.RidgeCv)
        {
            if (s.Has("regularisation"))
            {
                throw s.Error("regularisation", "ridge-cv chooses the regularisation by cross-validation; remove this key");
            }
            int folds = s.Integer("folds", required: false) ?? SolverCatalog.DefaultRidgeFolds;
            return folds < 2 ? throw s.Error("folds", $"ridge-cv needs at least 2 folds, got {folds}") : (type, 0, folds);
        }
        if (s.Has("folds"))
        {
            throw s.Error("folds", $"only the ridge-cv solver takes folds, not '{type}'");
        }
        if (!choice.TakesRegularisation && s.Has("regularisation"))
        {
            throw s.Error("regularisation", $"the solver '{type}' takes no regularisation; only {SolverCatalog.Names(c => c.TakesRegularisation)} do");
        }
        return (type, s.Number("regularisation", required: false, positive: false) ?? 0, null);
    }

    private static SolverChoice RequireKnownSolver(ConfigSection top, string name) =>
        SolverCatalog.Find(name) ?? throw top.Error("solver", $"unknown solver '{name}'; use {SolverCatalog.AllNames}");

    /// <summary>`purify: false | true | full | pure2b` (true is full purification): the purification kind, or null for none.</summary>
    private static PurificationKind? Purification(ConfigSection top) => top.String("purify", required: false) switch
    {
        null or "false" or "False" or "no" => null,
        "true" or "True" or "yes" or "full" => PurificationKind.Full,
        "pure2b" => PurificationKind.Pure2b,
        var other => throw top.Error("purify", $"expected true, false, full or pure2b, got '{other}'"),
    };

    /// <summary>`fit_radials: {primitives: K, max_iterations, patience, smoothness, max_minutes}`, checked against the rest.</summary>
    private static FitRadialsConfig? FitRadials(ConfigSection top, string solver, int? crossValidation)
    {
        if (top.Child("fit_radials", FitRadialKeys) is not { } s)
        {
            return null;
        }
        int k = s.Integer("primitives", required: true)!.Value;
        if (k < 1)
        {
            throw s.Error("primitives", $"the number of primitive radial functions must be at least 1, got {k}");
        }
        if (solver != "blr" && solver != SolverCatalog.RidgeCv)
        {
            throw top.Error("fit_radials", $"fit_radials starts from a blr or {SolverCatalog.RidgeCv} fit, not from the solver '{solver}'");
        }
        if (crossValidation is not null)
        {
            throw top.Error("fit_radials", "cross_validate refits the linear model per fold and does not fit radials; remove one of the two");
        }
        int maxIterations = s.Integer("max_iterations", false) ?? 100;
        int patience = s.Integer("patience", false) ?? 10;
        if (maxIterations < 0 || patience < 1)
        {
            throw s.Error(maxIterations < 0 ? "max_iterations" : "patience", "max_iterations must be non-negative and patience at least 1");
        }
        return new FitRadialsConfig(k, maxIterations, patience, s.Number("smoothness", false, false) ?? 0, s.Number("max_minutes", false, true));
    }

    /// <summary>`loss: {kappa: K}` (K in [0, 1], or `auto`): pacemaker's loss; null without the key.</summary>
    private static LossConfig? Loss(ConfigSection top, (double Energy, double Forces, double Virial) weights,
        Dictionary<string, (double Energy, double Forces, double Virial)> typed)
    {
        if (top.Child("loss", LossKeys) is not { } s)
        {
            return null;
        }
        if (weights.Virial > 0 || typed.Values.Any(w => w.Virial > 0))
        {
            throw top.Error("loss", "pacemaker's loss (loss: kappa) has no virial term; remove the virial weights");
        }
        var text = s.String("kappa", required: true)!;
        if (!KappaText.TryParse(text, out var loss))
        {
            throw s.Error("kappa", $"kappa must lie in [0, 1] (0: energies only, 1: forces only) or be auto, got {text}");
        }
        return loss;
    }

    /// <summary>`prior: smoothness` or `prior: {type: smoothness, p, angular_weight, scale_by_column_norms}`, or null.</summary>
    private static PriorConfig? Prior(ConfigSection top, string solver)
    {
        if (!top.Has("prior"))
        {
            return null;
        }
        ConfigSection? s = null;
        string type;
        if (top.IsScalar("prior"))
        {
            type = top.String("prior", required: true)!;
        }
        else
        {
            s = top.Child("prior", PriorKeys)!;
            type = s.String("type", required: true)!;
        }
        if (type != SmoothnessPrior)
        {
            throw top.Error("prior", $"unknown prior '{type}'; the only prior is smoothness");
        }
        if (!SolverCatalog.Find(solver)!.TakesPrior)
        {
            throw top.Error("prior", $"the solver '{solver}' cannot use a prior; use {SolverCatalog.Names(c => c.TakesPrior)}, or remove the prior");
        }
        int p = s?.Integer("p", required: false) ?? 4;
        if (p < 1)
        {
            throw s!.Error("p", $"the exponent must be at least 1, got {p}");
        }
        double? angularWeight = s?.Number("angular_weight", required: false, positive: true);
        return new PriorConfig(p, angularWeight, s?.Bool("scale_by_column_norms") ?? false);
    }

    /// <summary>`cross_validate: K`: at least 2 folds (3 with ridge-cv), and a solver that takes normal equations.</summary>
    private static int? CrossValidationFolds(ConfigSection top, string solver)
    {
        if (top.Integer("cross_validate", required: false) is not { } folds)
        {
            return null;
        }
        if (folds < 2)
        {
            throw top.Error("cross_validate", $"needs at least 2 folds, got {folds}");
        }
        if (solver == SolverCatalog.RidgeCv)
        {
            return folds < 3
                ? throw top.Error("cross_validate", $"with the ridge-cv solver needs at least 3 folds (its inner cross-validation uses the other folds), got {folds}")
                : folds;
        }
        return SolverCatalog.Find(solver)!.AcceptsNormalEquations
            ? folds
            : throw top.Error("cross_validate", $"the solver '{solver}' needs the design matrix, but cross-validation streams normal equations per fold; use {SolverCatalog.Names(c => c.AcceptsNormalEquations)}");
    }

    /// <summary>`limits: {functions, product_nodes, memory_gb}`; missing keys keep the library's defaults.</summary>
    private static BasisLimits Limits(ConfigSection? s)
    {
        var defaults = BasisLimits.Default;
        if (s is null)
        {
            return defaults;
        }
        double? gb = s.Number("memory_gb", required: false, positive: true);
        double? functions = s.Number("functions", required: false, positive: true);
        double? nodes = s.Number("product_nodes", required: false, positive: true);
        return new BasisLimits(
            functions is { } f ? (long)Math.Min(f, long.MaxValue / 2) : defaults.MaxFunctions,
            nodes is { } n ? (long)Math.Min(n, long.MaxValue / 2) : defaults.MaxProductNodes,
            gb is { } g ? (long)Math.Min(g * (1L << 30), long.MaxValue / 2) : defaults.MaxEstimatedBytes);
    }

    private static (double, double, double) Weights(ConfigSection? s) => s is null
        ? (1, 1, 0)
        : (s.Number("energy", false, false) ?? 1, s.Number("forces", false, false) ?? 1, s.Number("virial", false, false) ?? 0);
}
