using Ace.Core.Atoms;
using Ace.Core.Potentials;
using Ace.Core.Primitives;

namespace Ace.Core.Analysis;

/// <summary>
/// Dimer and trimer curves of any energy model (ace-math.md section 7), always on isolated structures (no periodic
/// images): the dimer curve is E(two atoms at r) - E0(a) - E0(b); the trimer excess is E(trimer) minus its three
/// dimer curves and three one-body energies, so it is exactly the three-body (and higher) part. The one-body energy
/// E0(z) is the model's own energy of a lone atom (for a linear ACE potential: its reference energy).
/// </summary>
public static class ClusterCurves
{
    /// <summary><paramref name="count"/> evenly spaced points from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    /// <exception cref="ArgumentOutOfRangeException">count &lt; 2 or the range is empty.</exception>
    public static IReadOnlyList<double> Grid(double from, double to, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        if (!(to > from) || !double.IsFinite(from) || !double.IsFinite(to))
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"the grid needs finite from < to (from = {from})");
        }
        return Enumerable.Range(0, count).Select(k => from + (to - from) * k / (count - 1)).ToList();
    }

    /// <summary>The dimer curve of elements <paramref name="a"/> and <paramref name="b"/> at the given distances.</summary>
    /// <param name="name">The curve's label.</param>
    /// <param name="energy">The model's total energy of an isolated structure, eV.</param>
    /// <param name="a">The first element.</param>
    /// <param name="b">The second element.</param>
    /// <param name="distances">Increasing distances in Angstrom.</param>
    public static Curve Dimer(string name, Func<Structure, double> energy, Element a, Element b, IReadOnlyList<double> distances)
    {
        ArgumentNullException.ThrowIfNull(energy);
        ArgumentNullException.ThrowIfNull(distances);
        double e0 = LoneAtom(energy, a) + LoneAtom(energy, b);
        var energies = distances.Select(r => energy(Structure.Isolated([a, b], [Vec3.Zero, new Vec3(0, 0, r)])) - e0).ToList();
        return new Curve(name, distances, energies);
    }

    /// <summary>
    /// The three-body excess of an isosceles trimer of <paramref name="element"/> with two arms of length
    /// <paramref name="arm"/> (Angstrom) at the given opening angles (degrees, increasing, in (0, 180]).
    /// </summary>
    /// <param name="name">The curve's label.</param>
    /// <param name="energy">The model's total energy of an isolated structure, eV.</param>
    /// <param name="element">The element of all three atoms.</param>
    /// <param name="arm">The distance from the apex to the two other atoms.</param>
    /// <param name="anglesDegrees">The apex angles.</param>
    public static Curve Trimer(string name, Func<Structure, double> energy, Element element, double arm, IReadOnlyList<double> anglesDegrees)
    {
        ArgumentNullException.ThrowIfNull(energy);
        ArgumentNullException.ThrowIfNull(anglesDegrees);
        if (!(arm > 0) || !double.IsFinite(arm))
        {
            throw new ArgumentOutOfRangeException(nameof(arm), arm, "the arm length must be positive");
        }
        double oneBody = LoneAtom(energy, element);
        double Dimer(double r) => energy(Structure.Isolated([element, element], [Vec3.Zero, new Vec3(0, 0, r)])) - 2 * oneBody;
        double armDimer = Dimer(arm);
        var excess = new List<double>(anglesDegrees.Count);
        foreach (double degrees in anglesDegrees)
        {
            if (!(degrees > 0 && degrees <= 180))
            {
                throw new ArgumentOutOfRangeException(nameof(anglesDegrees), degrees, "trimer angles must lie in (0, 180] degrees");
            }
            double t = degrees * Math.PI / 180;
            var j = new Vec3(arm, 0, 0);
            var k = new Vec3(arm * Math.Cos(t), arm * Math.Sin(t), 0);
            double total = energy(Structure.Isolated([element, element, element], [Vec3.Zero, j, k]));
            excess.Add(total - 3 * oneBody - 2 * armDimer - Dimer((j - k).Norm));
        }
        return new Curve(name, anglesDegrees, excess);
    }

    /// <summary>The dimer curve of a fitted potential (its reference energies subtracted).</summary>
    public static Curve Dimer(LinearAcePotential potential, string element, IReadOnlyList<double> distances, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(potential);
        var e = Element.FromSymbol(element);
        return Dimer(name ?? $"{element}2", potential.Energy, e, e, distances);
    }

    /// <summary>
    /// The equilateral trimer of side r: E(three atoms at the corners) - 3 E0(element), the total cluster energy (two- and
    /// more-body parts together) at the given side lengths.
    /// </summary>
    /// <param name="name">The curve's label.</param>
    /// <param name="energy">The model's total energy of an isolated structure, eV.</param>
    /// <param name="element">The element of all three atoms.</param>
    /// <param name="sides">Increasing side lengths in Angstrom.</param>
    public static Curve EquilateralTrimer(string name, Func<Structure, double> energy, Element element, IReadOnlyList<double> sides)
    {
        ArgumentNullException.ThrowIfNull(energy);
        ArgumentNullException.ThrowIfNull(sides);
        double e0 = 3 * LoneAtom(energy, element);
        var energies = sides.Select(r => energy(Structure.Isolated([element, element, element],
            [Vec3.Zero, new Vec3(r, 0, 0), new Vec3(r / 2, r * Math.Sqrt(3) / 2, 0)])) - e0).ToList();
        return new Curve(name, sides, energies);
    }

    /// <summary>The equilateral trimer curve of a fitted potential (see the general overload).</summary>
    public static Curve EquilateralTrimer(LinearAcePotential potential, string element, IReadOnlyList<double> sides, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(potential);
        return EquilateralTrimer(name ?? $"{element}3 equilateral", potential.Energy, Element.FromSymbol(element), sides);
    }

    /// <summary>
    /// The largest depth (eV, 0 when none) by which the curve falls below its value at <paramref name="from"/> at any of its
    /// points beyond it: max over x &gt;= from of E(from) - E(x), with E(from) interpolated. A curve that rises
    /// monotonically to zero at the cutoff scores 0; a spurious well past <paramref name="from"/> scores its depth.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="from"/> lies outside the curve.</exception>
    public static double DropBeyond(Curve curve, double from)
    {
        ArgumentNullException.ThrowIfNull(curve);
        if (!(from >= curve.X[0] && from <= curve.X[^1]))
        {
            throw new ArgumentOutOfRangeException(nameof(from), from, $"'{curve.Name}' spans [{curve.X[0]}, {curve.X[^1]}]");
        }
        double start = curve.Interpolate(from), drop = 0;
        for (int k = 0; k < curve.Count; k++)
        {
            if (curve.X[k] >= from)
            {
                drop = Math.Max(drop, start - curve.Energies[k]);
            }
        }
        return drop;
    }

    /// <summary>The isosceles-trimer three-body excess of a fitted potential (see the general overload).</summary>
    public static Curve Trimer(LinearAcePotential potential, string element, double arm, IReadOnlyList<double> anglesDegrees, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(potential);
        return Trimer(name ?? $"{element}3", potential.Energy, Element.FromSymbol(element), arm, anglesDegrees);
    }

    private static double LoneAtom(Func<Structure, double> energy, Element element) =>
        energy(Structure.Isolated([element], [Vec3.Zero]));
}
