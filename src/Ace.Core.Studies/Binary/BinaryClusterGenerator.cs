using System.Globalization;
using Ace.Core.Atoms;
using Ace.Core.Primitives;

namespace Ace.Core.Studies;

/// <summary>
/// Seeded, deterministic generator of small two-element structures labelled with a <see cref="BinaryStillingerWeber"/>
/// reference (Si-Ge by default): dimers of each element pair on a distance grid, random connected clusters of 3 to 5
/// atoms with random species, and small strained and rattled periodic cells (ordered zincblende and random-alloy
/// diamond). Shares its geometry with <see cref="SiliconClusterGenerator"/>.
/// </summary>
public sealed class BinaryClusterGenerator
{
    private readonly RandomGeometry _geometry;

    /// <summary>A generator with its own random stream.</summary>
    /// <param name="seed">The seed of the random stream.</param>
    /// <param name="reference">The labelling potential; null for <see cref="BinaryStillingerWeber.SiliconGermanium"/>.</param>
    public BinaryClusterGenerator(int seed, BinaryStillingerWeber? reference = null)
    {
        _geometry = new RandomGeometry(new Random(seed));
        Reference = reference ?? BinaryStillingerWeber.SiliconGermanium;
    }

    /// <summary>The potential that labels every structure.</summary>
    public BinaryStillingerWeber Reference { get; }

    /// <summary>The smallest allowed interatomic distance in clusters, Angstrom (default 2.0).</summary>
    public double MinDistance { get; init; } = 2.0;

    /// <summary>The largest distance of a new cluster atom to the atom it is attached to, Angstrom (default 3.6, inside every pair cutoff of the Si-Ge reference).</summary>
    public double MaxBond { get; init; } = 3.6;

    /// <summary>
    /// <paramref name="count"/> dimers <paramref name="a"/>-<paramref name="b"/> with distances evenly spaced over
    /// [<paramref name="rMin"/>, <paramref name="rMax"/>] along random directions; config_type e.g. "SiGe".
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">count &lt; 1 or the range is empty or not positive.</exception>
    public IReadOnlyList<Structure> Dimers(Element a, Element b, int count, double rMin = 1.8, double rMax = 6.0) =>
        _geometry.Dimers(count, rMin, rMax, positions => Reference.Label(Structure.Isolated([a, b], positions), a.Symbol + b.Symbol));

    /// <summary>
    /// <paramref name="count"/> random connected clusters of <paramref name="atoms"/> atoms (3 to 5; geometry as in
    /// <see cref="SiliconClusterGenerator.Clusters"/>), every atom A or B with equal probability; config_type
    /// "cluster3" .. "cluster5".
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">atoms is not 3 to 5 or count &lt; 1.</exception>
    public IReadOnlyList<Structure> Clusters(int atoms, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(atoms, 3);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(atoms, 5);
        return _geometry.Clusters(atoms, count, MinDistance, MaxBond, positions =>
            Reference.Label(Structure.Isolated(positions.Select(_ => RandomElement()).ToList(), positions), ClusterType(atoms)));
    }

    /// <summary>
    /// <paramref name="count"/> periodic cells, alternately the 2-atom zincblende A-B primitive cell and the 8-atom cubic
    /// diamond cell with random species, lattice constant uniform in [5.35, 5.75] Angstrom, a random symmetric strain of
    /// up to <paramref name="maxStrain"/> per component and atoms rattled by up to <paramref name="rattle"/> Angstrom;
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
            double a = 5.35 + 0.4 * _geometry.Random.NextDouble();
            Structure ideal;
            if (k % 2 == 0)
            {
                ideal = RandomGeometry.PrimitiveDiamond(Reference.First, Reference.Second, a);
            }
            else
            {
                var diamond = Crystals.Diamond(Reference.First, a);
                ideal = Structure.Periodic(diamond.Positions.Select(_ => RandomElement()).ToList(), diamond.Positions, diamond.Cell);
            }
            result.Add(Reference.Label(_geometry.StrainAndRattle(ideal, maxStrain, rattle), "bulk"));
        }
        return result;
    }

    /// <summary>The config_type of a cluster of <paramref name="atoms"/> atoms: "cluster3" .. "cluster5".</summary>
    public static string ClusterType(int atoms) => "cluster" + atoms.ToString(CultureInfo.InvariantCulture);

    private Element RandomElement() => _geometry.Random.Next(2) == 0 ? Reference.First : Reference.Second;
}
