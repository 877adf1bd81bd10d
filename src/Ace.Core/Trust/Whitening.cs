using Ace.Core.Solvers.Backends;

namespace Ace.Core.Trust;

/// <summary>
/// The training span of one element's features from their Gram matrix G = V Lambda V^T: the r directions with
/// eigenvalues above t = rankTolerance x the largest, the whitening W = V_r Lambda_r^-1/2 (so the training rows z = b W
/// have sum z z^T = I), and the orthonormal complement U with the scale sqrt(t) at which a component outside the span
/// counts as one active environment.
/// </summary>
internal sealed class Whitening
{
    private readonly int _features;
    private readonly double[] _whiten;     // P x r, row-major
    private readonly double[] _complement; // P x (P - r), row-major

    private Whitening(int features, int rank, double[] whiten, double[] complement, double complementScale)
    {
        _features = features;
        Rank = rank;
        _whiten = whiten;
        _complement = complement;
        ComplementScale = complementScale;
    }

    public int Rank { get; }

    public double ComplementScale { get; }

    public static Whitening Of(int p, double[] gram, double rankTolerance, ILinearAlgebraBackend backend)
    {
        var eigenvalues = new double[p];
        var vectors = new double[p * p];
        if (p > 0)
        {
            backend.SymmetricEigen(p, gram, eigenvalues, vectors);
        }
        double largest = p > 0 ? Math.Max(0, eigenvalues[^1]) : 0;
        double threshold = rankTolerance * largest;
        // eigenvalues ascend: the kept directions are the last r, taken largest first
        var kept = Enumerable.Range(0, p).Where(i => eigenvalues[i] > threshold && largest > 0).Reverse().ToArray();
        var dropped = Enumerable.Range(0, p).Where(i => !(eigenvalues[i] > threshold && largest > 0)).Reverse().ToArray();
        int r = kept.Length;
        var whiten = new double[p * r];
        for (int j = 0; j < r; j++)
        {
            double scale = 1 / Math.Sqrt(eigenvalues[kept[j]]);
            for (int k = 0; k < p; k++)
            {
                whiten[k * r + j] = vectors[k + kept[j] * p] * scale;
            }
        }
        int c = dropped.Length;
        var complement = new double[p * c];
        for (int j = 0; j < c; j++)
        {
            for (int k = 0; k < p; k++)
            {
                complement[k * c + j] = vectors[k + dropped[j] * p];
            }
        }
        return new Whitening(p, r, whiten, complement, Math.Sqrt(threshold));
    }

    /// <summary>The whitened rows z = b W of <paramref name="count"/> feature rows (row-major count x r).</summary>
    public double[] Apply(ReadOnlySpan<double> rows, int count)
    {
        var z = new double[count * Rank];
        RowMajor.Multiply(count, _features, Rank, rows, _whiten, z);
        return z;
    }

    /// <summary>The projection M = [W A^-1 | U] (P x P, row-major) for the inverse A^-1 (r x r, row-major) of the active rows.</summary>
    public double[] Projection(ReadOnlySpan<double> inverse)
    {
        int p = _features, r = Rank, c = p - r;
        var inside = new double[p * r];
        RowMajor.Multiply(p, r, r, _whiten, inverse, inside);
        var projection = new double[p * p];
        for (int k = 0; k < p; k++)
        {
            inside.AsSpan(k * r, r).CopyTo(projection.AsSpan(k * p, r));
            _complement.AsSpan(k * c, c).CopyTo(projection.AsSpan(k * p + r, c));
        }
        return projection;
    }
}
