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

    private static (int, int) Key(Element a, Element b) =>
        a.AtomicNumber <= b.AtomicNumber ? (a.AtomicNumber, b.AtomicNumber) : (b.AtomicNumber, a.AtomicNumber);
}
