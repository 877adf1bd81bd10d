using System.Collections.Immutable;
using System.Globalization;
using System.Collections.ObjectModel;
using Ace.Core.Primitives;

namespace Ace.Core.Atoms;

/// <summary>
/// An atomic structure with the reference data a fit needs: elements, positions (Angstrom), cell, periodicity,
/// and optionally the total energy (eV), forces (eV/Angstrom), virial (eV), a configuration label, extra per-atom
/// arrays and free-form info (which also carries per-structure fit weights such as energy_weight, read by the fit).
/// Immutable; the constructor validates the geometry (finite positions, non-singular cell when any axis is periodic,
/// no two atoms or images closer than <see cref="MinimumSeparation"/>) and the init properties validate the
/// reference data.
/// </summary>
public sealed class Structure
{
    /// <summary>
    /// Atoms (or periodic images) closer than this many Angstrom are coincident: the constructor rejects them. The
    /// physical rule that reading, evaluation and fitting apply is <see cref="DefaultMinimumSeparation"/>.
    /// </summary>
    public const double MinimumSeparation = 1e-6;

    /// <summary>
    /// The one physical rule for atoms too close (Angstrom): the extended XYZ reader, the potentials and the fit reject
    /// a structure with two atoms (or an atom and a periodic image) closer than this, naming the pair, unless configured
    /// otherwise (<c>ExtendedXyzOptions.MinimumSeparation</c>, <c>LinearAcePotential.MinimumSeparation</c>,
    /// <c>FitBuilder.MinimumSeparation</c>). Real atoms are never this close; such data is misread or corrupt.
    /// </summary>
    public const double DefaultMinimumSeparation = 0.1;

    /// <summary>
    /// Positions along a periodic axis may lie at most this many cells from the cell at the origin (further out the
    /// lattice translations lose precision); the constructor rejects positions beyond, naming the atom.
    /// </summary>
    public const double MaxCellsFromOrigin = 1e6;

    private readonly ImmutableArray<Vec3>? _forces;
    private readonly double? _energy;
    private readonly SymmetricTensor3? _virial;
    private readonly IReadOnlyDictionary<string, string> _info = ReadOnlyDictionary<string, string>.Empty;
    private readonly ImmutableArray<AtomProperty> _atomProperties = [];

    /// <summary>A structure with the given atoms, cell and periodicity, and no reference data yet.</summary>
    /// <param name="elements">The element of each atom.</param>
    /// <param name="positions">The Cartesian position of each atom in Angstrom.</param>
    /// <param name="cell">The cell; may be <see cref="Cell.Zero"/> when no axis is periodic.</param>
    /// <param name="pbc">Which axes are periodic.</param>
    /// <exception cref="ArgumentException">
    /// The counts differ, an element is invalid, a position is not finite, the cell is singular while an axis is
    /// periodic, or (as <see cref="AtomsTooCloseException"/>) two atoms or an atom and a periodic image are closer
    /// than <see cref="MinimumSeparation"/>.
    /// </exception>
    public Structure(IEnumerable<Element> elements, IEnumerable<Vec3> positions, Cell cell, Pbc pbc)
    {
        ArgumentNullException.ThrowIfNull(elements);
        ArgumentNullException.ThrowIfNull(positions);
        Elements = elements.ToImmutableArray();
        Positions = positions.ToImmutableArray();
        Cell = cell;
        Pbc = pbc;
        if (Elements.Length != Positions.Length)
        {
            throw new ArgumentException($"{Elements.Length} elements but {Positions.Length} positions", nameof(positions));
        }
        for (int i = 0; i < Elements.Length; i++)
        {
            if (Elements[i].AtomicNumber == 0)
            {
                throw new ArgumentException($"atom {i} has the default (invalid) element", nameof(elements));
            }
            if (!Positions[i].IsFinite)
            {
                throw new ArgumentException($"atom {i} ({Elements[i]}) has the non-finite position {Positions[i]}", nameof(positions));
            }
        }
        if (pbc.Any && cell.IsSingular)
        {
            throw new ArgumentException(
                $"the cell {cell.A}, {cell.B}, {cell.C} is singular (determinant {cell.Determinant}) but pbc is \"{pbc}\"", nameof(cell));
        }
        Species = [.. Elements.Distinct().Order()];
        ThrowIfFarOutside();
        ThrowIfCloserThan(MinimumSeparation);
    }

    // A copy of source's atoms, periodicity, label, info and per-atom arrays at a new geometry, without
    // reference data (the With* copies add what they keep).
    private Structure(Structure source, Cell cell, IEnumerable<Vec3> positions)
        : this(source.Elements, positions, cell, source.Pbc)
    {
        ConfigType = source.ConfigType;
        Info = source.Info;
        AtomProperties = source.AtomProperties;
    }

    /// <summary>An isolated cluster: no cell, no periodicity.</summary>
    public static Structure Isolated(IEnumerable<Element> elements, IEnumerable<Vec3> positions) =>
        new(elements, positions, Cell.Zero, Pbc.None);

    /// <summary>A bulk structure periodic along all three lattice vectors of <paramref name="cell"/>.</summary>
    public static Structure Periodic(IEnumerable<Element> elements, IEnumerable<Vec3> positions, Cell cell) =>
        new(elements, positions, cell, Pbc.All);

    /// <summary>The number of atoms.</summary>
    public int AtomCount => Elements.Length;

    /// <summary>The element of each atom.</summary>
    public ImmutableArray<Element> Elements { get; }

    /// <summary>The distinct elements present, in increasing atomic number.</summary>
    public ImmutableArray<Element> Species { get; }

    /// <summary>The Cartesian positions in Angstrom.</summary>
    public ImmutableArray<Vec3> Positions { get; }

    /// <summary>The cell (<see cref="Cell.Zero"/> for an isolated structure read without a lattice).</summary>
    public Cell Cell { get; }

    /// <summary>Periodicity along each lattice vector.</summary>
    public Pbc Pbc { get; }

    /// <summary>The reference total energy in eV, or null.</summary>
    /// <exception cref="ArgumentException">(init) The value is not finite.</exception>
    public double? Energy
    {
        get => _energy;
        init => _energy = value is { } e && !double.IsFinite(e)
            ? throw new ArgumentException($"energy must be finite, got {e}", nameof(value))
            : value;
    }

    /// <summary>The reference forces in eV/Angstrom (one per atom), or null.</summary>
    /// <exception cref="ArgumentException">(init) The count differs from the atom count or a force is not finite.</exception>
    public ImmutableArray<Vec3>? Forces
    {
        get => _forces;
        init
        {
            if (value is { } f)
            {
                if (f.IsDefault || f.Length != AtomCount)
                {
                    throw new ArgumentException($"{(f.IsDefault ? 0 : f.Length)} forces for {AtomCount} atoms", nameof(value));
                }
                for (int i = 0; i < f.Length; i++)
                {
                    if (!f[i].IsFinite)
                    {
                        throw new ArgumentException($"the force on atom {i} is not finite: {f[i]}", nameof(value));
                    }
                }
            }
            _forces = value;
        }
    }

    /// <summary>
    /// The reference virial in eV, or null. Convention as in ASE: virial = -stress * volume, i.e. the virial is
    /// minus the derivative of the energy with respect to strain.
    /// </summary>
    /// <exception cref="ArgumentException">(init) A component is not finite.</exception>
    public SymmetricTensor3? Virial
    {
        get => _virial;
        init => _virial = value is { } v && !v.IsFinite
            ? throw new ArgumentException($"virial must be finite, got {v}", nameof(value))
            : value;
    }

    /// <summary>The stress in eV/Angstrom^3 implied by <see cref="Virial"/> (-virial / volume), or null without a virial or volume.</summary>
    public SymmetricTensor3? Stress => Virial is { } v && !Cell.IsSingular ? (-1.0 / Cell.Volume) * v : null;

    /// <summary>The configuration label (extended XYZ key config_type), or null.</summary>
    public string? ConfigType { get; init; }

    /// <summary>
    /// Other per-structure key=value pairs (e.g. free_energy, or the fit weight overrides energy_weight, force_weight
    /// and virial_weight), with keys and values kept as the exact text read (unquoted), in the order read. Never null.
    /// </summary>
    public IReadOnlyDictionary<string, string> Info
    {
        get => _info;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            var copy = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (k, v) in value)
            {
                if (string.IsNullOrEmpty(k))
                {
                    throw new ArgumentException("info keys must be non-empty", nameof(value));
                }
                ArgumentNullException.ThrowIfNull(v, $"Info[{k}]");
                copy.Add(k, v);
            }
            _info = new ReadOnlyDictionary<string, string>(copy);
        }
    }

    /// <summary>Extra per-atom arrays (e.g. tags, velocities), in the order read. Never default.</summary>
    /// <exception cref="ArgumentException">(init) A property covers a different number of atoms, or two share a name.</exception>
    public ImmutableArray<AtomProperty> AtomProperties
    {
        get => _atomProperties;
        init
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var p in value.IsDefault ? [] : value)
            {
                ArgumentNullException.ThrowIfNull(p, nameof(value));
                if (p.AtomCount != AtomCount)
                {
                    throw new ArgumentException($"per-atom property '{p.Name}' covers {p.AtomCount} atoms, the structure has {AtomCount}", nameof(value));
                }
                if (!names.Add(p.Name))
                {
                    throw new ArgumentException($"per-atom property '{p.Name}' is given twice", nameof(value));
                }
            }
            _atomProperties = value.IsDefault ? [] : value;
        }
    }

    /// <summary>
    /// A copy with new positions (e.g. for finite differences). Elements, cell, periodicity, label,
    /// info and extra per-atom arrays are kept; the reference energy, forces and virial are dropped because they
    /// belong to the old geometry.
    /// </summary>
    public Structure WithPositions(IEnumerable<Vec3> positions) => WithGeometry(Cell, positions);

    /// <summary>
    /// A copy with a new cell and new positions (e.g. for strain derivatives); keeps the same data as
    /// <see cref="WithPositions"/> and drops the reference energy, forces and virial.
    /// </summary>
    public Structure WithGeometry(Cell cell, IEnumerable<Vec3> positions) => new(this, cell, positions);

    /// <summary>A copy of this structure with the given reference energy, forces and virial (each may be null).</summary>
    public Structure WithReferenceData(double? energy, IEnumerable<Vec3>? forces, SymmetricTensor3? virial) =>
        new(this, Cell, Positions)
        {
            Energy = energy,
            Forces = forces?.ToImmutableArray(),
            Virial = virial,
        };

    /// <inheritdoc/>
    public override string ToString() =>
        $"Structure({AtomCount} atoms, {string.Join(",", Species)}, pbc \"{Pbc}\"{(ConfigType is null ? "" : ", " + ConfigType)})";

    /// <summary>
    /// Throws <see cref="AtomsTooCloseException"/>, naming the pair, its elements, the image and the distance, when two
    /// atoms or an atom and a periodic image are closer than <paramref name="minimum"/> Angstrom (the rule of
    /// <see cref="DefaultMinimumSeparation"/>). O(N).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimum"/> is negative or not finite.</exception>
    public void ThrowIfCloserThan(double minimum)
    {
        if (!(minimum >= 0) || !double.IsFinite(minimum))
        {
            throw new ArgumentOutOfRangeException(nameof(minimum), minimum, "the minimum separation must be a finite non-negative distance in Angstrom");
        }
        if (minimum == 0 || AtomCount == 0)
        {
            return;
        }
        var finder = new FirstPairFinder();
        CellListSearch.Search(Positions.AsSpan(), Cell, Pbc, minimum, ref finder);
        if (finder.Found)
        {
            var what = finder.I == finder.J
                ? $"atom {finder.I} ({Elements[finder.I]}) and its own periodic image {finder.Shift}"
                : $"atoms {finder.I} ({Elements[finder.I]}) and {finder.J} ({Elements[finder.J]})" +
                  (finder.Shift.IsZero ? "" : $" (image {finder.Shift})");
            throw new AtomsTooCloseException(string.Create(CultureInfo.InvariantCulture,
                $"{what} are {finder.Distance:G6} Angstrom apart, closer than the minimum separation {minimum:G} Angstrom"),
                finder.I, finder.J, finder.Shift, finder.Distance);
        }
    }

    /// <summary>Rejects a position more than <see cref="MaxCellsFromOrigin"/> cells out along a periodic axis.</summary>
    private void ThrowIfFarOutside()
    {
        if (!Pbc.Any)
        {
            return;
        }
        Span<bool> periodic = [Pbc.A, Pbc.B, Pbc.C];
        for (int i = 0; i < Positions.Length; i++)
        {
            var f = Cell.ToFractional(Positions[i]);
            for (int a = 0; a < 3; a++)
            {
                if (periodic[a] && !(Math.Abs(f[a]) <= MaxCellsFromOrigin))
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"atom {i} ({Elements[i]}) lies {f[a]:G4} cells from the cell along lattice vector {"abc"[a]}, more than {MaxCellsFromOrigin:G} (precision is lost that far out); wrap the positions into the cell"),
                        "positions");
                }
            }
        }
    }

    /// <summary>Records the first pair found (in the deterministic search order).</summary>
    private struct FirstPairFinder : IPairVisitor
    {
        public bool Found;
        public int I, J;
        public ImageShift Shift;
        public double Distance;

        public readonly void BeginAtom(int i)
        {
        }

        public void Visit(int i, int j, ImageShift shift, Vec3 displacement, double distanceSquared)
        {
            if (!Found)
            {
                (Found, I, J, Shift, Distance) = (true, i, j, shift, Math.Sqrt(distanceSquared));
            }
        }

        public readonly void EndAtom(int i)
        {
        }
    }
}
