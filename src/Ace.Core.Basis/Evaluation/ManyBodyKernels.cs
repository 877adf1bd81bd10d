using System.Numerics.Tensors;
using Ace.Core.Primitives;

namespace Ace.Core.Basis.Evaluation;

/// <summary>
/// The many-body evaluation kernels of one center: A from the batched radial and angular values, AA through the
/// product DAG, B through the sparse map; the adjoint energy sweep (gradients: <see cref="GradientKernel"/>).
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
    /// E = sum_p cTilde[p] AA_p; when <paramref name="withForces"/>, one backward sweep over the DAG gives dE/dA and
    /// then <see cref="AdjointForceKernel"/> accumulates dE/dr_p = sum_k dE/dA_k grad phi_k(r_p) into the workspace
    /// force accumulators (sorted neighbour order; the caller clears them).
    /// </summary>
    public static double Energy(CenterBasis center, SiteWorkspace ws, ReadOnlySpan<double> cTilde, bool withForces)
    {
        ComputeA(center, ws);
        var graph = center.Graph;
        var nodes = ws.Nodes.AsSpan(0, graph.NodeCount);
        if (!withForces)
        {
            return graph.Energy(cTilde, nodes);
        }
        var adjoint = ws.Adjoint.AsSpan(0, graph.NodeCount);
        double energy = graph.EnergyAndLeafAdjoint(cTilde, nodes, adjoint);
        AdjointForceKernel.Accumulate(center, ws, adjoint);
        return energy;
    }
}
