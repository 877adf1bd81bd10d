namespace Ace.Core.Solvers.Backends;

/// <summary>
/// Minimum-norm least squares for rank-deficient matrices in managed code: Householder QR with column pivoting
/// (the column of largest remaining norm first), the rank as the number of pivots with |R_jj| &gt; tol |R_00|, then a
/// second Householder QR of [R11 R12]^T (a complete orthogonal decomposition) so the answer has minimum norm.
/// </summary>
internal static class ManagedCompleteOrthogonalDecomposition
{
    public static int Solve(int m, int n, ReadOnlySpan<double> a, ReadOnlySpan<double> b, double relativeTolerance,
        Span<double> solution)
    {
        var r = a[..(m * n)].ToArray();
        var qtb = b[..m].ToArray();
        var permutation = Enumerable.Range(0, n).ToArray();
        var diagonal = new double[Math.Min(m, n)];
        var rank = PivotedQr(m, n, r, qtb, permutation, diagonal, relativeTolerance);

        var z = new double[n];
        if (rank > 0)
        {
            if (rank == n)
            {
                BackSubstitute(m, n, r, diagonal, qtb, z);
            }
            else
            {
                MinimumNormOfTrapezoid(m, n, rank, r, diagonal, qtb, z);
            }
        }
        solution[..n].Clear();
        for (var j = 0; j < n; j++)
        {
            solution[permutation[j]] = z[j];
        }
        return rank;
    }

    private static int PivotedQr(int m, int n, double[] r, double[] qtb, int[] permutation, double[] diagonal,
        double relativeTolerance)
    {
        var steps = Math.Min(m, n);
        var firstPivot = 0.0;
        for (var j = 0; j < steps; j++)
        {
            var pivot = j;
            var best = -1.0;
            for (var q = j; q < n; q++)
            {
                var norm2 = SumOfSquares(r.AsSpan(q * m + j, m - j));
                if (norm2 > best)
                {
                    best = norm2;
                    pivot = q;
                }
            }
            if (pivot != j)
            {
                for (var i = 0; i < m; i++)
                {
                    (r[i + j * m], r[i + pivot * m]) = (r[i + pivot * m], r[i + j * m]);
                }
                (permutation[j], permutation[pivot]) = (permutation[pivot], permutation[j]);
            }
            var alpha = Math.Sqrt(best);
            if (j == 0)
            {
                firstPivot = alpha;
            }
            if (alpha == 0 || alpha <= relativeTolerance * firstPivot)
            {
                return j;
            }
            diagonal[j] = Reflect(r.AsSpan(j * m + j, m - j), alpha, out var tau);
            var v = r.AsSpan(j * m + j, m - j);
            for (var q = j + 1; q < n; q++)
            {
                ApplyReflector(v, tau, r.AsSpan(q * m + j, m - j));
            }
            ApplyReflector(v, tau, qtb.AsSpan(j, m - j));
        }
        return steps;
    }

    /// <summary>Turns x (with norm alpha) into a Householder vector v in place; returns beta with H x = beta e1.</summary>
    private static double Reflect(Span<double> x, double alpha, out double tau)
    {
        var beta = x[0] >= 0 ? -alpha : alpha;
        x[0] -= beta;
        tau = 2 / SumOfSquares(x);
        return beta;
    }

    private static void ApplyReflector(ReadOnlySpan<double> v, double tau, Span<double> y)
    {
        var s = 0.0;
        for (var i = 0; i < v.Length; i++)
        {
            s += v[i] * y[i];
        }
        s *= tau;
        for (var i = 0; i < v.Length; i++)
        {
            y[i] -= s * v[i];
        }
    }

    private static double SumOfSquares(ReadOnlySpan<double> x)
    {
        var s = 0.0;
        foreach (var value in x)
        {
            s += value * value;
        }
        return s;
    }

    private static void BackSubstitute(int m, int n, double[] r, double[] diagonal, double[] rhs, double[] z)
    {
        for (var i = n - 1; i >= 0; i--)
        {
            var s = rhs[i];
            for (var j = i + 1; j < n; j++)
            {
                s -= r[i + j * m] * z[j];
            }
            z[i] = s / diagonal[i];
        }
    }

    /// <summary>Minimum-norm z with [R11 R12] z = rhs[0..k) through the QR factorisation of [R11 R12]^T.</summary>
    private static void MinimumNormOfTrapezoid(int m, int n, int k, double[] r, double[] diagonal, double[] rhs,
        double[] z)
    {
        var t = new double[n * k]; // [R11 R12]^T, n x k column-major
        for (var row = 0; row < k; row++)
        {
            t[row + row * n] = diagonal[row];
            for (var col = row + 1; col < n; col++)
            {
                t[col + row * n] = r[row + col * m];
            }
        }
        var taus = new double[k];
        var tDiagonal = new double[k];
        for (var j = 0; j < k; j++)
        {
            var column = t.AsSpan(j * n + j, n - j);
            tDiagonal[j] = Reflect(column, Math.Sqrt(SumOfSquares(column)), out taus[j]);
            for (var q = j + 1; q < k; q++)
            {
                ApplyReflector(column, taus[j], t.AsSpan(q * n + j, n - j));
            }
        }
        // [R11 R12] = T^T Z^T with T upper triangular: solve T^T w = rhs, then z = Z [w; 0].
        for (var i = 0; i < k; i++)
        {
            var s = rhs[i];
            for (var l = 0; l < i; l++)
            {
                s -= t[l + i * n] * z[l];
            }
            z[i] = s / tDiagonal[i];
        }
        for (var j = k - 1; j >= 0; j--)
        {
            ApplyReflector(t.AsSpan(j * n + j, n - j), taus[j], z.AsSpan(j, n - j));
        }
    }
}
