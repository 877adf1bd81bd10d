namespace Ace.Core.Primitives.Coupling;

/// <summary>
/// Grows an orthonormal basis of the span of vectors offered one at a time: classical Gram-Schmidt applied twice
/// ("twice is enough") and a relative rank tolerance.
/// </summary>
internal sealed class IncrementalOrthonormaliser
{
    private readonly double relativeTolerance;
    private readonly double referenceNorm;
    private readonly bool offeredOrthogonal;
    private readonly List<double[]> basis = new();

    /// <param name="relativeTolerance">A vector adds a direction when its residual norm exceeds this times
    /// max(<paramref name="referenceNorm"/>, its own norm).</param>
    /// <param name="referenceNorm">The natural scale of the offered vectors; it keeps round-off from being
    /// promoted to rank when a vector vanishes in exact arithmetic.</param>
    /// <param name="offeredOrthogonal">The caller guarantees that the offered vectors are mutually orthogonal
    /// in exact arithmetic (to rounding in practice): they are only normalised, not projected.</param>
    public IncrementalOrthonormaliser(double relativeTolerance, double referenceNorm, bool offeredOrthogonal = false)
    {
        this.relativeTolerance = relativeTolerance;
        this.referenceNorm = referenceNorm;
        this.offeredOrthogonal = offeredOrthogonal;
    }

    /// <summary>The orthonormal vectors accepted so far.</summary>
    public IReadOnlyList<double[]> Basis => basis;

    /// <summary>Orthogonalises <paramref name="v"/> (in place) against the basis and keeps it if independent.</summary>
    public bool TryAdd(double[] v)
    {
        double initial = Norm(v);
        double tolerance = relativeTolerance * Math.Max(referenceNorm, initial);
        if (initial <= tolerance)
        {
            return false;
        }
        for (int pass = 0; pass < (offeredOrthogonal ? 0 : 2); pass++)
        {
            foreach (var q in basis)
            {
                double projection = Dot(v, q);
                for (int i = 0; i < v.Length; i++)
                {
                    v[i] -= projection * q[i];
                }
            }
        }
        double residual = Norm(v);
        if (residual <= tolerance)
        {
            return false;
        }
        double scale = 1.0 / residual;
        for (int i = 0; i < v.Length; i++)
        {
            v[i] *= scale;
        }
        basis.Add(v);
        return true;
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
}
