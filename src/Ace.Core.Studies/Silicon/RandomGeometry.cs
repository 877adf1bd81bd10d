using System.Globalization;
using Ace.Core.Atoms;
using Ace.Core.Primitives;

namespace Ace.Core.Studies;

/// <summary>
/// The random geometry the study's data generators share (silicon and binary): uniform directions, connected random
/// clusters and strained, rattled copies of crystal cells, all drawn from one seeded stream in a fixed order.
/// </summary>
internal sealed class RandomGeometry(Random random)
{
    /// <summary>The stream every draw comes from.</summary>
    public Random Random { get; } = random;

    /// <summary>A uniformly distributed unit vector (rejection sampling in the unit ball).</summary>
    public Vec3 Direction()
    {
        while (true)
        {
            var v = new Vec3(2 * Random.NextDouble() - 1, 2 * Random.NextDouble() - 1, 2 * Random.NextDouble() - 1);
            double n2 = v.NormSquared;
            if (n2 > 1e-6 && n2 <= 1)
            {
                return v / Math.Sqrt(n2);
            }
        }
    }

    /// <summary>
    /// <paramref name="count"/> dimers with distances evenly spaced over [<paramref name="rMin"/>, <paramref name="rMax"/>],
    /// each at a random centre along a random direction, turned into structures by <paramref name="make"/> as they are
    /// drawn (so draws made by <paramref name="make"/> interleave in a fixed order).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">count &lt; 1 or the range is empty or not positive.</exception>
    public List<T> Dimers<T>(int count, double rMin, double rMax, Func<Vec3[], T> make)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (!(rMin > Structure.MinimumSeparation) || !(rMax >= rMin) || !double.IsFinite(rMax))
        {
            throw new ArgumentOutOfRangeException(nameof(rMin), string.Create(CultureInfo.InvariantCulture, $"need 0 < rMin <= rMax, got [{rMin}, {rMax}]"));
        }
        var result = new List<T>(count);
        for (int k = 0; k < count; k++)
        {
            double r = count == 1 ? rMin : rMin + (rMax - rMin) * k / (count - 1);
            var centre = Direction() * Random.NextDouble();
            result.Add(make([centre, centre + r * Direction()]));
        }
        return result;
    }

    /// <summary>
    /// <paramref name="count"/> connected clusters of <paramref name="atoms"/> atoms (see <see cref="Cluster"/>; failed
    /// attempts are drawn again), each turned into a structure by <paramref name="make"/> as it is drawn.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">count &lt; 1.</exception>
    /// <exception cref="InvalidOperationException">not 0 &lt; minDistance &lt; maxBond (the generators' settings).</exception>
    public List<T> Clusters<T>(int atoms, int count, double minDistance, double maxBond, Func<List<Vec3>, T> make)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (!(minDistance > 0) || !(maxBond > minDistance))
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"need 0 < MinDistance < MaxBond, got {minDistance} and {maxBond}"));
        }
        var result = new List<T>(count);
        while (result.Count < count)
        {
            if (Cluster(atoms, minDistance, maxBond) is { } positions)
            {
                result.Add(make(positions));
            }
        }
        return result;
    }

    /// <summary>
    /// The positions of a connected cluster of <paramref name="atoms"/> atoms: each new atom sits at a random distance in
    /// [<paramref name="minDistance"/>, <paramref name="maxBond"/>] from a random earlier atom and at least
    /// <paramref name="minDistance"/> from all of them; null when 1000 attempts did not place every atom.
    /// </summary>
    public List<Vec3>? Cluster(int atoms, double minDistance, double maxBond)
    {
        var positions = new List<Vec3>(atoms) { Vec3.Zero };
        int attempts = 0;
        while (positions.Count < atoms && attempts < 1000)
        {
            attempts++;
            var anchor = positions[Random.Next(positions.Count)];
            double r = minDistance + (maxBond - minDistance) * Random.NextDouble();
            var candidate = anchor + r * Direction();
            if (positions.TrueForAll(p => (p - candidate).Norm >= minDistance))
            {
                positions.Add(candidate);
            }
        }
        return positions.Count == atoms ? positions : null;
    }

    /// <summary>
    /// <paramref name="ideal"/> under a random symmetric strain of up to <paramref name="maxStrain"/> per component with
    /// every atom displaced by up to <paramref name="rattle"/> Angstrom in a random direction (periodic, same elements).
    /// </summary>
    public Structure StrainAndRattle(Structure ideal, double maxStrain, double rattle)
    {
        var strain = new double[3, 3];
        for (int i = 0; i < 3; i++)
        {
            for (int j = i; j < 3; j++)
            {
                strain[i, j] = strain[j, i] = maxStrain * (2 * Random.NextDouble() - 1);
            }
        }
        Vec3 Deform(Vec3 v) => new(
            v.X + strain[0, 0] * v.X + strain[0, 1] * v.Y + strain[0, 2] * v.Z,
            v.Y + strain[1, 0] * v.X + strain[1, 1] * v.Y + strain[1, 2] * v.Z,
            v.Z + strain[2, 0] * v.X + strain[2, 1] * v.Y + strain[2, 2] * v.Z);
        var cell = new Cell(Deform(ideal.Cell.A), Deform(ideal.Cell.B), Deform(ideal.Cell.C));
        var positions = ideal.Positions.Select(p => Deform(p) + rattle * Random.NextDouble() * Direction()).ToList();
        return Structure.Periodic(ideal.Elements, positions, cell);
    }

    /// <summary>The 2-atom primitive diamond (or zincblende, when the elements differ) cell with lattice constant <paramref name="a"/>.</summary>
    public static Structure PrimitiveDiamond(Element first, Element second, double a)
    {
        var cell = new Cell(new Vec3(0, a / 2, a / 2), new Vec3(a / 2, 0, a / 2), new Vec3(a / 2, a / 2, 0));
        return Structure.Periodic([first, second], [Vec3.Zero, new Vec3(a / 4, a / 4, a / 4)], cell);
    }
}
