using Ace.Core.Primitives;

namespace Ace.Core.Atoms;

/// <summary>
/// A neighbour list for a sequence of geometries of one structure (a Verlet list, as molecular dynamics needs):
/// the cell-list search runs with every cutoff enlarged by <see cref="Skin"/>, and later geometries only re-measure
/// those candidate pairs, until some atom has moved more than half the skin since the search (then no pair outside
/// the enlarged cutoffs can have come within the cutoffs, so the candidates are complete) or the atoms, cell or
/// periodicity change. <see cref="Update"/> returns exactly the list <see cref="NeighbourList.Build(Structure, PairCutoffs)"/>
/// would build, entries and order alike. Positions must not be wrapped into the cell between updates (wrapping
/// moves an atom by a lattice vector and forces a new search). Not thread-safe: one instance per trajectory.
/// </summary>
public sealed class SkinNeighbourList
{
    private readonly PairCutoffs _searchCutoffs;
    private NeighbourList? _candidates;
    private Structure? _searched;
    private int[] _atomSpecies = [];
    private double[] _cutoffSquared = [];
    private int _speciesCount;
    private double _maxCutoff;

    /// <summary>A list for <paramref name="cutoffs"/> that searches with every cutoff plus <paramref name="skin"/>.</summary>
    /// <param name="cutoffs">The interaction cutoffs per pair of elements (Angstrom).</param>
    /// <param name="skin">The extra search distance in Angstrom (non-negative; 0 searches at every update).</param>
    /// <exception cref="ArgumentOutOfRangeException">The skin is negative or not finite.</exception>
    public SkinNeighbourList(PairCutoffs cutoffs, double skin)
    {
        ArgumentNullException.ThrowIfNull(cutoffs);
        Cutoffs = cutoffs;
        _searchCutoffs = cutoffs.WithSkin(skin);
        Skin = skin;
    }

    /// <summary>The interaction cutoffs the returned lists hold.</summary>
    public PairCutoffs Cutoffs { get; }

    /// <summary>The extra search distance in Angstrom.</summary>
    public double Skin { get; }

    /// <summary>How many cell-list searches have run (the first update always searches).</summary>
    public int SearchCount { get; private set; }

    /// <summary>The neighbour list of <paramref name="structure"/> at the interaction cutoffs.</summary>
    /// <exception cref="ArgumentException">A pair of elements present in the structure has no cutoff.</exception>
    public NeighbourList Update(Structure structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        if (NeedsSearch(structure))
        {
            _atomSpecies = NeighbourList.SpeciesOfAtoms(structure);
            _speciesCount = structure.Species.Length;
            _cutoffSquared = Cutoffs.SquaredBySpecies(structure.Species, out _maxCutoff);
            _candidates = NeighbourList.Build(structure, _searchCutoffs);
            _searched = structure;
            SearchCount++;
        }
        return Measure(structure, _candidates!);
    }

    private bool NeedsSearch(Structure structure)
    {
        if (_searched is null || _candidates is null || Skin == 0 ||
            structure.AtomCount != _searched.AtomCount || structure.Cell != _searched.Cell || structure.Pbc != _searched.Pbc)
        {
            return true;
        }
        if (structure.Elements != _searched.Elements && !structure.Elements.AsSpan().SequenceEqual(_searched.Elements.AsSpan()))
        {
            return true;
        }
        double limitSquared = 0.25 * Skin * Skin;
        var now = structure.Positions.AsSpan();
        var then = _searched.Positions.AsSpan();
        for (int i = 0; i < now.Length; i++)
        {
            if ((now[i] - then[i]).NormSquared > limitSquared)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The candidates within the interaction cutoffs at the structure's positions, in the candidates' order.</summary>
    private NeighbourList Measure(Structure structure, NeighbourList candidates)
    {
        int n = structure.AtomCount;
        var positions = structure.Positions.AsSpan();
        // The same frame and arithmetic as the cell-list search, so that displacements agree bit for bit.
        var frame = structure.Pbc.Any ? structure.Cell : Cell.Cubic(1.0);
        var a = frame.A;
        var b = frame.B;
        var c = frame.C;
        var offsets = new int[n + 1];
        var neighbours = new int[candidates.PairCount];
        var shifts = new ImageShift[candidates.PairCount];
        var displacements = new Vec3[candidates.PairCount];
        var distances = new double[candidates.PairCount];
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            var ri = positions[i];
            var js = candidates.Neighbours(i);
            var ss = candidates.Shifts(i);
            int row = _atomSpecies[i] * _speciesCount;
            for (int k = 0; k < js.Length; k++)
            {
                int j = js[k];
                var shift = ss[k];
                var d = positions[j] - ri + (shift.A * a + shift.B * b + shift.C * c);
                double r2 = d.NormSquared;
                if (r2 < _cutoffSquared[row + _atomSpecies[j]])
                {
                    neighbours[count] = j;
                    shifts[count] = shift;
                    displacements[count] = d;
                    distances[count] = Math.Sqrt(r2);
                    count++;
                }
            }
            offsets[i + 1] = count;
        }
        return NeighbourList.FromArrays(_maxCutoff, offsets, neighbours, shifts, displacements, distances);
    }
}
