using System.Numerics.Tensors;
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
    /// after <see cref="Values"/> with harmonic gradients loaded. Forward mode over the DAG, a chunk of neighbours at a time.
    /// </summary>
    public static void Gradients(CenterBasis center, SiteWorkspace ws, Span<Vec3> gradients)
    {
        int count = ws.Count;
        var graph = center.Graph;
        var layout = center.Layout;
        var map = center.Map;
        var aa = ws.Nodes;
        var dx = ws.DerivativeX;
        var dy = ws.DerivativeY;
        var dz = ws.DerivativeZ;
        int leaves = graph.LeafCount;
        var left = graph.Left;
        var right = graph.Right;
        for (int c0 = 0; c0 < count; c0 += SiteWorkspace.GradientChunk)
        {
            int cn = Math.Min(SiteWorkspace.GradientChunk, count - c0);
            LeafDerivatives(layout, ws, c0, cn);
            for (int i = 0; i < left.Length; i++)
            {
                int p = (leaves + i) * cn, l = left[i], r = right[i];
                double al = aa[l], ar = aa[r];
                int lo = l * cn, ro = r * cn;
                for (int q = 0; q < cn; q++)
                {
                    dx[p + q] = dx[lo + q] * ar + al * dx[ro + q];
                    dy[p + q] = dy[lo + q] * ar + al * dy[ro + q];
                    dz[p + q] = dz[lo + q] * ar + al * dz[ro + q];
                }
            }
            var sx = ws.ScratchX.AsSpan(0, cn);
            var sy = ws.ScratchY.AsSpan(0, cn);
            var sz = ws.ScratchZ.AsSpan(0, cn);
            var perm = ws.Permutation;
            for (int f = 0; f < map.RowCount; f++)
            {
                sx.Clear();
                sy.Clear();
                sz.Clear();
                for (int e = map.RowStart[f]; e < map.RowStart[f + 1]; e++)
                {
                    double c = map.Values[e];
                    int o = map.Columns[e] * cn;
                    TensorPrimitives.MultiplyAdd(new ReadOnlySpan<double>(dx, o, cn), c, sx, sx);
                    TensorPrimitives.MultiplyAdd(new ReadOnlySpan<double>(dy, o, cn), c, sy, sy);
                    TensorPrimitives.MultiplyAdd(new ReadOnlySpan<double>(dz, o, cn), c, sz, sz);
                }
                var row = gradients.Slice(f * count, count);
                for (int q = 0; q < cn; q++)
                {
                    row[perm[c0 + q]] = new Vec3(sx[q], sy[q], sz[q]);
                }
            }
        }
    }

    /// <summary>grad phi_k(r_p) = R'_n Y_lm u + R_n grad Y_lm for neighbours p in [c0, c0 + cn), into the leaf rows.</summary>
    private static void LeafDerivatives(OneParticleLayout layout, SiteWorkspace ws, int c0, int cn)
    {
        int count = ws.Count;
        var dx = ws.DerivativeX;
        var dy = ws.DerivativeY;
        var dz = ws.DerivativeZ;
        Array.Clear(dx, 0, layout.Count * cn);
        Array.Clear(dy, 0, layout.Count * cn);
        Array.Clear(dz, 0, layout.Count * cn);
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
                    int krow = (start + mm) * cn - c0;
                    for (int p = lo; p < hi; p++)
                    {
                        double rv = ws.Radial[radialRow + p], dr = ws.RadialDerivative[radialRow + p];
                        double radialPart = dr * h[hrow + p];
                        dx[krow + p] = radialPart * ux[p] + rv * hx[hrow + p];
                        dy[krow + p] = radialPart * uy[p] + rv * hy[hrow + p];
                        dz[krow + p] = radialPart * uz[p] + rv * hz[hrow + p];
                    }
                }
            }
        }
    }

    /// <summary>
    /// E = sum_p cTilde[p] AA_p; when <paramref name="withForces"/>, one backward sweep over the DAG gives dE/dA and
    /// then dE/dr_p = sum_k dE/dA_k grad phi_k(r_p) is accumulated into workspace.Force? (sorted neighbour order).
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
        for (int z = 0; z < layout.SpeciesCount; z++)
        {
            int gs = ws.GroupStart[z], gn = ws.GroupStart[z + 1] - gs;
            if (gn == 0)
            {
                continue;
            }
            int offset = ws.RadialOffset(z);
            var s = ws.ScratchA.AsSpan(0, gn);
            var sx = ws.ScratchX.AsSpan(0, gn);
            var sy = ws.ScratchY.AsSpan(0, gn);
            var sz = ws.ScratchZ.AsSpan(0, gn);
            for (int ch = layout.SpeciesChannelStart[z]; ch < layout.SpeciesChannelStart[z + 1]; ch++)
            {
                int l = layout.ChannelL[ch], start = layout.ChannelStart[ch];
                s.Clear();
                sx.Clear();
                sy.Clear();
                sz.Clear();
                bool any = false;
                for (int mm = 0; mm <= 2 * l; mm++)
                {
                    double a = adjoint[start + mm];
                    if (a == 0)
                    {
                        continue;
                    }
                    any = true;
                    int o = (l * l + mm) * count + gs;
                    TensorPrimitives.MultiplyAdd(new ReadOnlySpan<double>(ws.Harmonics, o, gn), a, s, s);
                    TensorPrimitives.MultiplyAdd(new ReadOnlySpan<double>(ws.HarmonicsGradX, o, gn), a, sx, sx);
                    TensorPrimitives.MultiplyAdd(new ReadOnlySpan<double>(ws.HarmonicsGradY, o, gn), a, sy, sy);
                    TensorPrimitives.MultiplyAdd(new ReadOnlySpan<double>(ws.HarmonicsGradZ, o, gn), a, sz, sz);
                }
                if (!any)
                {
                    continue;
                }
                int radialRow = offset + layout.ChannelRadialIndex[ch] * gn;
                for (int q = 0; q < gn; q++)
                {
                    int p = gs + q;
                    double rv = ws.Radial[radialRow + q];
                    double radialPart = ws.RadialDerivative[radialRow + q] * s[q];
                    ws.ForceX[p] += radialPart * ws.UnitX[p] + rv * sx[q];
                    ws.ForceY[p] += radialPart * ws.UnitY[p] + rv * sy[q];
                    ws.ForceZ[p] += radialPart * ws.UnitZ[p] + rv * sz[q];
                }
            }
        }
        return energy;
    }
}
