using System.Globalization;
using Ace.Core.Primitives;

namespace Ace.Core.Atoms;

/// <summary>
/// All neighbours of every atom within a cutoff, including periodic images and the atom's own images, in
/// compressed sparse row storage. For atom i the entries are ordered by neighbour index j, then by image shift,
/// so the list is deterministic. Built in O(N) with cell lists; works for triclinic cells, cells thinner than the
/// cutoff and mixed periodic/open axes. Immutable and thread-safe.
/// </summary>
public sealed class NeighbourList
{
    private readonly int[] _offsets;
    private readonly int[] _neighbours;
    private readonly ImageShift[] _shifts;
    private readonly Vec3[] _displacements;
    private readonly double[] _distances;

    private NeighbourList(double cutoff, int[] offsets, int[] neighbours, ImageShift[] shifts,
        Vec3[] displacements, double[] distances)
    {
        Cutoff = cutoff;
        _offsets = offsets;
        _neighbours = neighbours;
        _shifts = shifts;
        _displacements = displacements;
        _distances = distances;
    }

    /// <summary>The (largest) cutoff radius the list was built with, in Angstrom.</summary>
    public double Cutoff { get; }

    /// <summary>The number of atoms.</summary>
    public int AtomCount => _offsets.Length - 1;

    /// <summary>The total number of (i, j, shift) entries; each unordered pair appears twice, once from each side.</summary>
    public int PairCount => _offsets[^1];

    /// <summary>The CSR row offsets: the entries of atom i are [Offsets[i], Offsets[i + 1]) of the flat arrays.</summary>
    public ReadOnlySpan<int> Offsets => _offsets;

    /// <summary>The neighbour indices of all atoms, concatenated (see <see cref="Offsets"/>).</summary>
    public ReadOnlySpan<int> AllNeighbours => _neighbours.AsSpan(0, PairCount);

    /// <summary>The displacements of all entries, concatenated (see <see cref="Offsets"/>).</summary>
    public ReadOnlySpan<Vec3> AllDisplacements => _displacements.AsSpan(0, PairCount);

    /// <summary>The distances of all entries, concatenated (see <see cref="Offsets"/>).</summary>
    public ReadOnlySpan<double> AllDistances => _distances.AsSpan(0, PairCount);

    /// <summary>The number of neighbours of atom <paramref name="i"/>.</summary>
    public int NeighbourCount(int i) => _offsets[i + 1] - _offsets[i];

    /// <summary>The neighbour indices j of atom <paramref name="i"/>.</summary>
    public ReadOnlySpan<int> Neighbours(int i) => _neighbours.AsSpan(_offsets[i], NeighbourCount(i));

    /// <summary>The image shifts of the neighbours of atom <paramref name="i"/>.</summary>
    public ReadOnlySpan<ImageShift> Shifts(int i) => _shifts.AsSpan(_offsets[i], NeighbourCount(i));

    /// <summary>The displacements r_j + shift . cell - r_i of the neighbours of atom <paramref name="i"/>.</summary>
    public ReadOnlySpan<Vec3> Displacements(int i) => _displacements.AsSpan(_offsets[i], NeighbourCount(i));

    /// <summary>The distances |r_j + shift . cell - r_i| of the neighbours of atom <paramref name="i"/>.</summary>
    public ReadOnlySpan<double> Distances(int i) => _distances.AsSpan(_offsets[i], NeighbourCount(i));

    /// <summary>Builds the list of all pairs closer than <paramref name="cutoff"/> (Angstrom).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The cutoff is not positive and finite.</exception>
    public static NeighbourList Build(Structure structure, double cutoff)
    {
        ArgumentNullException.ThrowIfNull(structure);
        if (!double.IsFinite(cutoff) || cutoff <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(cutoff), cutoff, "the cutoff must be positive and finite");
        }
        var collector = new Collector(structure.AtomCount, EstimatePairs(structure, cutoff), null, null, 0);
        CellListSearch.Search(structure.Positions.AsSpan(), structure.Cell, structure.Pbc, cutoff, ref collector);
        return collector.ToList(cutoff);
    }

    /// <summary>
    /// Builds the list with a cutoff per pair of elements: j is a neighbour of i when r_ij &lt; cutoffs[Z_i, Z_j].
    /// </summary>
    /// <exception cref="ArgumentException">A pair of elements present in the structure has no cutoff, or all cutoffs are zero.</exception>
    public static NeighbourList Build(Structure structure, PairCutoffs cutoffs)
    {
        ArgumentNullException.ThrowIfNull(structure);
        ArgumentNullException.ThrowIfNull(cutoffs);
        var species = structure.Species;
        var atomSpecies = SpeciesOfAtoms(structure);
        var squared = cutoffs.SquaredBySpecies(species, out double max);
        if (structure.AtomCount > 0 && max <= 0)
        {
            throw new ArgumentException(
                $"all cutoffs for the structure's species are zero (max {max.ToString(CultureInfo.InvariantCulture)})", nameof(cutoffs));
        }
        var collector = new Collector(structure.AtomCount, EstimatePairs(structure, max), atomSpecies, squared, species.Length);
        if (structure.AtomCount > 0)
        {
            CellListSearch.Search(structure.Positions.AsSpan(), structure.Cell, structure.Pbc, max, ref collector);
        }
        return collector.ToList(max);
    }

    /// <summary>The index of every atom's element in <see cref="Structure.Species"/>.</summary>
    internal static int[] SpeciesOfAtoms(Structure structure)
    {
        var species = structure.Species;
        var speciesIndex = new int[Element.MaxAtomicNumber + 1];
        for (int s = 0; s < species.Length; s++)
        {
            speciesIndex[species[s].AtomicNumber] = s;
        }
        var atomSpecies = new int[structure.AtomCount];
        for (int i = 0; i < atomSpecies.Length; i++)
        {
            atomSpecies[i] = speciesIndex[structure.Elements[i].AtomicNumber];
        }
        return atomSpecies;
    }

    /// <summary>A list from CSR arrays already in the list's order (used by <see cref="SkinNeighbourList"/>).</summary>
    internal static NeighbourList FromArrays(double cutoff, int[] offsets, int[] neighbours, ImageShift[] shifts,
        Vec3[] displacements, double[] distances) =>
        new(cutoff, offsets, neighbours, shifts, displacements, distances);

    /// <summary>
    /// The expected number of entries: the atom density times the cutoff sphere for bulk structures (plus 10%),
    /// eight per atom otherwise; the arrays grow when needed.
    /// </summary>
    private static long EstimatePairs(Structure structure, double cutoff)
    {
        long n = structure.AtomCount;
        if (structure.Pbc != Pbc.All)
        {
            return 8 * n;
        }
        double perAtom = n / structure.Cell.Volume * (4.0 / 3.0) * Math.PI * cutoff * cutoff * cutoff;
        return (long)Math.Min(n * (1.1 * perAtom + 4), Array.MaxLength / 2);
    }

    /// <summary>Gathers the pairs of one atom, sorts them by (j, shift) and appends them to the CSR arrays.</summary>
    private struct Collector : IPairVisitor
    {
        private readonly int[]? _atomSpecies;
        private readonly double[]? _pairCutoffSquared;
        private readonly int _speciesCount;
        private readonly int[] _offsets;
        private int[] _neighbours;
        private ImageShift[] _shifts;
        private Vec3[] _displacements;
        private double[] _distances;
        private Entry[] _scratch;
        private long[] _keys;
        private int[] _order;
        private bool _packable;
        private int _scratchCount;
        private int _count;

        public Collector(int atomCount, long estimatedPairs, int[]? atomSpecies, double[]? pairCutoffSquared, int speciesCount)
        {
            _atomSpecies = atomSpecies;
            _pairCutoffSquared = pairCutoffSquared;
            _speciesCount = speciesCount;
            _offsets = new int[atomCount + 1];
            int capacity = (int)Math.Clamp(estimatedPairs, 16, Array.MaxLength / 2);
            _neighbours = new int[capacity];
            _shifts = new ImageShift[capacity];
            _displacements = new Vec3[capacity];
            _distances = new double[capacity];
            _scratch = new Entry[64];
            _keys = new long[64];
            _order = new int[64];
            _packable = true;
            _scratchCount = 0;
            _count = 0;
        }

        public void BeginAtom(int i)
        {
            _scratchCount = 0;
            _packable = true;
        }

        public void Visit(int i, int j, ImageShift shift, Vec3 displacement, double distanceSquared)
        {
            if (_pairCutoffSquared is not null &&
                distanceSquared >= _pairCutoffSquared[_atomSpecies![i] * _speciesCount + _atomSpecies[j]])
            {
                return;
            }
            if (_scratchCount == _scratch.Length)
            {
                Array.Resize(ref _scratch, _scratch.Length * 2);
                Array.Resize(ref _keys, _scratch.Length);
                Array.Resize(ref _order, _scratch.Length);
            }
            _packable &= Math.Abs(shift.A) < ShiftBias && Math.Abs(shift.B) < ShiftBias && Math.Abs(shift.C) < ShiftBias;
            _keys[_scratchCount] = SortKey(j, shift);
            _order[_scratchCount] = _scratchCount;
            _scratch[_scratchCount++] = new Entry(j, shift, displacement, Math.Sqrt(distanceSquared));
        }

        public void EndAtom(int i)
        {
            var entries = _scratch.AsSpan(0, _scratchCount);
            var order = _order.AsSpan(0, _scratchCount);
            if (_packable)
            {
                // Sorting packed primitive keys with an index permutation is much faster than sorting the entries.
                _keys.AsSpan(0, _scratchCount).Sort(order);
            }
            else
            {
                entries.Sort(default(EntryOrder));
            }
            EnsureCapacity(_count + entries.Length);
            foreach (int k in order)
            {
                ref readonly var e = ref entries[k];
                _neighbours[_count] = e.J;
                _shifts[_count] = e.Shift;
                _displacements[_count] = e.Displacement;
                _distances[_count] = e.Distance;
                _count++;
            }
            _offsets[i + 1] = _count;
        }

        public readonly NeighbourList ToList(double cutoff) =>
            new(cutoff, _offsets, _neighbours, _shifts, _displacements, _distances);

        private void EnsureCapacity(int needed)
        {
            if (needed <= _neighbours.Length)
            {
                return;
            }
            int capacity = Math.Max(needed, _neighbours.Length * 2);
            Array.Resize(ref _neighbours, capacity);
            Array.Resize(ref _shifts, capacity);
            Array.Resize(ref _displacements, capacity);
            Array.Resize(ref _distances, capacity);
        }
    }

    private const int ShiftBias = 512;

    /// <summary>(j, shift) packed so that integer order is lexicographic order; valid for |shift components| &lt; 512.</summary>
    private static long SortKey(int j, ImageShift s) =>
        ((long)j << 30) | ((long)(s.A + ShiftBias) << 20) | ((long)(s.B + ShiftBias) << 10) | (long)(s.C + ShiftBias);

    private readonly record struct Entry(int J, ImageShift Shift, Vec3 Displacement, double Distance);

    private readonly struct EntryOrder : IComparer<Entry>
    {
        public int Compare(Entry x, Entry y)
        {
            int c = x.J.CompareTo(y.J);
            if (c != 0)
            {
                return c;
            }
            c = x.Shift.A.CompareTo(y.Shift.A);
            if (c != 0)
            {
                return c;
            }
            c = x.Shift.B.CompareTo(y.Shift.B);
            return c != 0 ? c : x.Shift.C.CompareTo(y.Shift.C);
        }
    }
}
