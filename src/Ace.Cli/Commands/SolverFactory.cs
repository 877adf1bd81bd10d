using Ace.Cli.Config;
using Ace.Core.Fitting;
using Ace.Core.Solvers;

namespace Ace.Cli.Commands;

/// <summary>Maps the config's solver names (and prior) to solvers.</summary>
internal static class SolverFactory
{
    /// <summary>The least-squares solver of a plain solver name (every name but ridge-cv), without a prior.</summary>
    public static ILeastSquaresSolver Create(string name, double regularisation) => name switch
    {
        "blr" => LeastSquares.BayesianLinearRegression(),
        "qr" => LeastSquares.Qr(tikhonov: regularisation),
        "normal" => LeastSquares.NormalEquations(tikhonov: regularisation),
        "lsqr" => LeastSquares.Lsqr(damping: regularisation),
        "tsvd" => LeastSquares.TruncatedSvd(),
        "rrqr" => LeastSquares.RankRevealingQr(),
        _ => throw new ArgumentException($"unknown solver '{name}'", nameof(name)),
    };

    /// <summary>Sets the config's solver on <paramref name="fit"/>: the smoothness prior and the cross-validated ridge when asked for.</summary>
    public static FitBuilder Configure(FitBuilder fit, FitConfig config)
    {
        if (config.Solver != FitConfigReader.RidgeCv && config.Prior is null)
        {
            // With a prior the solver is BLR (or ridge-cv), which SmoothnessPrior below sets up; an explicit solver
            // and a prior conflict in FitBuilder.
            fit = fit.Solver(Create(config.Solver, config.Regularisation));
        }
        if (config.Prior is { } prior)
        {
            fit = fit.SmoothnessPrior(prior.P, prior.AngularWeight, prior.ScaleByColumnNorms);
        }
        if (config.RidgeFolds is { } folds)
        {
            fit = fit.RidgeByCrossValidation(folds);
        }
        return fit;
    }
}
