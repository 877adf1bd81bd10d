using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Potentials;
using Ace.Core.Sites;

namespace Ace.Core.Trust;

/// <summary>
/// The per-atom feature rows the extrapolation grade works on: for a centre of species s, the values of the centre's
/// many-body functions (its <see cref="AceBasis.ColumnRange(int)"/>) followed by the pair functions of the pairs
/// (s, b) for every species b; the site energy is the dot product of this row with the matching coefficients. Pair
/// columns of pairs without the centre are left out: they are zero at every site of species s. Immutable.
/// </summary>
internal sealed class SiteFeatureMap
{
    /// <summary>Structures with at least this many atoms are evaluated in parallel over atoms.</summary>
    private const int ParallelAtomThreshold = LinearAcePotential.ParallelAtomThreshold;

    private readonly int[][] _valueIndex;
    private readonly int[][] _columns;
    private readonly WorkspacePool _workspaces;

    public SiteFeatureMap(AceBasis basis)
    {
        ArgumentNullException.ThrowIfNull(basis);
        Basis = basis;
        Geometry = new BasisGeometry(basis);
        _workspaces = new WorkspacePool(basis);
        int species = basis.Elements.Count;
        _valueIndex = new int[species][];
        _columns = new int[species][];
        int pairDegree = basis.HasPairBasis ? basis.PairFunctionCount / (species * (species + 1) / 2) : 0;
        var pairStart = basis.PairColumnRange.Start;
        for (int s = 0; s < species; s++)
        {
            var range = basis.ColumnRange(s);
            var values = new List<int>();
            var columns = new List<int>();
            for (int f = 0; f < range.Count; f++)
            {
                values.Add(f);
                columns.Add(range.Start + f);
            }
            for (int b = 0; b < species; b++)
            {
                for (int n = 1; n <= pairDegree; n++)
                {
                    int column = basis.PairColumn(s, b, n);
                    values.Add(range.Count + column - pairStart);
                    columns.Add(column);
                }
            }
            _valueIndex[s] = values.ToArray();
            _columns[s] = columns.ToArray();
        }
    }

    public AceBasis Basis { get; }

    public BasisGeometry Geometry { get; }

    /// <summary>The number of features of a centre of species <paramref name="species"/>.</summary>
    public int Count(int species) => _columns[species].Length;

    /// <summary>The potential column of every feature of species <paramref name="species"/>, in feature order.</summary>
    public IReadOnlyList<int> Columns(int species) => _columns[species];

    /// <summary>
    /// The feature rows of every atom of <paramref name="structure"/>, grouped by species; <paramref name="describe"/>
    /// names the structure in the error for an element the basis lacks.
    /// </summary>
    /// <exception cref="ArgumentException">The structure contains an element the basis lacks.</exception>
    public StructureFeatures Evaluate(Structure structure, Func<string> describe, bool parallelOverAtoms = true)
    {
        var sites = Geometry.Neighbourhoods(structure, describe, Structure.DefaultMinimumSeparation);
        int speciesCount = Basis.Elements.Count;
        var atomsBySpecies = new List<int>[speciesCount];
        for (int s = 0; s < speciesCount; s++)
        {
            atomsBySpecies[s] = [];
        }
        for (int i = 0; i < sites.AtomCount; i++)
        {
            atomsBySpecies[sites.AtomSpecies[i]].Add(i);
        }
        var rows = new double[speciesCount][];
        var slot = new int[sites.AtomCount];
        for (int s = 0; s < speciesCount; s++)
        {
            rows[s] = new double[atomsBySpecies[s].Count * Count(s)];
            for (int k = 0; k < atomsBySpecies[s].Count; k++)
            {
                slot[atomsBySpecies[s][k]] = k;
            }
        }
        int n = sites.AtomCount;
        if (parallelOverAtoms && n >= ParallelAtomThreshold)
        {
            int chunks = Math.Min(Environment.ProcessorCount * 4, n);
            Parallel.For(0, chunks, chunk => Fill(sites, (int)((long)n * chunk / chunks), (int)((long)n * (chunk + 1) / chunks), rows, slot));
        }
        else
        {
            Fill(sites, 0, n, rows, slot);
        }
        return new StructureFeatures(sites.AtomCount, rows, atomsBySpecies.Select(a => a.ToArray()).ToArray());
    }

    private void Fill(SiteNeighbourhoods sites, int first, int end, double[][] rows, int[] slot)
    {
        var ws = _workspaces.Rent();
        try
        {
            double[] values = [];
            for (int i = first; i < end; i++)
            {
                int s = sites.AtomSpecies[i];
                int count = Basis.SiteFunctionCount(s);
                if (values.Length < count)
                {
                    values = new double[count];
                }
                Basis.EvaluateSite(s, sites.Displacements(i), sites.NeighbourSpecies(i), values.AsSpan(0, count), ws);
                var index = _valueIndex[s];
                var row = rows[s].AsSpan(slot[i] * index.Length, index.Length);
                for (int f = 0; f < index.Length; f++)
                {
                    row[f] = values[index[f]];
                }
            }
        }
        finally
        {
            _workspaces.Return(ws);
        }
    }
}
