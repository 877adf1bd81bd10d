namespace Ace.Core.Solvers;

/// <summary>
/// The penalty <c>lambda^2 ||Gamma c||^2</c> shared by the QR and normal-equations solvers: lambda &gt;= 0 and an
/// optional diagonal <see cref="Prior"/> Gamma (the identity when null).
/// </summary>
internal sealed class TikhonovPenalty
{
    /// <summary>Checks lambda (finite, non-negative; reported under <paramref name="argument"/>) and keeps the prior.</summary>
    public TikhonovPenalty(double lambda, Prior? prior, string argument)
    {
        SolverChecks.RequireNonNegative(lambda, argument);
        Lambda = lambda;
        Prior = prior;
    }

    /// <summary>The Tikhonov factor lambda.</summary>
    public double Lambda { get; }

    /// <summary>Gamma, or null for the identity.</summary>
    public Prior? Prior { get; }

    /// <summary>Gamma_jj: the prior's entry j, or 1 without a prior.</summary>
    public double Gamma(int j) => Prior is null ? 1 : Prior.Diagonal[j];

    /// <summary>Throws unless the prior (if any) covers exactly <paramref name="columns"/> coefficients.</summary>
    public void RequireColumns(int columns) => Prior?.RequireColumns(columns);

    /// <summary>
    /// The solver's display name: <c>method (detail, tikhonov lambda[, diagonal prior])</c> when lambda &gt; 0, else
    /// <c>method (detail)</c>, or just <c>method</c> without a detail.
    /// </summary>
    public string Describe(string method, string? detail = null)
    {
        var prefix = detail is null ? "" : detail + ", ";
        return Lambda > 0
            ? $"{method} ({prefix}tikhonov {SolverChecks.Format(Lambda)}{(Prior is null ? "" : ", diagonal prior")})"
            : detail is null ? method : $"{method} ({detail})";
    }
}
