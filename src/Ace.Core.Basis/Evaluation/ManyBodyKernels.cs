using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Ace.Core.Primitives;

namespace Ace.Core.Basis.Evaluation;

/// <summary>
/// The many-body evaluation kernels of one center: A from the batched radial and angular values, AA through the
/// product DAG, B through the sparse map; forward-mode gradients per chunk of neighbours; the adjoint energy sweep.
/// The neighbour stage must have loaded the site, its harmonics (with gradients when needed) and radials.
/// </summary>
internal static class ManyBodyKernels
{
    /// <summary>Fills the A functions (the DAG leaves) in workspace.Nodes.</summary>
    public static void ComputeA(CenterBasis center, SiteWorkspace ws)
    {
        var layout = center.Layout;
        var aa = ws.Nodes;
        int count = ws.Count;
        Array.Clear(aa, 0, layout.Count);
        var harmonics = ws.Harmonics;
        for (int z = 0; z < layout.SpeciesCount; z++)
        {
            int gs = ws.GroupStart[z], gn = ws.GroupStart[z + 1] - gs;
            if (gn == 0)
            {
                continue;
            }
            int offset = ws.RadialOffset(z);
            for (int ch = layout.SpeciesChannelStart[z]; ch < layout.SpeciesChannelStart[z + 1]; ch++)
            {
                int l = layout.ChannelL[ch], start = layout.ChannelStart[ch];
                var radial = new ReadOnlySpan<double>(ws.Radial, offset + layout.ChannelRadialIndex[ch] * gn, gn);
                int row0 = l * l;
                for (int mm = 0; mm <= 2 * l; mm++)
                {
                    aa[start + mm] = TensorPrimitives.Dot(radial, new ReadOnlySpan<double>(harmonics, (row0 + mm) * count + gs, gn));
                }
            }
        }
    }

    /// <summary>A, AA and the B values of this center's functions.</summary>
    public static void Values(CenterBasis center, SiteWorkspace ws, Span<double> values)
    {
        ComputeA(center, ws);
        var nodes = ws.Nodes.AsSpan(0, center.Graph.NodeCount);
        center.Graph.Forward(nodes);
        center.Map.Multiply(nodes, values);
    }

    /// <summary>
    /// dB_f/dr_j for every function f and neighbour j into gradients[f * count + j] (caller's neighbour order),
    /// after <see cref="Values"/> with harmonic gradients loaded. Forward mode over the DAG, a chunk of neighbours at a
    /// time; each node's derivative block (3 axes x chunk) is contiguous so the product rule is one vector sweep.
    /// </summary>
    public static void Gradients(CenterBasis center, SiteWorkspace ws, Span<Vec3> gradients)
    {
        int count = ws.Count;
        var graph = center.Graph;
        var map = center.Map;
        var aa = ws.Nodes;
        var d = ws.Derivatives;
        int leaves = graph.LeafCount;
        var left = graph.Left;
        var right = graph.Right;
        var perm = ws.Permutation;
        for (int c0 = 0; c0 < count; c0 += SiteWorkspace.GradientChunk)
        {
            int cn = Math.Min(SiteWorkspace.GradientChunk, count - c0);
            int stride = 3 * cn;
            LeafDerivatives(center.Layout, ws, c0, cn);
            for (int i = 0; i < left.Length; i++)
            {
                int l = left[i], r = right[i];
                Combine(new ReadOnlySpan<double>(d, l * stride, stride), aa[r], new ReadOnlySpan<double>(d, r * stride, stride), aa[l],
                    new Span<double>(d, (leaves + i) * stride, stride));
            }
            var sum = ws.ScratchX.AsSpan(0, stride);
            for (int f = 0; f < map.RowCount; f++)
            {
                sum.Clear();
                for (int e = map.RowStart[f]; e < map.RowStart[f + 1]; e++)
                {
                    TensorPrimitives.MultiplyAdd(new ReadOnlySpan<double>(d, map.Columns[e] * stride, stride), map.Values[e], sum, sum);
                }
                var row = gradients.Slice(f * count, count);
                for (int q = 0; q < cn; q++)
                {
                    row[perm[c0 + q]] = new Vec3(sum[q], sum[cn + q], sum[2 * cn + q]);
                }
            }
        }
    }

    /// <summary>destination = x * a + y * b.</summary>
    private static void Combine(ReadOnlySpan<double> x, double a, ReadOnlySpan<double> y, double b, Span<double> destination)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var xv = MemoryMarshal.Cast<double, Vector<double>>(x);
            var yv = MemoryMarshal.Cast<double, Vector<double>>(y);
            var dv = MemoryMarshal.Cast<double, Vector<double>>(destination);
            var av = new Vector<double>(a);
            var bv = new Vector<double>(b);
            for (int k = 0; k < dv.Length; k++)
            {
                dv[k] = xv[k] * av + yv[k] * bv;
            }
            i = dv.Length * Vector<double>.Count;
        }
        for (; i < destination.Length; i++)
        {
            destination[i] = x[i] * a + y[i] * b;
        }
    }

    /// <summary>grad phi_k(r_p) = R'_n Y_lm u + R_n grad Y_lm for neighbours p in [c0, c0 + cn), into the leaf blocks.</summary>
    private static void LeafDerivatives(OneParticleLayout layout, SiteWorkspace ws, int c0, int cn)
    {
        int count = ws.Count;
        int stride = 3 * cn;
        var d = ws.Derivatives;
        Array.Clear(d, 0, layout.Count * stride);
        var h = ws.Harmonics;
        var hx = ws.HarmonicsGradX;
        var hy = ws.HarmonicsGradY;
        var hz = ws.HarmonicsGradZ;
        var ux = ws.UnitX;
        var uy = ws.UnitY;
        var uz = ws.UnitZ;
        for (int z = 0; z < layout.SpeciesCount; z++)
        {
            int gs = ws.GroupStart[z], gn = ws.GroupStart[z + 1] - gs;
            int lo = Math.Max(gs, c0), hi = Math.Min(gs + gn, c0 + cn);
            if (lo >= hi)
            {
                continue;
            }
            int offset = ws.RadialOffset(z);
            for (int ch = layout.SpeciesChannelStart[z]; ch < layout.SpeciesChannelStart[z + 1]; ch++)
            {
                int l = layout.ChannelL[ch], start = layout.ChannelStart[ch];
                int radialRow = offset + layout.ChannelRadialIndex[ch] * gn - gs;
                for (int mm = 0; mm <= 2 * l; mm++)
                {
                    int hrow = (l * l + mm) * count;
                    int kx = (start + mm) * stride - c0;
                    for (int p = lo; p < hi; p++)
                    {
                        double rv = ws.Radial[radialRow + p];
                        double radialPart = ws.RadialDerivative[radialRow + p] * h[hrow + p];
                        d[kx + p] = radialPart * ux[p] + rv * hx[hrow + p];
                        d[kx + cn + p] = radialPart * uy[p] + rv * hy[hrow + p];
                        d[kx + 2 * cn + p] = radialPart * uz[p] + rv * hz[hrow + p];
                    }
                }
            }
        }
    }

    /// <summary>
    /// E = sum_p cTilde[p] AA_p; when <paramref name="withForces"/>, one backward sweep over the DAG gives dE/dA and
    /// then dE/dr_p = sum_k dE/dA_k grad phi_k(r_p) is accumulated into the workspace force accumulators (sorted neighbour order; the caller clears them).
    /// </summary>
    public static double Energy(CenterBasis center, SiteWorkspace ws, ReadOnlySpan<double> cTilde, bool withForces)
    {
        ComputeA(center, ws);
        var graph = center.Graph;
        var nodes = ws.Nodes.AsSpan(0, graph.NodeCount);
        graph.Forward(nodes);
        double energy = TensorPrimitives.Dot(cTilde, nodes);
        if (!withForces)
        {
            return energy;
        }
        var adjoint = ws.Adjoint.AsSpan(0, graph.NodeCount);
        cTilde.CopyTo(adjoint);
        graph.Backward(nodes, adjoint);
        var layout = center.Layout;
        int count = ws.Count;
        int harmonics = (layout.MaxL + 1) * (layout.MaxL + 1);
        for (int z = 0; z < layout.SpeciesCount; z++)
        {
            int gs = ws.GroupStart[z], gn = ws.GroupStart[z + 1] - gs;
            if (gn == 0 || layout.SpeciesChannelStart[z] == layout.SpeciesChannelStart[z + 1])
            {
                continue;
            }
            // W_lm(p) = sum_n dE/dA_{z n l m} R_n(r_p) and W'_lm(p) likewise with R'_n, then
            // dE/dr_p = sum_lm W'_lm(p) Y_lm(p) u_p + W_lm(p) grad Y_lm(p).
            int offset = ws.RadialOffset(z);
            var w = ws.WeightedRadial.AsSpan(0, harmonics * gn);
            var wd = ws.WeightedRadialDerivative.AsSpan(0, harmonics * gn);
            w.Clear();
            wd.Clear();
            for (int ch = layout.SpeciesChannelStart[z]; ch < layout.SpeciesChannelStart[z + 1]; ch++)
            {
                int l = layout.ChannelL[ch], start = layout.ChannelStart[ch];
                int radialRow = offset + layout.ChannelRadialIndex[ch] * gn;
                var radial = new ReadOnlySpan<double>(ws.Radial, radialRow, gn);
                var radialDerivative = new ReadOnlySpan<double>(ws.RadialDerivative, radialRow, gn);
                for (int mm = 0; mm <= 2 * l; mm++)
                {
                    double a = adjoint[start + mm];
                    if (a == 0)
                    {
                        continue;
                    }
                    var wRow = w.Slice((l * l + mm) * gn, gn);
                    var wdRow = wd.Slice((l * l + mm) * gn, gn);
                    TensorPrimitives.MultiplyAdd(radial, a, wRow, wRow);
                    TensorPrimitives.MultiplyAdd(radialDerivative, a, wdRow, wdRow);
                }
            }
            var h = ws.Harmonics;
            var hx = ws.HarmonicsGradX;
            var hy = ws.HarmonicsGradY;
            var hz = ws.HarmonicsGradZ;
            var fx = ws.ForceX;
            var fy = ws.ForceY;
            var fz = ws.ForceZ;
            for (int lm = 0; lm < harmonics; lm++)
            {
                int ho = lm * count + gs, wo = lm * gn;
                for (int q = 0; q < gn; q++)
                {
                    double wv = w[wo + q];
                    double radialPart = wd[wo + q] * h[ho + q];
                    fx[gs + q] += radialPart * ws.UnitX[gs + q] + wv * hx[ho + q];
                    fy[gs + q] += radialPart * ws.UnitY[gs + q] + wv * hy[ho + q];
                    fz[gs + q] += radialPart * ws.UnitZ[gs + q] + wv * hz[ho + q];
                }
            }
        }
        return energy;
    }
}
