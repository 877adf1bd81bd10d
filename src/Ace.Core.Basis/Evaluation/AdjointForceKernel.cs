using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ace.Core.Primitives.Simd;

namespace Ace.Core.Basis.Evaluation;

/// <summary>
/// The last step of the adjoint sweep: given dE/dA_k for every A function k = (z, n, l, m), accumulates
/// dE/dr_p = sum_k dE/dA_k grad phi_k(r_p) = sum_lm [W'_lm(p) Y_lm(p) u_p + W_lm(p) grad Y_lm(p)], with
/// W_lm(p) = sum_n dE/dA_{z n l m} R_n(r_p) and W'_lm likewise with R'_n, into the workspace force accumulators.
/// Vectorised across the neighbours of each species (lanes of <see cref="LaneDispatch"/>); the accumulators of a lane
/// of neighbours stay in registers over all (l, m, n).
/// </summary>
internal static class AdjointForceKernel
{
    public static void Accumulate(CenterBasis center, SiteWorkspace ws, ReadOnlySpan<double> adjoint)
    {
        var layout = center.Layout;
        for (int z = 0; z < layout.SpeciesCount; z++)
        {
            int gs = ws.GroupStart[z], gn = ws.GroupStart[z + 1] - gs;
            if (gn == 0 || layout.SpeciesChannelStart[z] == layout.SpeciesChannelStart[z + 1])
            {
                continue;
            }
            var kernel = new Lanes(layout, ws, adjoint, z);
            LaneDispatch.ForEachLane(ref kernel, gn);
        }
    }

    /// <summary>The neighbours of one species as a lane kernel.</summary>
    private readonly ref struct Lanes : ILaneBatchKernel
    {
        private readonly OneParticleLayout _layout;
        private readonly SiteWorkspace _ws;
        private readonly ReadOnlySpan<double> _adjoint;
        private readonly int _z;

        public Lanes(OneParticleLayout layout, SiteWorkspace ws, ReadOnlySpan<double> adjoint, int z)
        {
            _layout = layout;
            _ws = ws;
            _adjoint = adjoint;
            _z = z;
        }

        /// <summary>
        /// The neighbours gs + q .. gs + q + Width - 1 of species z; the first <paramref name="overlap"/> were done by
        /// an earlier lane and are left out.
        /// </summary>
        public void Run<TLane>(int q, int overlap)
            where TLane : unmanaged, ILane<TLane>
        {
            var layout = _layout;
            var ws = _ws;
            int z = _z;
            int count = ws.Count;
            int gs = ws.GroupStart[z];
            int gn = ws.GroupStart[z + 1] - gs;
            int p = gs + q;
            ref double a = ref MemoryMarshal.GetReference(_adjoint);
            ref double radial = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ws.Radial), ws.RadialOffset(z) + q);
            ref double radialDerivative = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ws.RadialDerivative), ws.RadialOffset(z) + q);
            ref double h = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ws.Harmonics), p);
            ref double hx = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ws.HarmonicsGradX), p);
            ref double hy = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ws.HarmonicsGradY), p);
            ref double hz = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ws.HarmonicsGradZ), p);
            ref int channelStart = ref MemoryMarshal.GetArrayDataReference(layout.ChannelStart);
            ref int channelRadial = ref MemoryMarshal.GetArrayDataReference(layout.ChannelRadialIndex);
            ref int lChannels = ref MemoryMarshal.GetArrayDataReference(layout.LChannels);
            TLane zero = TLane.Create(0.0);
            TLane radialPart = zero, fx = zero, fy = zero, fz = zero;
            int lBase = z * layout.LStride;
            for (int l = 0; l <= layout.MaxL; l++)
            {
                int c0 = layout.LChannelStart[lBase + l], c1 = layout.LChannelStart[lBase + l + 1];
                if (c0 == c1)
                {
                    continue;
                }
                for (int mm = 0; mm <= 2 * l; mm++)
                {
                    TLane w = zero, wd = zero;
                    for (int c = c0; c < c1; c++)
                    {
                        int ch = Unsafe.Add(ref lChannels, c);
                        TLane coefficient = TLane.Create(Unsafe.Add(ref a, Unsafe.Add(ref channelStart, ch) + mm));
                        nint row = Unsafe.Add(ref channelRadial, ch) * gn;
                        w = TLane.MultiplyAdd(coefficient, TLane.Load(ref Unsafe.Add(ref radial, row)), w);
                        wd = TLane.MultiplyAdd(coefficient, TLane.Load(ref Unsafe.Add(ref radialDerivative, row)), wd);
                    }
                    nint lm = (l * l + mm) * count;
                    radialPart = TLane.MultiplyAdd(wd, TLane.Load(ref Unsafe.Add(ref h, lm)), radialPart);
                    fx = TLane.MultiplyAdd(w, TLane.Load(ref Unsafe.Add(ref hx, lm)), fx);
                    fy = TLane.MultiplyAdd(w, TLane.Load(ref Unsafe.Add(ref hy, lm)), fy);
                    fz = TLane.MultiplyAdd(w, TLane.Load(ref Unsafe.Add(ref hz, lm)), fz);
                }
            }
            Add(radialPart, fx, ref MemoryMarshal.GetArrayDataReference(ws.UnitX), ref MemoryMarshal.GetArrayDataReference(ws.ForceX), p, overlap);
            Add(radialPart, fy, ref MemoryMarshal.GetArrayDataReference(ws.UnitY), ref MemoryMarshal.GetArrayDataReference(ws.ForceY), p, overlap);
            Add(radialPart, fz, ref MemoryMarshal.GetArrayDataReference(ws.UnitZ), ref MemoryMarshal.GetArrayDataReference(ws.ForceZ), p, overlap);
        }

        /// <summary>force[p ..] += radialPart * unit[p ..] + tangential, except the first <paramref name="overlap"/> points.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Add<TLane>(TLane radialPart, TLane tangential, ref double unit, ref double force, int p, int overlap)
            where TLane : unmanaged, ILane<TLane>
        {
            ref double f = ref Unsafe.Add(ref force, p);
            TLane term = TLane.MultiplyAdd(radialPart, TLane.Load(ref Unsafe.Add(ref unit, p)), tangential);
            TLane.Store(TLane.Load(ref f) + TLane.ZeroLeading(term, overlap), ref f);
        }
    }
}
