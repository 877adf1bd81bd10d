using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Ace.Core.Basis.Evaluation;

/// <summary>
/// The last step of the adjoint sweep: given dE/dA_k for every A function k = (z, n, l, m), accumulates
/// dE/dr_p = sum_k dE/dA_k grad phi_k(r_p) = sum_lm [W'_lm(p) Y_lm(p) u_p + W_lm(p) grad Y_lm(p)], with
/// W_lm(p) = sum_n dE/dA_{z n l m} R_n(r_p) and W'_lm likewise with R'_n, into the workspace force accumulators.
/// Vectorised across neighbours; the accumulators of a vector of neighbours stay in registers over all (l, m, n).
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
            int q = 0;
            int width = Vector256<double>.Count;
            if (Vector256.IsHardwareAccelerated && gn >= width)
            {
                for (; q + width <= gn; q += width)
                {
                    Vectors(layout, ws, adjoint, z, gs, q, Vector256<double>.AllBitsSet);
                }
                if (q < gn)
                {
                    // The last, overlapping vector adds only the lanes not done yet.
                    var lanes = Vector256.Create(0d, 1d, 2d, 3d);
                    Vectors(layout, ws, adjoint, z, gs, gn - width, Vector256.GreaterThanOrEqual(lanes, Vector256.Create((double)(q - (gn - width)))));
                    q = gn;
                }
            }
            for (; q < gn; q++)
            {
                Scalar(layout, ws, adjoint, z, gs, q);
            }
        }
    }

    /// <summary>The neighbours gs + q .. gs + q + 3; only the lanes selected by <paramref name="mask"/> are accumulated.</summary>
    private static void Vectors(OneParticleLayout layout, SiteWorkspace ws, ReadOnlySpan<double> adjoint, int z, int gs, int q, Vector256<double> mask)
    {
        int count = ws.Count;
        int gn = ws.GroupStart[z + 1] - gs;
        int p = gs + q;
        ref double a = ref MemoryMarshal.GetReference(adjoint);
        ref double radial = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ws.Radial), ws.RadialOffset(z) + q);
        ref double radialDerivative = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ws.RadialDerivative), ws.RadialOffset(z) + q);
        ref double h = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ws.Harmonics), p);
        ref double hx = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ws.HarmonicsGradX), p);
        ref double hy = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ws.HarmonicsGradY), p);
        ref double hz = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ws.HarmonicsGradZ), p);
        ref int channelStart = ref MemoryMarshal.GetArrayDataReference(layout.ChannelStart);
        ref int channelRadial = ref MemoryMarshal.GetArrayDataReference(layout.ChannelRadialIndex);
        ref int lChannels = ref MemoryMarshal.GetArrayDataReference(layout.LChannels);
        var radialPart = Vector256<double>.Zero;
        var fx = Vector256<double>.Zero;
        var fy = Vector256<double>.Zero;
        var fz = Vector256<double>.Zero;
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
                var w = Vector256<double>.Zero;
                var wd = Vector256<double>.Zero;
                for (int c = c0; c < c1; c++)
                {
                    int ch = Unsafe.Add(ref lChannels, c);
                    var coefficient = Vector256.Create(Unsafe.Add(ref a, Unsafe.Add(ref channelStart, ch) + mm));
                    nint row = Unsafe.Add(ref channelRadial, ch) * gn;
                    w = Vector256.MultiplyAddEstimate(coefficient, Vector256.LoadUnsafe(ref radial, (nuint)row), w);
                    wd = Vector256.MultiplyAddEstimate(coefficient, Vector256.LoadUnsafe(ref radialDerivative, (nuint)row), wd);
                }
                nuint lm = (nuint)((l * l + mm) * count);
                radialPart = Vector256.MultiplyAddEstimate(wd, Vector256.LoadUnsafe(ref h, lm), radialPart);
                fx = Vector256.MultiplyAddEstimate(w, Vector256.LoadUnsafe(ref hx, lm), fx);
                fy = Vector256.MultiplyAddEstimate(w, Vector256.LoadUnsafe(ref hy, lm), fy);
                fz = Vector256.MultiplyAddEstimate(w, Vector256.LoadUnsafe(ref hz, lm), fz);
            }
        }
        ref double forceX = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ws.ForceX), p);
        ref double forceY = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ws.ForceY), p);
        ref double forceZ = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ws.ForceZ), p);
        ref double ux = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ws.UnitX), p);
        ref double uy = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ws.UnitY), p);
        ref double uz = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ws.UnitZ), p);
        var zero = Vector256<double>.Zero;
        (Vector256.LoadUnsafe(ref forceX) + Vector256.ConditionalSelect(mask, Vector256.MultiplyAddEstimate(radialPart, Vector256.LoadUnsafe(ref ux), fx), zero)).StoreUnsafe(ref forceX);
        (Vector256.LoadUnsafe(ref forceY) + Vector256.ConditionalSelect(mask, Vector256.MultiplyAddEstimate(radialPart, Vector256.LoadUnsafe(ref uy), fy), zero)).StoreUnsafe(ref forceY);
        (Vector256.LoadUnsafe(ref forceZ) + Vector256.ConditionalSelect(mask, Vector256.MultiplyAddEstimate(radialPart, Vector256.LoadUnsafe(ref uz), fz), zero)).StoreUnsafe(ref forceZ);
    }

    private static void Scalar(OneParticleLayout layout, SiteWorkspace ws, ReadOnlySpan<double> adjoint, int z, int gs, int q)
    {
        int count = ws.Count;
        int gn = ws.GroupStart[z + 1] - gs;
        int p = gs + q;
        int offset = ws.RadialOffset(z) + q;
        double radialPart = 0, fx = 0, fy = 0, fz = 0;
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
                double w = 0, wd = 0;
                for (int c = c0; c < c1; c++)
                {
                    int ch = layout.LChannels[c];
                    double coefficient = adjoint[layout.ChannelStart[ch] + mm];
                    int row = offset + layout.ChannelRadialIndex[ch] * gn;
                    w += coefficient * ws.Radial[row];
                    wd += coefficient * ws.RadialDerivative[row];
                }
                int lm = (l * l + mm) * count + p;
                radialPart += wd * ws.Harmonics[lm];
                fx += w * ws.HarmonicsGradX[lm];
                fy += w * ws.HarmonicsGradY[lm];
                fz += w * ws.HarmonicsGradZ[lm];
            }
        }
        ws.ForceX[p] += radialPart * ws.UnitX[p] + fx;
        ws.ForceY[p] += radialPart * ws.UnitY[p] + fy;
        ws.ForceZ[p] += radialPart * ws.UnitZ[p] + fz;
    }
}
