using Ace.Core.Primitives.Coupling;

namespace Ace.Core.Basis.Enumeration;

/// <summary>
/// The rotation invariants of one (l tuple, label classes) pattern, copied out of the coupling layer:
/// invariant i is sum over m-tuples t of Coefficient(i, t) prod_s A_{l_s, m_s(t)}.
/// </summary>
internal sealed class CoupledInvariants
{
    public CoupledInvariants(int order, int invariantCount, int mTupleCount, int[] mTuples, double[] coefficients)
    {
        Order = order;
        InvariantCount = invariantCount;
        MTupleCount = mTupleCount;
        MTuples = mTuples;
        Coefficients = coefficients;
    }

    public int Order { get; }

    public int InvariantCount { get; }

    public int MTupleCount { get; }

    /// <summary>Flattened m-tuples: MTuples[t * Order + s].</summary>
    public int[] MTuples { get; }

    /// <summary>Coefficients[i * MTupleCount + t].</summary>
    public double[] Coefficients { get; }
}

/// <summary>Computes coupling coefficients once per (l tuple, label classes) pattern; many label tuples share a pattern.</summary>
internal sealed class CouplingCache
{
    private readonly Dictionary<string, CoupledInvariants> _cache = new(StringComparer.Ordinal);

    public CoupledInvariants Get(ReadOnlySpan<int> l, ReadOnlySpan<int> labelClasses)
    {
        var key = string.Join(',', l.ToArray()) + "|" + string.Join(',', labelClasses.ToArray());
        if (_cache.TryGetValue(key, out var found))
        {
            return found;
        }
        var block = CouplingCoefficients.Compute(l, labelClasses);
        int order = l.Length;
        int invariants = block.InvariantCount, tuples = block.MTupleCount;
        var mTuples = new int[tuples * order];
        for (int t = 0; t < tuples; t++)
        {
            block.MTuple(t).CopyTo(mTuples.AsSpan(t * order, order));
        }
        var coefficients = new double[invariants * tuples];
        for (int i = 0; i < invariants; i++)
        {
            for (int t = 0; t < tuples; t++)
            {
                coefficients[i * tuples + t] = block.Coefficient(i, t);
            }
        }
        var result = new CoupledInvariants(order, invariants, tuples, mTuples, coefficients);
        _cache[key] = result;
        return result;
    }
}
