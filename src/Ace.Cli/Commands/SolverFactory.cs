using Ace.Core.Solvers;
using LeastSquares = Ace.Core.Solvers.Solvers;

namespace Ace.Cli.Commands;

/// <summary>Maps the config's solver names to solvers.</summary>
internal static class SolverFactory
{
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
}
