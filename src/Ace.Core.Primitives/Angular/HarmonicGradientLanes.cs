using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ace.Core.Primitives.Simd;

namespace Ace.Core.Primitives.Angular;

/// <summary>
/// The batched values and gradients of <see cref="RealSphericalHarmonics"/> as a lane kernel: one lane of points
/// through <see cref="SolidHarmonicsKernel.ValuesAndGradients{TLane}"/> into the component-major outputs. The scratch
/// must hold <see cref="SolidHarmonicsKernel.GradientScratchLength"/>(lMax) lanes of every lane type it is run with
/// (the dispatcher's maxLaneBytes). The caller checks the arguments.
/// </summary>
internal readonly ref struct HarmonicGradientLanes : ILaneBatchKernel
{
    private readonly SphericalHarmonicsCoefficients _table;
    private readonly int _lMax;
    private readonly int _stride;
    private readonly ReadOnlySpan<double> _x, _y, _z;
    private readonly Span<double> _values, _gradX, _gradY, _gradZ;
    private readonly Span<byte> _scratch;

    /// <summary>Binds the batch: points (x[j], y[j], z[j]), outputs at [k * stride + j] (stride &gt;= x.Length), and
    /// the lane scratch.</summary>
    public HarmonicGradientLanes(SphericalHarmonicsCoefficients table, int lMax, ReadOnlySpan<double> x, ReadOnlySpan<double> y,
        ReadOnlySpan<double> z, Span<double> values, Span<double> gradX, Span<double> gradY, Span<double> gradZ, int stride,
        Span<byte> scratch)
    {
        _table = table;
        _lMax = lMax;
        _stride = stride;
        _x = x;
        _y = y;
        _z = z;
        _values = values;
        _gradX = gradX;
        _gradY = gradY;
        _gradZ = gradZ;
        _scratch = scratch;
    }

    /// <summary>Evaluates the lane of points starting at <paramref name="start"/> (overwrites, so overlap is harmless).</summary>
    // Not inlined into the dispatcher's loops: each lane type's kernel is then its own JIT root, with the whole
    // recursion inlined into it (inlined three times into one loop nest it exceeds the JIT's inlining budget).
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Run<TLane>(int start, int overlap)
        where TLane : unmanaged, ILane<TLane>
    {
        var (ux, uy, uz, invR) = RealSphericalHarmonics.UnitVectors<TLane>(
            ref MemoryMarshal.GetReference(_x), ref MemoryMarshal.GetReference(_y), ref MemoryMarshal.GetReference(_z), start);
        SolidHarmonicsKernel.ValuesAndGradients(_table, _lMax, ux, uy, uz, invR,
            ref Unsafe.Add(ref MemoryMarshal.GetReference(_values), start),
            ref Unsafe.Add(ref MemoryMarshal.GetReference(_gradX), start),
            ref Unsafe.Add(ref MemoryMarshal.GetReference(_gradY), start),
            ref Unsafe.Add(ref MemoryMarshal.GetReference(_gradZ), start),
            _stride, MemoryMarshal.Cast<byte, TLane>(_scratch));
    }
}
