namespace Ace.Core.Basis.Enumeration;

/// <summary>A one-particle label in code form: species index, radial label n (&gt;= 1) and angular degree l; ordered by (species, n, l).</summary>
internal readonly record struct LabelIndex(int Species, int N, int L) : IComparable<LabelIndex>
{
    public int CompareTo(LabelIndex other)
    {
        int c = Species.CompareTo(other.Species);
        if (c != 0)
        {
            return c;
        }
        c = N.CompareTo(other.N);
        return c != 0 ? c : L.CompareTo(other.L);
    }
}
