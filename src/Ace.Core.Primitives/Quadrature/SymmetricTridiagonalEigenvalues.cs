namespace Ace.Core.Primitives.Quadrature;

/// <summary>
/// The eigenvalues of a symmetric tridiagonal matrix by bisection on Sturm sequence counts, which is backward stable
/// and gives every eigenvalue to a few ulps of the matrix norm.
/// </summary>
internal static class SymmetricTridiagonalEigenvalues
{
    // A zero pivot is replaced by this tiny negative number (the count is then that of x slightly above the pole).
    private const double PivotFloor = 1e-300;

    /// <summary>The eigenvalues in ascending order.</summary>
    /// <param name="diagonal">The diagonal d_0 .. d_{n-1}.</param>
    /// <param name="offDiagonal">The off-diagonal: offDiagonal[i] couples rows i - 1 and i (offDiagonal[0] unused).</param>
    public static double[] Compute(ReadOnlySpan<double> diagonal, ReadOnlySpan<double> offDiagonal)
    {
        int n = diagonal.Length;
        // Gershgorin bounds.
        double lower = double.PositiveInfinity, upper = double.NegativeInfinity;
        for (int i = 0; i < n; i++)
        {
            double radius = (i > 0 ? Math.Abs(offDiagonal[i]) : 0) + (i + 1 < n ? Math.Abs(offDiagonal[i + 1]) : 0);
            lower = Math.Min(lower, diagonal[i] - radius);
            upper = Math.Max(upper, diagonal[i] + radius);
        }

        var eigenvalues = new double[n];
        for (int k = 0; k < n; k++)
        {
            // The (k+1)-th smallest eigenvalue lies where the count of eigenvalues below a point jumps from k to k+1.
            double lo = k > 0 ? eigenvalues[k - 1] : lower;
            double hi = upper;
            while (true)
            {
                double mid = 0.5 * (lo + hi);
                if (mid <= lo || mid >= hi)
                {
                    break;
                }

                if (CountBelow(diagonal, offDiagonal, mid) > k)
                {
                    hi = mid;
                }
                else
                {
                    lo = mid;
                }
            }

            eigenvalues[k] = 0.5 * (lo + hi);
        }

        return eigenvalues;
    }

    // The number of eigenvalues smaller than x (Sturm count of negative pivots of T - x I).
    private static int CountBelow(ReadOnlySpan<double> diagonal, ReadOnlySpan<double> offDiagonal, double x)
    {
        int count = 0;
        double q = 1.0;
        for (int i = 0; i < diagonal.Length; i++)
        {
            q = diagonal[i] - x - (i > 0 ? offDiagonal[i] * offDiagonal[i] / q : 0.0);
            if (Math.Abs(q) < PivotFloor)
            {
                q = -PivotFloor;
            }

            if (q < 0)
            {
                count++;
            }
        }

        return count;
    }
}
