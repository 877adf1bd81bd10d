using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ace.Core.Primitives.Simd;

namespace Ace.Core.Primitives.Angular;

/// <summary>
/// The batched values of <see cref="RealSphericalHarmonics"/> as a lane kernel: one lane of points through
/// <see cref="SolidHarmonicsKernel.Values{TLane}"/> into the component-major output. The caller checks the arguments.
/// </summary>
internal readonly ref struct HarmonicValueLanes : ILaneBatchKernel
{
    private readonly SphericalHarmonicsCoefficients _table;
    private readonly int _lMax;
    private readonly int _stride;
    private readonly ReadOnlySpan<double> _x, _y, _z;
    private readonly Span<double> _values;

    /// <summary>Binds the batch: points (x[j], y[j], z[j]), outputs at values[k * stride + j] (stride &gt;= x.Length).</summary>
    public HarmonicValueLanes(SphericalHarmonicsCoefficients table, int lMax, ReadOnlySpan<double> x, ReadOnlySpan<double> y,
        ReadOnlySpan<double> z, Span<double> values, int stride)
    {
        _table = table;
        _lMax = lMax;
        _stride = stride;
        _x = x;
        _y = y;
        _z = z;
        _values = values;
    }

    /// <summary>Evaluates the lane of points starting at <paramref name="start"/> (overwrites, so overlap is harmless).</summary>
    // Not inlined into the dispatcher's loops: each lane type's kernel is then its own JIT root, with the whole
    // recursion inlined into it (inlined three times into one loop nest it exceeds the JIT's inlining budget).
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Run<TLane>(int start, int overlap)
        where TLane : unmanaged, ILane<TLane>
    {
        var (ux, uy, uz, _) = RealSphericalHarmonics.UnitVectors<TLane>(
            ref MemoryMarshal.GetReference(_x), ref MemoryMarshal.GetReference(_y), ref MemoryMarshal.GetReference(_z), start);
        SolidHarmonicsKernel.Values(_table, _lMax, ux, uy, uz, ref Unsafe.Add(ref MemoryMarshal.GetReference(_values), start), _stride);
    }
}
