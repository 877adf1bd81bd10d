using Ace.Core.Primitives.Radial;

namespace Ace.Core.Basis.Evaluation;

/// <summary>
/// The many-body basis of one center element: the A layout, the AA product DAG over it and the sparse linear map
/// B = Map * AA (rows: this center's functions, columns: DAG nodes). Purification reuses this machinery with a
/// different map and a larger DAG.
/// </summary>
internal sealed class CenterBasis
{
    private GradientPlan? _gradientPlan;

    public CenterBasis(int species, int columnStart, OneParticleLayout layout, ProductGraph graph, SparseRowMatrix map,
        IRadialBasis?[] radialBySpecies)
    {
        if (map.ColumnCount != graph.NodeCount)
        {
            throw new ArgumentException($"the sparse map has {map.ColumnCount} columns but the product graph has {graph.NodeCount} nodes");
        }
        if (graph.LeafCount != layout.Count)
        {
            throw new ArgumentException($"the product graph has {graph.LeafCount} leaves but the A layout has {layout.Count} functions");
        }
        for (int z = 0; z < layout.SpeciesCount; z++)
        {
            int needed = layout.RadialCountBySpecies[z];
            if (needed > 0 && (radialBySpecies[z] is null || radialBySpecies[z]!.Count < needed))
            {
                throw new ArgumentException($"neighbour species {z} needs {needed} radial functions");
            }
        }
        Species = species;
        ColumnStart = columnStart;
        Layout = layout;
        Graph = graph;
        Map = map;
        RadialBySpecies = radialBySpecies;
    }

    public int Species { get; }

    /// <summary>The first column of this center's functions in the full basis.</summary>
    public int ColumnStart { get; }

    public int FunctionCount => Map.RowCount;

    public OneParticleLayout Layout { get; }

    public ProductGraph Graph { get; }

    public SparseRowMatrix Map { get; }

    /// <summary>The radial basis of the pair (this center, neighbour species z); null when no function uses species z.</summary>
    public IRadialBasis?[] RadialBySpecies { get; }

    public int HarmonicsCount => (Layout.MaxL + 1) * (Layout.MaxL + 1);

    /// <summary>The sparse Jacobian structure for gradients, built on first use (thread-safe).</summary>
    public GradientPlan GradientPlan => Volatile.Read(ref _gradientPlan) ?? CreateGradientPlan();

    private GradientPlan CreateGradientPlan()
    {
        Interlocked.CompareExchange(ref _gradientPlan, new GradientPlan(this), null);
        return _gradientPlan;
    }
}
