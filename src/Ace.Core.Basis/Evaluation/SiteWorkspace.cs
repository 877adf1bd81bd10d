using Ace.Core.Primitives;

namespace Ace.Core.Basis;

/// <summary>
/// Scratch memory for evaluating sites of one <see cref="AceBasis"/>. Create one per thread with
/// <see cref="AceBasis.CreateWorkspace"/>; it grows when a site has more neighbours than it holds and never allocates
/// otherwise. Not thread-safe: never share one workspace between concurrent evaluations.
/// </summary>
public sealed class SiteWorkspace
{
    private readonly int _harmonicsCount;
    private Vec3[] _gradientRows = [];

    internal SiteWorkspace(AceBasis owner, int speciesCount, int harmonicsCount, int radialCount, int pairRadialCount, int nodeCount,
        int neighbourCapacity)
    {
        Owner = owner;
        _harmonicsCount = harmonicsCount;
        RadialStride = Math.Max(radialCount, 1);
        PairRadialStride = pairRadialCount;
        GroupStart = new int[speciesCount + 1];
        GroupFill = new int[speciesCount];
        Nodes = new double[nodeCount];
        Adjoint = new double[nodeCount];
        Allocate(Math.Max(neighbourCapacity, 1));
    }

    /// <summary>The basis this workspace belongs to.</summary>
    internal AceBasis Owner { get; }

    /// <summary>The number of neighbours the workspace holds without growing.</summary>
    public int NeighbourCapacity { get; private set; }

    /// <summary>The neighbour count of the site currently loaded.</summary>
    internal int Count { get; set; }

    /// <summary>Permutation[p] = the caller's index of the neighbour in sorted position p (neighbours sorted by species).</summary>
    internal int[] Permutation { get; private set; } = [];

    /// <summary>Neighbours of species z occupy sorted positions GroupStart[z] .. GroupStart[z+1]-1.</summary>
    internal int[] GroupStart { get; }

    internal int[] GroupFill { get; }

    internal double[] X { get; private set; } = [];

    internal double[] Y { get; private set; } = [];

    internal double[] Z { get; private set; } = [];

    internal double[] R { get; private set; } = [];

    internal double[] UnitX { get; private set; } = [];

    internal double[] UnitY { get; private set; } = [];

    internal double[] UnitZ { get; private set; } = [];

    /// <summary>Real spherical harmonics, component-major: Harmonics[Index(l,m) * Count + p].</summary>
    internal double[] Harmonics { get; private set; } = [];

    internal double[] HarmonicsGradX { get; private set; } = [];

    internal double[] HarmonicsGradY { get; private set; } = [];

    internal double[] HarmonicsGradZ { get; private set; } = [];

    /// <summary>Many-body radial values of species group z at offset RadialOffset(z), layout [n * groupCount + p].</summary>
    internal double[] Radial { get; private set; } = [];

    internal double[] RadialDerivative { get; private set; } = [];

    /// <summary>Pair-basis radial values of species group z at offset PairRadialOffset(z), layout [n * groupCount + p] (empty without a pair basis).</summary>
    internal double[] PairRadial { get; private set; } = [];

    internal double[] PairRadialDerivative { get; private set; } = [];

    /// <summary>Doubles per neighbour in <see cref="Radial"/>: the largest many-body radial count (at least 1).</summary>
    internal int RadialStride { get; }

    /// <summary>Doubles per neighbour in <see cref="PairRadial"/>: the pair basis's degree (0 without a pair basis).</summary>
    internal int PairRadialStride { get; }

    /// <summary>AA node values (the A functions first).</summary>
    internal double[] Nodes { get; }

    /// <summary>Adjoints dE/dAA of the nodes.</summary>
    internal double[] Adjoint { get; }

    /// <summary>Per-neighbour accumulators of dE/dr in sorted order.</summary>
    internal double[] ForceX { get; private set; } = [];

    internal double[] ForceY { get; private set; } = [];

    internal double[] ForceZ { get; private set; } = [];

    /// <summary>Per-site sparse Jacobian dB/dA values of the gradient plan (grown on demand).</summary>
    internal double[] Jacobian { get; private set; } = [];

    /// <summary>Blocks of leaf gradients, per species and block of neighbours: [(k - first leaf of the species) * BlockStride + 3 * q + axis] (grown on demand).</summary>
    internal double[] LeafGradients { get; private set; } = [];

    /// <summary>Interleaved per-(l, m) and per-n rows of one block of neighbours (grown on demand).</summary>
    internal double[] BlockScratch { get; private set; } = [];

    /// <summary>Per-neighbour directions v_p of a parameter gradient (sorted order; grown with the neighbour capacity).</summary>
    internal double[] DirectionX { get; private set; } = [];

    internal double[] DirectionY { get; private set; } = [];

    internal double[] DirectionZ { get; private set; } = [];

    /// <summary>Node tangents d AA / dt along the directions, and tangents of the node adjoints (parameter gradients; grown on demand).</summary>
    internal double[] Tangent { get; private set; } = [];

    internal double[] AdjointTangent { get; private set; } = [];

    /// <summary>Primitive radial values and derivatives g_k, g'_k of one species group, and the projections P, dP/dt (parameter gradients; grown on demand).</summary>
    internal double[] PrimitiveScratch { get; private set; } = [];

    /// <summary>One site's many-body function values (parameter gradients; grown on demand).</summary>
    internal double[] FunctionScratch { get; private set; } = [];

    /// <summary>Makes the parameter-gradient scratch arrays at least the given sizes (allocates only when they grow).</summary>
    internal void EnsureParameterScratch(int nodes, int primitive, int functions)
    {
        if (FunctionScratch.Length < functions)
        {
            FunctionScratch = new double[functions];
        }
        if (Tangent.Length < nodes)
        {
            Tangent = new double[nodes];
            AdjointTangent = new double[nodes];
        }
        if (PrimitiveScratch.Length < primitive)
        {
            PrimitiveScratch = new double[primitive];
        }
    }

    /// <summary>A buffer of at least <paramref name="length"/> gradients, for rows handed to a gradient sink (grown on
    /// demand; its contents are the caller's).</summary>
    internal Span<Vec3> GradientRows(int length)
    {
        if (_gradientRows.Length < length)
        {
            _gradientRows = new Vec3[Math.Max(length, 2 * _gradientRows.Length)];
        }
        return _gradientRows.AsSpan(0, length);
    }

    /// <summary>Makes the gradient-plan scratch arrays at least the given sizes (allocates only when they grow).</summary>
    internal void EnsureGradientScratch(int jacobian, int leafGradients, int blockScratch)
    {
        if (BlockScratch.Length < blockScratch)
        {
            BlockScratch = new double[blockScratch];
        }
        if (Jacobian.Length < jacobian)
        {
            Jacobian = new double[jacobian];
        }
        if (LeafGradients.Length < leafGradients)
        {
            LeafGradients = new double[leafGradients];
        }
    }

    /// <summary>The offset of species group z in <see cref="Radial"/>.</summary>
    internal int RadialOffset(int z) => RadialStride * GroupStart[z];

    /// <summary>The offset of species group z in <see cref="PairRadial"/>.</summary>
    internal int PairRadialOffset(int z) => PairRadialStride * GroupStart[z];

    /// <summary>Grows (once) so that <paramref name="neighbourCount"/> neighbours fit.</summary>
    internal void EnsureCapacity(int neighbourCount)
    {
        if (neighbourCount > NeighbourCapacity)
        {
            Allocate(Math.Max(neighbourCount, 2 * NeighbourCapacity));
        }
    }

    private void Allocate(int capacity)
    {
        NeighbourCapacity = capacity;
        Permutation = new int[capacity];
        X = new double[capacity];
        Y = new double[capacity];
        Z = new double[capacity];
        R = new double[capacity];
        UnitX = new double[capacity];
        UnitY = new double[capacity];
        UnitZ = new double[capacity];
        Harmonics = new double[_harmonicsCount * capacity];
        HarmonicsGradX = new double[_harmonicsCount * capacity];
        HarmonicsGradY = new double[_harmonicsCount * capacity];
        HarmonicsGradZ = new double[_harmonicsCount * capacity];
        Radial = new double[RadialStride * capacity];
        RadialDerivative = new double[RadialStride * capacity];
        PairRadial = new double[PairRadialStride * capacity];
        PairRadialDerivative = new double[PairRadialStride * capacity];
        ForceX = new double[capacity];
        ForceY = new double[capacity];
        ForceZ = new double[capacity];
        DirectionX = new double[capacity];
        DirectionY = new double[capacity];
        DirectionZ = new double[capacity];
    }
}
