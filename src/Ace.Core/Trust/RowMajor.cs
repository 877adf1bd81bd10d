using Ace.Core.Solvers.Backends;

namespace Ace.Core.Trust;

/// <summary>Row-major matrix products on the column-major backend (a row-major m x n array is the column-major n x m transpose).</summary>
internal static class RowMajor
{
    /// <summary>C = A B with A m x k, B k x n and C m x n, all row-major.</summary>
    public static void Multiply(int m, int k, int n, ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c)
    {
        if (m == 0 || n == 0)
        {
            return;
        }
        if (k == 0)
        {
            c[..(m * n)].Clear();
            return;
        }
        // C^T = B^T A^T: column-major n x m = (n x k)(k x m), which are B and A as stored.
        LinearAlgebra.Backend.Gemm(false, false, n, m, k, 1, b, a, 0, c);
    }
}
