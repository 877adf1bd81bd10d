using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ace.Core.Basis.Evaluation;

/// <summary>
/// The product nodes of a <see cref="ProductGraph"/> cut into segments of consecutive products that all feed other
/// products, or none of which does. Only the feeding products' values are needed by the energy sweeps: the others
/// enter the energy as cTilde_p AA_left AA_right and the backward sweep with their explicit adjoint cTilde_p. Every
/// loop runs over the nodes in index order (forward) or its reverse (backward), which is correct for any DAG whose
/// factors precede their products; <see cref="ProductGraphBuilder.Build"/> orders the nodes so that the feeding
/// products form few segments.
/// </summary>
internal sealed class ProductSegments
{
    private readonly int _leafCount;
    /// <summary>The factors of product node p at index p (entries below the leaf count unused).</summary>
    private readonly int[] _left;

    /// <summary>The second factors, indexed as <see cref="_left"/>.</summary>
    private readonly int[] _right;
    private readonly int[] _start;
    private readonly bool[] _feeds;

    public ProductSegments(int leafCount, int[] left, int[] right)
    {
        int products = left.Length;
        var feeds = new bool[leafCount + products];
        for (int i = 0; i < products; i++)
        {
            feeds[left[i]] = true;
            feeds[right[i]] = true;
        }
        var start = new List<int>();
        var segmentFeeds = new List<bool>();
        for (int p = leafCount; p < leafCount + products; p++)
        {
            if (p == leafCount || feeds[p] != segmentFeeds[^1])
            {
                start.Add(p);
                segmentFeeds.Add(feeds[p]);
            }
        }
        start.Add(leafCount + products);
        _leafCount = leafCount;
        // Indexed by node (the leaves' entries unused), so every ref into them stays inside the array: a ref moved before
        // an array's first element is not tracked by the GC and dangles once the array is moved.
        _left = new int[leafCount + products];
        _right = new int[leafCount + products];
        left.CopyTo(_left, leafCount);
        right.CopyTo(_right, leafCount);
        _start = start.ToArray();
        _feeds = segmentFeeds.ToArray();
    }

    /// <summary>aa[p] = aa[Left] aa[Right] for every product, or only for those that feed other products.</summary>
    public void Forward(Span<double> aa, bool feedingOnly)
    {
        ref double values = ref MemoryMarshal.GetReference(aa);
        ref int left = ref MemoryMarshal.GetArrayDataReference(_left);
        ref int right = ref MemoryMarshal.GetArrayDataReference(_right);
        for (int segment = 0; segment < _feeds.Length; segment++)
        {
            if (feedingOnly && !_feeds[segment])
            {
                continue;
            }
            for (int p = _start[segment], end = _start[segment + 1]; p < end; p++)
            {
                Unsafe.Add(ref values, p) = Unsafe.Add(ref values, Unsafe.Add(ref left, p)) * Unsafe.Add(ref values, Unsafe.Add(ref right, p));
            }
        }
    }

    /// <summary>sum_p cTilde[p] aa[p], with aa filled for the leaves and the feeding products.</summary>
    public double Energy(ReadOnlySpan<double> cTilde, ReadOnlySpan<double> aa)
    {
        ref double values = ref MemoryMarshal.GetReference(aa);
        ref double c = ref MemoryMarshal.GetReference(cTilde);
        ref int left = ref MemoryMarshal.GetArrayDataReference(_left);
        ref int right = ref MemoryMarshal.GetArrayDataReference(_right);
        double energy = TensorPrimitives.Dot(cTilde[.._leafCount], aa[.._leafCount]);
        for (int segment = 0; segment < _feeds.Length; segment++)
        {
            int start = _start[segment], end = _start[segment + 1];
            if (_feeds[segment])
            {
                energy += TensorPrimitives.Dot(cTilde[start..end], aa[start..end]);
                continue;
            }
            double e0 = 0, e1 = 0;
            int p = start;
            for (; p + 1 < end; p += 2)
            {
                e0 += Unsafe.Add(ref c, p) * Unsafe.Add(ref values, Unsafe.Add(ref left, p)) * Unsafe.Add(ref values, Unsafe.Add(ref right, p));
                e1 += Unsafe.Add(ref c, p + 1) * Unsafe.Add(ref values, Unsafe.Add(ref left, p + 1)) * Unsafe.Add(ref values, Unsafe.Add(ref right, p + 1));
            }
            if (p < end)
            {
                e0 += Unsafe.Add(ref c, p) * Unsafe.Add(ref values, Unsafe.Add(ref left, p)) * Unsafe.Add(ref values, Unsafe.Add(ref right, p));
            }
            energy += e0 + e1;
        }
        return energy;
    }

    /// <summary>
    /// The energy and the reverse sweep from adjoint = cTilde, which is set here for the leaves and the feeding
    /// products only (the others' adjoint is their cTilde, read directly).
    /// </summary>
    public double EnergyAndAdjoint(ReadOnlySpan<double> cTilde, ReadOnlySpan<double> aa, Span<double> adjoint)
    {
        double energy = Energy(cTilde, aa);
        cTilde[.._leafCount].CopyTo(adjoint);
        for (int segment = 0; segment < _feeds.Length; segment++)
        {
            if (_feeds[segment])
            {
                int start = _start[segment];
                cTilde[start.._start[segment + 1]].CopyTo(adjoint[start..]);
            }
        }
        ref double values = ref MemoryMarshal.GetReference(aa);
        ref double g = ref MemoryMarshal.GetReference(adjoint);
        ref int left = ref MemoryMarshal.GetArrayDataReference(_left);
        ref int right = ref MemoryMarshal.GetArrayDataReference(_right);
        for (int segment = _feeds.Length - 1; segment >= 0; segment--)
        {
            ref double explicitAdjoint = ref _feeds[segment] ? ref g : ref MemoryMarshal.GetReference(cTilde);
            for (int p = _start[segment + 1] - 1, start = _start[segment]; p >= start; p--)
            {
                double s = Unsafe.Add(ref explicitAdjoint, p);
                int l = Unsafe.Add(ref left, p), r = Unsafe.Add(ref right, p);
                double vl = Unsafe.Add(ref values, l), vr = Unsafe.Add(ref values, r);
                Unsafe.Add(ref g, l) += s * vr;
                Unsafe.Add(ref g, r) += s * vl;
            }
        }
        return energy;
    }
}
