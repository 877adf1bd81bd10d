namespace Ace.Core.Basis.Purification.Expansion;

/// <summary>
/// A product of up to six extended A functions, as the sorted multiset of their <see cref="ExtendedLabelCode"/>s
/// (two codes per word, unused slots 0). Equal products have equal keys; the field order sorts keys lexicographically.
/// </summary>
internal readonly record struct MonomialKey(ulong Word0, ulong Word1, ulong Word2) : IComparable<MonomialKey>
{
    public const int MaxOrder = 6;

    /// <summary>The key of the product of <paramref name="codes"/> (any order; sorted in place).</summary>
    public static MonomialKey FromCodes(Span<uint> codes)
    {
        if (codes.Length is < 1 or > MaxOrder)
        {
            throw new ArgumentOutOfRangeException(nameof(codes), codes.Length, $"a monomial has 1 .. {MaxOrder} factors");
        }
        codes.Sort();
        Span<ulong> w = stackalloc ulong[3];
        w.Clear();
        for (int i = 0; i < codes.Length; i++)
        {
            w[i >> 1] |= (ulong)codes[i] << ((i & 1) == 0 ? 32 : 0);
        }
        return new MonomialKey(w[0], w[1], w[2]);
    }

    /// <summary>Writes the codes (sorted) into <paramref name="codes"/> and returns how many there are.</summary>
    public int CopyCodes(Span<uint> codes)
    {
        int count = 0;
        foreach (ulong word in (ReadOnlySpan<ulong>)[Word0, Word1, Word2])
        {
            uint hi = (uint)(word >> 32), lo = (uint)word;
            if (hi == 0)
            {
                break;
            }
            codes[count++] = hi;
            if (lo == 0)
            {
                break;
            }
            codes[count++] = lo;
        }
        return count;
    }

    public int CompareTo(MonomialKey other)
    {
        int c = Word0.CompareTo(other.Word0);
        if (c != 0)
        {
            return c;
        }
        c = Word1.CompareTo(other.Word1);
        return c != 0 ? c : Word2.CompareTo(other.Word2);
    }
}
