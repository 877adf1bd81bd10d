namespace Ace.Core.Basis.Enumeration;

/// <summary>
/// Enumerates, in a deterministic order, the sorted label tuples of one correlation order that a selection rule keeps
/// and that can carry an O(3) invariant: order 1 needs l = 0; order &gt;= 2 needs an even sum of l (odd sums are
/// pseudo-scalars) and the largest l not above the sum of the others (otherwise no coupling reaches L = 0).
/// </summary>
internal static class LabelTupleEnumerator
{
    /// <summary>The tuples of <paramref name="correlationOrder"/> over <paramref name="speciesCount"/> neighbour species, sorted by (species, n, l) inside and lexicographically between.</summary>
    public static List<LabelIndex[]> Enumerate(FunctionSelection selection, int speciesCount, int correlationOrder)
    {
        var candidates = new List<LabelIndex>();
        for (int z = 0; z < speciesCount; z++)
        {
            for (int n = 1; selection.AdmitsLabel(correlationOrder, n, 0); n++)
            {
                // Order 1 keeps l = 0 only (below), so its candidates stop there.
                for (int l = 0; selection.AdmitsLabel(correlationOrder, n, l) && (l == 0 || correlationOrder > 1); l++)
                {
                    candidates.Add(new LabelIndex(z, n, l));
                }
            }
        }
        var result = new List<LabelIndex[]>();
        var current = new LabelIndex[correlationOrder];
        Recurse(selection, candidates, correlationOrder, 0, 0, 0, 0, 0, 0, current, result);
        return result;
    }

    private static void Recurse(FunctionSelection selection, List<LabelIndex> candidates, int order, int position, int first,
        int nSum, int lSum, int nMax, int lMax, LabelIndex[] current, List<LabelIndex[]> result)
    {
        if (position == order)
        {
            if (IsInvariantCandidate(current, lSum, lMax))
            {
                result.Add((LabelIndex[])current.Clone());
            }
            return;
        }
        int remaining = order - position - 1;
        for (int i = first; i < candidates.Count; i++)
        {
            var c = candidates[i];
            int ns = nSum + c.N, ls = lSum + c.L, nm = Math.Max(nMax, c.N), lm = Math.Max(lMax, c.L);
            if (!selection.AdmitsPartial(order, ns, ls, nm, lm, remaining))
            {
                continue;
            }
            current[position] = c;
            Recurse(selection, candidates, order, position + 1, i, ns, ls, nm, lm, current, result);
        }
    }

    private static bool IsInvariantCandidate(LabelIndex[] tuple, int lSum, int lMax) =>
        tuple.Length == 1 ? lSum == 0 : lSum % 2 == 0 && 2 * lMax <= lSum;

    /// <summary>The class of each position: equal labels share a class; classes are numbered 0, 1, ... in order.</summary>
    public static int[] LabelClasses(LabelIndex[] tuple)
    {
        var classes = new int[tuple.Length];
        for (int t = 1; t < tuple.Length; t++)
        {
            classes[t] = tuple[t] == tuple[t - 1] ? classes[t - 1] : classes[t - 1] + 1;
        }
        return classes;
    }
}
