namespace Ace.Core.Primitives.Coupling;

/// <summary>
/// The rotation-invariant coupling coefficients of one l-tuple with a given pattern of identical one-particle
/// labels: InvariantCount orthonormal rows C[i, :] over the canonical real m-tuples such that
/// B_i = sum over stored m-tuples m of C[i, m] prod_t A_(l_t m_t) is invariant under rotations.
/// </summary>
/// <remarks>
/// <para>Conventions. A_(l m) are built from the real orthonormal spherical harmonics of Ace.Core
/// (Ace.Core.Primitives.Angular.RealSphericalHarmonics, Index(l, m) = l*l + l + m). Inside each run of identical labels
/// (positions with equal labelClass) the m-tuple is canonical: m is non-decreasing along the run, and C[i, m]
/// is the total coefficient of that product (the sum over all orderings of the run, which multiply to the same
/// product). M-tuples are stored in lexicographic order; only m-tuples with a non-zero coefficient in some row
/// are stored.</para>
/// <para>Normalisation. The rows are orthonormal in the Euclidean inner product of the stored coefficients:
/// sum_m C[i, m] C[j, m] = delta_ij. Entries of magnitude below 1e-14 are set to zero. Each row's
/// largest-magnitude entry (the first such, in m-tuple order) is positive.</para>
/// <para>Parity. When the sum of the l is odd the invariants are pseudo-scalars (they change sign under
/// inversion); they are still returned, and <see cref="IsInversionEven"/> is false. The O(3)-invariant basis
/// keeps only blocks with an even sum.</para>
/// </remarks>
public sealed class CouplingBlock
{
    private readonly int[] l;
    private readonly int[] labelRun;
    private readonly int[] mTuples;
    private readonly double[] coefficients;

    internal CouplingBlock(int[] l, int[] labelRun, int invariantCount, int mTupleCount, int[] mTuples, double[] coefficients)
    {
        this.l = l;
        this.labelRun = labelRun;
        InvariantCount = invariantCount;
        MTupleCount = mTupleCount;
        this.mTuples = mTuples;
        this.coefficients = coefficients;
    }

    /// <summary>The tuple length: the correlation order nu (body order nu + 1).</summary>
    public int Order => l.Length;

    /// <summary>The l-tuple.</summary>
    public ReadOnlySpan<int> L => l;

    /// <summary>
    /// For each position, the index (0, 1, ...) of its run of identical one-particle labels: the normalised form
    /// of the labelClass argument of <see cref="CouplingCoefficients.Compute"/>.
    /// </summary>
    public ReadOnlySpan<int> LabelRun => labelRun;

    /// <summary>True when the sum of the l is even (proper scalars); false for pseudo-scalars.</summary>
    public bool IsInversionEven
    {
        get
        {
            int sum = 0;
            foreach (int v in l)
            {
                sum += v;
            }
            return (sum & 1) == 0;
        }
    }

    /// <summary>The number of linearly independent invariants (rows).</summary>
    public int InvariantCount { get; }

    /// <summary>The number of stored canonical m-tuples (columns).</summary>
    public int MTupleCount { get; }

    /// <summary>The canonical m-tuple of column <paramref name="index"/> (length <see cref="Order"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">index is outside 0 .. MTupleCount-1.</exception>
    public ReadOnlySpan<int> MTuple(int index)
    {
        if ((uint)index >= (uint)MTupleCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"M-tuple index must lie in 0..{MTupleCount - 1}.");
        }
        return mTuples.AsSpan(index * Order, Order);
    }

    /// <summary>The coefficient C[invariant, mTupleIndex].</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public double Coefficient(int invariant, int mTupleIndex)
    {
        if ((uint)mTupleIndex >= (uint)MTupleCount)
        {
            throw new ArgumentOutOfRangeException(nameof(mTupleIndex), mTupleIndex, $"M-tuple index must lie in 0..{MTupleCount - 1}.");
        }
        return Row(invariant)[mTupleIndex];
    }

    /// <summary>Row <paramref name="invariant"/>: the coefficients of all stored m-tuples (length MTupleCount).</summary>
    /// <exception cref="ArgumentOutOfRangeException">invariant is outside 0 .. InvariantCount-1.</exception>
    public ReadOnlySpan<double> Row(int invariant)
    {
        if ((uint)invariant >= (uint)InvariantCount)
        {
            throw new ArgumentOutOfRangeException(nameof(invariant), invariant, $"Invariant index must lie in 0..{InvariantCount - 1}.");
        }
        return coefficients.AsSpan(invariant * MTupleCount, MTupleCount);
    }
}
