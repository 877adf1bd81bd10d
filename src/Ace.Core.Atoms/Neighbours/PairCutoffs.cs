using System.Globalization;

namespace Ace.Core.Atoms;

/// <summary>
/// Cutoff radii per unordered pair of elements (Angstrom), for neighbour lists of multi-species structures.
/// </summary>
public sealed class PairCutoffs
{
    private readonly Dictionary<(int, int), double> _cutoffs = [];

    /// <summary>Cutoffs from (element, element, radius) triples; (A, B) also sets (B, A).</summary>
    /// <exception cref="ArgumentException">A radius is negative or not finite, or a pair is given twice with different radii.</exception>
    public PairCutoffs(IEnumerable<(Element A, Element B, double Cutoff)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        foreach (var (a, b, r) in pairs)
        {
            if (!double.IsFinite(r) || r < 0)
            {
                throw new ArgumentException($"cutoff for {a}-{b} must be finite and non-negative, got {r.ToString(CultureInfo.InvariantCulture)}", nameof(pairs));
            }
            var key = Key(a, b);
            if (_cutoffs.TryGetValue(key, out var existing) && existing != r)
            {
                throw new ArgumentException($"the pair {a}-{b} is given twice, with cutoffs {existing.ToString(CultureInfo.InvariantCulture)} and {r.ToString(CultureInfo.InvariantCulture)}", nameof(pairs));
            }
            _cutoffs[key] = r;
            Max = Math.Max(Max, r);
        }
    }

    /// <summary>The largest cutoff of all pairs.</summary>
    public double Max { get; }

    /// <summary>The cutoff for the pair (<paramref name="a"/>, <paramref name="b"/>).</summary>
    /// <exception cref="KeyNotFoundException">The pair has no cutoff.</exception>
    public double this[Element a, Element b] => TryGet(a, b, out var r)
        ? r
        : throw new KeyNotFoundException($"no cutoff is given for the pair {a}-{b}");

    /// <summary>Looks up the cutoff for the pair (<paramref name="a"/>, <paramref name="b"/>) in either order.</summary>
    public bool TryGet(Element a, Element b, out double cutoff) => _cutoffs.TryGetValue(Key(a, b), out cutoff);

    /// <summary>
    /// These cutoffs with <paramref name="skin"/> added to every pair (Angstrom), e.g. for a neighbour list that
    /// stays valid while atoms move (see <see cref="SkinNeighbourList"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The skin is negative or not finite.</exception>
    public PairCutoffs WithSkin(double skin)
    {
        if (!double.IsFinite(skin) || skin < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(skin), skin, "the skin must be finite and non-negative");
        }
        return new PairCutoffs(_cutoffs.Select(p => (Element.FromAtomicNumber(p.Key.Item1), Element.FromAtomicNumber(p.Key.Item2), p.Value + skin)));
    }

    /// <summary>
    /// The squared cutoff of every ordered pair of <paramref name="species"/> at [s * count + t], and the largest
    /// cutoff in <paramref name="max"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A pair of the species has no cutoff.</exception>
    internal double[] SquaredBySpecies(IReadOnlyList<Element> species, out double max)
    {
        var squared = new double[species.Count * species.Count];
        max = 0;
        for (int s = 0; s < species.Count; s++)
        {
            for (int t = 0; t < species.Count; t++)
            {
                if (!TryGet(species[s], species[t], out var r))
                {
                    throw new ArgumentException(
                        $"no cutoff is given for the pair {species[s]}-{species[t]}, which occurs in the structure", nameof(species));
                }
                squared[s * species.Count + t] = r * r;
                max = Math.Max(max, r);
            }
        }
        return squared;
    }

    private static (int, int) Key(Element a, Element b) =>
        a.AtomicNumber <= b.AtomicNumber ? (a.AtomicNumber, b.AtomicNumber) : (b.AtomicNumber, a.AtomicNumber);
}
