using Ace.Core.Solvers;

namespace Ace.Cli.Config;

/// <summary>
/// The solvers of `ace fit`, listed once: the config reader, its error messages, the help text and the
/// `ace init` template all take the names from here.
/// </summary>
internal static class SolverCatalog
{
    /// <summary>Ridge regression with its strength chosen by K-fold cross-validation (<c>FitBuilder.RidgeByCrossValidation</c>).</summary>
    public const string RidgeCv = "ridge-cv";

    /// <summary>The folds of ridge-cv when the config does not say.</summary>
    public const int DefaultRidgeFolds = 5;

    /// <summary>Every solver, the default first.</summary>
    public static IReadOnlyList<SolverChoice> All { get; } =
    [
        new("blr", "Bayesian linear regression, evidence maximisation (the default)", _ => LeastSquares.BayesianLinearRegression(), false, true),
        new("qr", "QR least squares; regularisation: Tikhonov factor", r => LeastSquares.Qr(tikhonov: r), true, false),
        new("normal", "normal equations (Cholesky); regularisation: Tikhonov factor", r => LeastSquares.NormalEquations(tikhonov: r), true, false),
        new("lsqr", "LSQR iterations; regularisation: damping", r => LeastSquares.Lsqr(damping: r), true, false),
        new("tsvd", "truncated SVD", _ => LeastSquares.TruncatedSvd(), false, false),
        new("rrqr", "rank-revealing QR", _ => LeastSquares.RankRevealingQr(), false, false),
        new(RidgeCv, $"ridge, lambda chosen by K-fold cross-validation (folds: K, default {DefaultRidgeFolds})", null, false, true),
    ];

    /// <summary>The default solver (a config without `solver:`).</summary>
    public static SolverChoice Default => All[0];

    /// <summary>The solver of <paramref name="name"/>, or null when there is none.</summary>
    public static SolverChoice? Find(string name) => All.FirstOrDefault(s => s.Name == name);

    /// <summary>The names of the solvers matching <paramref name="predicate"/>, as prose: "a, b or c".</summary>
    public static string Names(Func<SolverChoice, bool> predicate, string conjunction = "or")
    {
        var names = All.Where(predicate).Select(s => s.Name).ToList();
        return names.Count == 1 ? names[0] : $"{string.Join(", ", names[..^1])} {conjunction} {names[^1]}";
    }

    /// <summary>Every name as prose: "blr, qr, ... or ridge-cv".</summary>
    public static string AllNames => Names(_ => true);
}
