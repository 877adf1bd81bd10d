using System.Globalization;
using Ace.Core.Atoms;
using Ace.Core.Primitives;

namespace Ace.Core.Studies;

/// <summary>
/// Seeded, deterministic generator of small silicon structures labelled with a reference potential (Stillinger-Weber
/// silicon by default): dimers on a distance grid, random clusters of 3 to 5 atoms (no two atoms closer than
/// <see cref="MinDistance"/>, every atom bonded to an earlier one within <see cref="MaxBond"/>, so the cluster is
/// connected within the reference cutoff), and small strained and rattled periodic diamond cells. The same seed gives
/// the same structures on every machine (System.Random with a seed is a fixed algorithm).
/// </summary>
public sealed class SiliconClusterGenerator
{
    private static readonly Element Si = Element.FromSymbol("Si");
    private readonly RandomGeometry _geometry;

    /// <summary>A generator with its own random stream.</summary>
    /// <param name="seed">The seed of the random stream.</param>
    /// <param name="reference">The labelling potential; null for <see cref="StillingerWeber.Silicon"/>.</param>
    public SiliconClusterGenerator(int seed, StillingerWeber? reference = null)
    {
        _geometry = new RandomGeometry(new Random(seed));
        Reference = reference ?? StillingerWeber.Silicon;
        if (Reference.Element != Si)
        {
            throw new ArgumentException($"the reference potential is for {Reference.Element}; this generator makes silicon structures", nameof(reference));
        }
    }

    /// <summary>The potential that labels every structure.</summary>
    public StillingerWeber Reference { get; }

    /// <summary>The smallest allowed interatomic distance in clusters, Angstrom (default 2.0).</summary>
    public double MinDistance { get; init; } = 2.0;

    /// <summary>The largest distance of a new cluster atom to the atom it is attached to, Angstrom (default 3.6, inside the SW cutoff 3.77).</summary>
    public double MaxBond { get; init; } = 3.6;

    /// <summary>
    /// <paramref name="count"/> dimers with distances evenly spaced over [<paramref name="rMin"/>, <paramref name="rMax"/>],
    /// along a random direction, config_type "Si2".
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">count &lt; 1 or the range is empty or not positive.</exception>
    public IReadOnlyList<Structure> Dimers(int count, double rMin = 1.8, double rMax = 6.0) =>
        _geometry.Dimers(count, rMin, rMax, positions => Label(positions, ClusterType(2)));

    /// <summary>
    /// <paramref name="count"/> random clusters of <paramref name="atoms"/> atoms (2 to 5; config_type "Si2".."Si5"): each
    /// new atom sits at a random distance in [<see cref="MinDistance"/>, <see cref="MaxBond"/>] from a random earlier atom
    /// and at least <see cref="MinDistance"/> from all of them.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">atoms is not 2 to 5 or count &lt; 1.</exception>
    public IReadOnlyList<Structure> Clusters(int atoms, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(atoms, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(atoms, 5);
        return _geometry.Clusters(atoms, count, MinDistance, MaxBond, positions => Label(positions, ClusterType(atoms)));
    }

    /// <summary>
    /// <paramref name="count"/> periodic diamond cells (alternately the 2-atom primitive and the 8-atom cubic cell)
    /// with lattice constant uniform in [5.25, 5.65] Angstrom, a random symmetric strain of up to
    /// <paramref name="maxStrain"/> per component and atoms rattled by up to <paramref name="rattle"/> Angstrom;
    /// config_type "bulk".
    /// </summary>
    public IReadOnlyList<Structure> PeriodicCells(int count, double maxStrain = 0.03, double rattle = 0.1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(maxStrain);
        ArgumentOutOfRangeException.ThrowIfNegative(rattle);
        var result = new List<Structure>(count);
        for (int k = 0; k < count; k++)
        {
            double a = 5.25 + 0.4 * _geometry.Random.NextDouble();
            var ideal = k % 2 == 0 ? RandomGeometry.PrimitiveDiamond(Si, Si, a) : Crystals.Diamond(Si, a);
            result.Add(Reference.Label(_geometry.StrainAndRattle(ideal, maxStrain, rattle), "bulk"));
        }
        return result;
    }

    /// <summary>The config_type of a cluster of <paramref name="atoms"/> atoms: "Si2" .. "Si5".</summary>
    public static string ClusterType(int atoms) => "Si" + atoms.ToString(CultureInfo.InvariantCulture);

    private Structure Label(IReadOnlyList<Vec3> positions, string configType) =>
        Reference.Label(Structure.Isolated(positions.Select(_ => Si), positions), configType);
}
