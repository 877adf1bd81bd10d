using System.Globalization;
using Ace.Core.Solvers;

namespace Ace.Core.Trust;

/// <summary>
/// A committee of K coefficient vectors drawn from the Bayesian posterior N(mean, Sigma) of a fit (as ACEfit's BLR
/// committee), stored as their deviations d_k from the posterior mean. The draws are centred (sum_k d_k = 0, so the
/// committee mean is the posterior mean up to rounding) and scaled by sqrt(K / (K - 1)), so that
/// (1/K) sum_k d_k d_k^T is an unbiased estimate of Sigma. The spread of the members' predictions estimates the
/// model's uncertainty (see <c>LinearAcePotential.Uncertainty</c>). Immutable.
/// </summary>
public sealed class PotentialCommittee
{
    private readonly double[][] _deviations;

    internal PotentialCommittee(double[][] deviations, int seed)
    {
        _deviations = deviations;
        Seed = seed;
    }

    /// <summary>The number of members K.</summary>
    public int Size => _deviations.Length;

    /// <summary>The seed of the draws (the same posterior and seed give the same committee).</summary>
    public int Seed { get; }

    /// <summary>The number of coefficients of each member.</summary>
    public int FunctionCount => _deviations[0].Length;

    /// <summary>The deviation d_k of member <paramref name="member"/> from the posterior mean.</summary>
    public ReadOnlySpan<double> Deviation(int member) => _deviations[member];

    /// <summary>The coefficients mean + d_k of member <paramref name="member"/>.</summary>
    public double[] Member(ReadOnlySpan<double> mean, int member)
    {
        if (mean.Length != FunctionCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{mean.Length} mean coefficients for a committee of {FunctionCount}"), nameof(mean));
        }
        var d = _deviations[member];
        var c = new double[d.Length];
        for (int j = 0; j < c.Length; j++)
        {
            c[j] = mean[j] + d[j];
        }
        return c;
    }

    /// <summary>A committee of <paramref name="size"/> members from the posterior of a Bayesian fit.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is below 2.</exception>
    public static PotentialCommittee FromPosterior(BayesianSolution posterior, int size, int seed)
    {
        ArgumentNullException.ThrowIfNull(posterior);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 2);
        var mean = posterior.Coefficients;
        var draws = posterior.Committee(size, seed);
        int n = mean.Length;
        var deviations = new double[size][];
        var average = new double[n];
        for (int k = 0; k < size; k++)
        {
            var d = new double[n];
            for (int j = 0; j < n; j++)
            {
                d[j] = draws[k][j] - mean[j];
                average[j] += d[j] / size;
            }
            deviations[k] = d;
        }
        double scale = Math.Sqrt(size / (size - 1.0));
        foreach (var d in deviations)
        {
            for (int j = 0; j < n; j++)
            {
                d[j] = (d[j] - average[j]) * scale;
            }
        }
        return new PotentialCommittee(deviations, seed);
    }

    /// <summary>A committee from stored deviations (as saved with a potential).</summary>
    /// <exception cref="ArgumentException">Fewer than two members, members of different lengths, or a value that is not finite.</exception>
    public static PotentialCommittee FromDeviations(IReadOnlyList<double[]> deviations, int seed)
    {
        ArgumentNullException.ThrowIfNull(deviations);
        if (deviations.Count < 2)
        {
            throw new ArgumentException($"a committee needs at least two members, not {deviations.Count}", nameof(deviations));
        }
        int n = deviations[0].Length;
        for (int k = 0; k < deviations.Count; k++)
        {
            if (deviations[k].Length != n)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"committee member {k} has {deviations[k].Length} coefficients, member 0 has {n}"), nameof(deviations));
            }
            if (deviations[k].Any(x => !double.IsFinite(x)))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"committee member {k} has a value that is not finite"), nameof(deviations));
            }
        }
        return new PotentialCommittee(deviations.Select(d => d.ToArray()).ToArray(), seed);
    }
}
