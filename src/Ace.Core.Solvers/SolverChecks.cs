using System.Globalization;

namespace Ace.Core.Solvers;

/// <summary>Shared argument checks and messages of the solvers.</summary>
internal static class SolverChecks
{
    /// <summary>Relative size below which a triangular pivot counts as numerically zero: max(m, n) ulps of the largest.</summary>
    public static double SingularityThreshold(int m, int n) => Math.Max(m, n) * MachineEpsilon;

    /// <summary>The spacing of doubles at 1 (2^-52).</summary>
    public const double MachineEpsilon = 2.220446049250313e-16;

    public static NotSupportedException NormalEquationsNotSupported(string solver) => new(
        $"{solver} needs the rows of the design matrix and cannot solve from accumulated NormalEquations. Solvers " +
        "that accept NormalEquations: LeastSquares.NormalEquations (Cholesky, with optional Tikhonov/ridge and prior) and " +
        "LeastSquares.BayesianLinearRegression (through the eigendecomposition of A^T A).");

    public static void RequireNonNegative(double value, string argument)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(argument, value,
                string.Create(CultureInfo.InvariantCulture, $"{argument} = {value} must be finite and non-negative."));
        }
    }

    public static void RequirePositive(double value, string argument)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(argument, value,
                string.Create(CultureInfo.InvariantCulture, $"{argument} = {value} must be finite and positive."));
        }
    }

    public static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
