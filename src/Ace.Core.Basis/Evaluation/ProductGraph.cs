using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ace.Core.Basis.Evaluation;

/// <summary>
/// The AA product basis as a DAG of pairwise products: nodes 0 .. LeafCount-1 are the A functions; every later node p
/// is the product of two earlier nodes Left[p - LeafCount] and Right[p - LeafCount]. Any such DAG works with the
/// evaluators (the builder makes left-deep chains; purification may add nodes of any shape).
/// </summary>
internal sealed class ProductGraph
{
    public ProductGraph(int leafCount, int[] left, int[] right, int[] order)
    {
        if (left.Length != right.Length || order.Length != leafCount + left.Length)
        {
            throw new ArgumentException("product graph arrays disagree in length");
        }
        for (int i = 0; i < left.Length; i++)
        {
            int p = leafCount + i;
            if ((uint)left[i] >= (uint)p || (uint)right[i] >= (uint)p)
            {
                throw new ArgumentException($"product node {p} refers to a later node ({left[i]}, {right[i]})");
            }
        }
        LeafCount = leafCount;
        Left = left;
        Right = right;
        Order = order;
    }

    public int LeafCount { get; }

    public int NodeCount => LeafCount + Left.Length;

    public int[] Left { get; }

    public int[] Right { get; }

    /// <summary>The number of A factors of each node (1 for leaves).</summary>
    public int[] Order { get; }

    /// <summary>Fills aa[LeafCount ..] from the leaves aa[0 .. LeafCount-1].</summary>
    public void Forward(Span<double> aa)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(aa.Length, NodeCount, nameof(aa));
        int k = LeafCount;
        int products = Left.Length;
        ref double values = ref MemoryMarshal.GetReference(aa);
        ref int left = ref MemoryMarshal.GetArrayDataReference(Left);
        ref int right = ref MemoryMarshal.GetArrayDataReference(Right);
        for (int i = 0; i < products; i++)
        {
            Unsafe.Add(ref values, k + i) = Unsafe.Add(ref values, Unsafe.Add(ref left, i)) * Unsafe.Add(ref values, Unsafe.Add(ref right, i));
        }
    }

    /// <summary>
    /// Backward sweep: given adjoint[p] = dE/dAA_p as an explicit function of every node, accumulates the total
    /// derivative into every node down to the leaves (products in decreasing order, so a node's adjoint is final
    /// before it is passed on to its factors).
    /// </summary>
    public void Backward(ReadOnlySpan<double> aa, Span<double> adjoint)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(aa.Length, NodeCount, nameof(aa));
        ArgumentOutOfRangeException.ThrowIfLessThan(adjoint.Length, NodeCount, nameof(adjoint));
        int k = LeafCount;
        ref double values = ref MemoryMarshal.GetReference(aa);
        ref double g = ref MemoryMarshal.GetReference(adjoint);
        ref int left = ref MemoryMarshal.GetArrayDataReference(Left);
        ref int right = ref MemoryMarshal.GetArrayDataReference(Right);
        for (int i = Left.Length - 1; i >= 0; i--)
        {
            double gp = Unsafe.Add(ref g, k + i);
            int l = Unsafe.Add(ref left, i), r = Unsafe.Add(ref right, i);
            Unsafe.Add(ref g, l) += gp * Unsafe.Add(ref values, r);
            Unsafe.Add(ref g, r) += gp * Unsafe.Add(ref values, l);
        }
    }
    /// <summary>Forward tangents: given leaf tangents tangent[0 .. LeafCount-1], fills the products' (aa from <see cref="Forward"/>).</summary>
    public void ForwardTangent(ReadOnlySpan<double> aa, Span<double> tangent)
    {
        int k = LeafCount;
        for (int i = 0; i < Left.Length; i++)
        {
            int l = Left[i], r = Right[i];
            tangent[k + i] = tangent[l] * aa[r] + aa[l] * tangent[r];
        }
    }

    /// <summary>
    /// <see cref="Backward"/> together with its tangent: adjointTangent (zero on entry, or explicit terms) receives the
    /// derivative of the adjoint along the node tangents of <see cref="ForwardTangent"/>, i.e. at the leaves the
    /// Hessian of the energy in A times the leaf tangents.
    /// </summary>
    public void BackwardWithTangent(ReadOnlySpan<double> aa, ReadOnlySpan<double> tangent, Span<double> adjoint, Span<double> adjointTangent)
    {
        int k = LeafCount;
        for (int i = Left.Length - 1; i >= 0; i--)
        {
            double gp = adjoint[k + i], tp = adjointTangent[k + i];
            int l = Left[i], r = Right[i];
            adjoint[l] += gp * aa[r];
            adjoint[r] += gp * aa[l];
            adjointTangent[l] += tp * aa[r] + gp * tangent[r];
            adjointTangent[r] += tp * aa[l] + gp * tangent[l];
        }
    }
}

/// <summary>Builds a <see cref="ProductGraph"/> from sorted multisets of A indices, sharing common prefixes.</summary>
internal sealed class ProductGraphBuilder
{
    private readonly Dictionary<(int Left, int Right), int> _nodes = new();
    private readonly List<int> _left = new();
    private readonly List<int> _right = new();
    private readonly List<int> _order = new();

    public ProductGraphBuilder(int leafCount)
    {
        LeafCount = leafCount;
        for (int k = 0; k < leafCount; k++)
        {
            _order.Add(1);
        }
    }

    public int LeafCount { get; }

    /// <summary>The node of the product of the sorted A indices <paramref name="factors"/> (a leaf for one factor).</summary>
    public int GetOrAdd(ReadOnlySpan<int> factors)
    {
        int node = factors[0];
        for (int t = 1; t < factors.Length; t++)
        {
            node = GetOrAddProduct(node, factors[t]);
        }
        return node;
    }

    /// <summary>The node left * right, created when new.</summary>
    public int GetOrAddProduct(int left, int right)
    {
        if (_nodes.TryGetValue((left, right), out int id))
        {
            return id;
        }
        id = LeafCount + _left.Count;
        _left.Add(left);
        _right.Add(right);
        _order.Add(_order[left] + _order[right]);
        _nodes[(left, right)] = id;
        return id;
    }

    public ProductGraph Build() => new(LeafCount, _left.ToArray(), _right.ToArray(), _order.ToArray());
}
