using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ace.Core.Basis.Evaluation;

/// <summary>
/// The AA product basis as a DAG of pairwise products: nodes 0 .. LeafCount-1 are the A functions; every later node p
/// is the product of two earlier nodes Left[p - LeafCount] and Right[p - LeafCount]. Any such DAG works with the
/// evaluators (the builder makes left-deep chains; purification may add nodes of any shape). The energy sweeps
/// (<see cref="ProductSegments"/>) compute only the products that feed other products.
/// </summary>
internal sealed class ProductGraph
{
    private readonly ProductSegments _segments;

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
        _segments = new ProductSegments(leafCount, left, right);
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
        _segments.Forward(aa, feedingOnly: false);
    }

    /// <summary>
    /// E = sum_p cTilde[p] AA_p from the leaves aa[0 .. LeafCount-1]. Only the products that feed other products are
    /// stored in <paramref name="aa"/>; the others are summed run by run as AA_left sum_c cTilde_c AA_right(c).
    /// </summary>
    public double Energy(ReadOnlySpan<double> cTilde, Span<double> aa)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(aa.Length, NodeCount, nameof(aa));
        ArgumentOutOfRangeException.ThrowIfLessThan(cTilde.Length, NodeCount, nameof(cTilde));
        _segments.Forward(aa, feedingOnly: true);
        return _segments.Energy(cTilde, aa);
    }

    /// <summary>
    /// <see cref="Energy"/> together with the backward sweep: adjoint[k] = dE/dA_k at the leaves k &lt; LeafCount
    /// (the rest of <paramref name="adjoint"/> is scratch: the total derivatives of the nodes that feed products).
    /// </summary>
    public double EnergyAndLeafAdjoint(ReadOnlySpan<double> cTilde, Span<double> aa, Span<double> adjoint)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(aa.Length, NodeCount, nameof(aa));
        ArgumentOutOfRangeException.ThrowIfLessThan(cTilde.Length, NodeCount, nameof(cTilde));
        ArgumentOutOfRangeException.ThrowIfLessThan(adjoint.Length, NodeCount, nameof(adjoint));
        _segments.Forward(aa, feedingOnly: true);
        return _segments.EnergyAndAdjoint(cTilde, aa, adjoint);
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
    /// The backward sweep with its tangent: given adjoint[p] = dE/dAA_p as an explicit function of every node,
    /// accumulates the total derivative into every node down to the leaves (products in decreasing order, so a node's
    /// adjoint is final before it is passed on to its factors); adjointTangent (zero on entry, or explicit terms) receives the
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
