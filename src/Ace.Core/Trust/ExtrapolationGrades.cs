using System.Collections.Immutable;

namespace Ace.Core.Trust;

/// <summary>The extrapolation grade gamma of every atom of one structure (see <see cref="ActiveSet"/>).</summary>
/// <param name="PerAtom">gamma of every atom, in atom order (0 for an atom without neighbours).</param>
public sealed record ExtrapolationGrades(ImmutableArray<double> PerAtom)
{
    /// <summary>The largest grade of any atom (0 for a structure without atoms).</summary>
    public double Max => PerAtom.IsDefaultOrEmpty ? 0 : PerAtom.Max();

    /// <summary>The atom with the largest grade (-1 for a structure without atoms).</summary>
    public int MaxAtom
    {
        get
        {
            int best = -1;
            for (int i = 0; i < PerAtom.Length; i++)
            {
                if (best < 0 || PerAtom[i] > PerAtom[best])
                {
                    best = i;
                }
            }
            return best;
        }
    }

    /// <summary>The number of atoms whose grade exceeds <paramref name="threshold"/>.</summary>
    public int CountAbove(double threshold) => PerAtom.Count(g => g > threshold);
}
