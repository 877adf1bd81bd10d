namespace Ace.Core.Solvers.Backends;

/// <summary>Helpers for symmetric matrices stored densely (column-major n x n).</summary>
internal static class SymmetricStorage
{
    /// <summary>Tile edge of the blocked copy: two 64 x 64 tiles of doubles (64 KiB) stay in the L2 cache.</summary>
    private const int Tile = 64;

    /// <summary>
    /// Copies the upper triangle (i &lt;= j, element (i, j) at <c>i + j * n</c>) onto the strictly lower one, tile by
    /// tile so that the transposed reads and writes stay in cache (a plain loop misses the cache on every write of a
    /// large matrix).
    /// </summary>
    public static void FillLowerFromUpper(int n, Span<double> matrix)
    {
        for (int jb = 0; jb < n; jb += Tile)
        {
            int jEnd = Math.Min(jb + Tile, n);
            for (int ib = 0; ib <= jb; ib += Tile)
            {
                int iEnd = Math.Min(ib + Tile, n);
                for (int j = jb; j < jEnd; j++)
                {
                    int last = Math.Min(iEnd, j);
                    for (int i = ib; i < last; i++)
                    {
                        matrix[j + i * n] = matrix[i + j * n];
                    }
                }
            }
        }
    }
}
