using System.Globalization;
using Ace.Core.Solvers.Backends;

namespace Ace.Core.Trust;

/// <summary>The inverse of a small dense square matrix through its singular value decomposition.</summary>
internal static class DenseInverse
{
    /// <summary>The inverse of the n x n row-major matrix <paramref name="matrix"/>, row-major.</summary>
    /// <exception cref="InvalidOperationException">The matrix is singular.</exception>
    public static double[] Of(int n, ReadOnlySpan<double> matrix)
    {
        if (n == 0)
        {
            return [];
        }
        // Stored row-major, the array is the column-major M^T = U S V^T; then M^-1 (row-major) = (M^-1)^T (column-major) = V S^-1 U^T.
        var s = new double[n];
        var u = new double[n * n];
        var vt = new double[n * n];
        var backend = LinearAlgebra.Backend;
        backend.ThinSvd(n, n, matrix, s, u, vt);
        if (!(s[^1] > 0))
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"the {n} x {n} active-set matrix is singular (smallest singular value {s[^1]:G3})"));
        }
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++)
            {
                vt[i + j * n] /= s[i];
            }
        }
        var inverse = new double[n * n];
        backend.Gemm(true, true, n, n, n, 1, vt, u, 0, inverse);
        return inverse;
    }
}
