namespace Ace.Core.Primitives.Coupling;

/// <summary>
/// An orthonormal basis of the span of a set of vectors by Gram-Schmidt with column pivoting and
/// re-orthogonalisation (rank-revealing in the manner of pivoted QR).
/// </summary>
internal static class SpanOrthonormaliser
{
    /// <summary>
    /// Returns orthonormal vectors spanning the candidates' span. A direction is kept while the largest remaining
    /// residual norm exceeds <paramref name="relativeTolerance"/> times max(<paramref name="referenceNorm"/>, the
    /// largest candidate norm); the reference norm keeps round-off from being promoted to rank when every
    /// candidate vanishes in exact arithmetic. The candidates are overwritten (they hold the residuals on return).
    /// </summary>
    public static List<double[]> Orthonormalise(List<double[]> candidates, double relativeTolerance, double referenceNorm)
    {
        var basis = new List<double[]>();
        if (candidates.Count == 0)
        {
            return basis;
        }
        int count = candidates.Count;
        var norms = new double[count];
        var used = new bool[count];
        double scale = 0.0;
        for (int i = 0; i < count; i++)
        {
            norms[i] = Norm(candidates[i]);
            scale = Math.Max(scale, norms[i]);
        }
        double tolerance = relativeTolerance * Math.Max(scale, referenceNorm);
        if (scale == 0.0)
        {
            return basis;
        }
        while (true)
        {
            int pivot = -1;
            double best = tolerance;
            for (int i = 0; i < count; i++)
            {
                if (!used[i] && norms[i] > best)
                {
                    best = norms[i];
                    pivot = i;
                }
            }
            if (pivot < 0)
            {
                return basis;
            }
            used[pivot] = true;
            var q = candidates[pivot];
            // Second pass against the accepted directions (first pass happened as they were accepted).
            foreach (var b in basis)
            {
                Subtract(q, b, Dot(q, b));
            }
            double n = Norm(q);
            if (n <= tolerance)
            {
                continue;
            }
            Scale(q, 1.0 / n);
            basis.Add(q);
            for (int i = 0; i < count; i++)
            {
                if (!used[i])
                {
                    Subtract(candidates[i], q, Dot(candidates[i], q));
                    norms[i] = Norm(candidates[i]);
                }
            }
        }
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0.0;
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double Norm(double[] a) => Math.Sqrt(Dot(a, a));

    private static void Subtract(double[] a, double[] b, double factor)
    {
        if (factor == 0.0)
        {
            return;
        }
        for (int i = 0; i < a.Length; i++)
        {
            a[i] -= factor * b[i];
        }
    }

    private static void Scale(double[] a, double factor)
    {
        for (int i = 0; i < a.Length; i++)
        {
            a[i] *= factor;
        }
    }
}
