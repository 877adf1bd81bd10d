namespace Ace.Core.Solvers;

/// <summary>
/// Everything Bayesian linear regression needs from a (prior-transformed, weighted) problem with k spectral
/// components: eigenvalues <c>lambda_i = s_i^2</c> of A^T A, the projections <c>g_i = (V^T A^T y)_i = s_i beta_i</c>
/// with <c>beta = U^T y</c>, the squares <c>beta_i^2</c>, the part of <c>y^T y</c> outside the range of A, the row
/// count m and the right singular vectors V (n x k, column-major).
/// </summary>
internal sealed class BlrSpectrum
{
    public BlrSpectrum(double[] eigenvalues, double[] projections, double[] betaSquared, double residualOutsideRange,
        long rows, int columns, double[] rightVectors, int rank)
    {
        Eigenvalues = eigenvalues;
        Projections = projections;
        BetaSquared = betaSquared;
        ResidualOutsideRange = residualOutsideRange;
        Rows = rows;
        Columns = columns;
        RightVectors = rightVectors;
        Rank = rank;
    }

    public double[] Eigenvalues { get; }

    public double[] Projections { get; }

    public double[] BetaSquared { get; }

    public double ResidualOutsideRange { get; }

    public long Rows { get; }

    public int Columns { get; }

    public double[] RightVectors { get; }

    /// <summary>The number of eigenvalues above rounding level.</summary>
    public int Rank { get; }

    public int Count => Eigenvalues.Length;

    /// <summary>The target norm y^T y.</summary>
    public double TargetSquaredNorm
    {
        get
        {
            var sum = ResidualOutsideRange;
            foreach (var b2 in BetaSquared)
            {
                sum += b2;
            }
            return sum;
        }
    }

    /// <summary>
    /// The log-evidence <c>log N(y; 0, priorVariance A A^T + noiseVariance I)</c>, evaluated in closed form on the
    /// spectrum: -1/2 [sum beta_i^2 / d_i + R / se^2 + sum log d_i + (m - k) log se^2 + m log 2 pi],
    /// <c>d_i = s0^2 lambda_i + se^2</c>.
    /// </summary>
    public double LogEvidence(double priorVariance, double noiseVariance)
    {
        var sum = ResidualOutsideRange / noiseVariance + (Rows - Count) * Math.Log(noiseVariance)
            + Rows * Math.Log(2 * Math.PI);
        for (var i = 0; i < Count; i++)
        {
            var d = priorVariance * Eigenvalues[i] + noiseVariance;
            sum += BetaSquared[i] / d + Math.Log(d);
        }
        return -0.5 * sum;
    }
}
