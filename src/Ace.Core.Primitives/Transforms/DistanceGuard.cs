using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ace.Core.Primitives.Simd;

namespace Ace.Core.Primitives.Transforms;

/// <summary>Validation of distances and output spans shared by the transforms and radial bases.</summary>
internal static class DistanceGuard
{
    /// <summary>Throws unless <paramref name="r"/> is finite and non-negative.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RequireFinite(double r, [CallerArgumentExpression(nameof(r))] string? name = null)
    {
        if (!(r >= 0 && r < double.PositiveInfinity))
        {
            ThrowBadDistance(r, name, "must be a finite, non-negative distance");
        }
    }

    /// <summary>Throws unless <paramref name="r"/> is non-negative (positive infinity allowed, NaN not).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RequireNonNegative(double r, [CallerArgumentExpression(nameof(r))] string? name = null)
    {
        if (!(r >= 0))
        {
            ThrowBadDistance(r, name, "must be a non-negative distance (not NaN)");
        }
    }

    /// <summary>Throws unless every entry of <paramref name="r"/> is finite and non-negative.</summary>
    public static void RequireAllFinite(ReadOnlySpan<double> r, string name) => RequireAll(r, name, allowInfinity: false);

    /// <summary>Throws unless every entry of <paramref name="r"/> is non-negative and not NaN.</summary>
    public static void RequireAllNonNegative(ReadOnlySpan<double> r, string name) => RequireAll(r, name, allowInfinity: true);

    /// <summary>Throws unless a span of length <paramref name="length"/> holds at least <paramref name="required"/> entries.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RequireLength(int length, int required, string name)
    {
        if (length < required)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{name} has length {length} but at least {required} entries are needed."),
                name);
        }
    }

    /// <summary>Throws unless the output spans <paramref name="values"/> and <paramref name="derivatives"/> each hold at least <paramref name="required"/> entries.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RequireOutputs(ReadOnlySpan<double> values, ReadOnlySpan<double> derivatives, int required)
    {
        RequireLength(values.Length, required, nameof(values));
        RequireLength(derivatives.Length, required, nameof(derivatives));
    }

    /// <summary>The checks of a batched transform: one value and one derivative per distance, every distance finite and non-negative.</summary>
    public static void RequireTransformBatch(ReadOnlySpan<double> r, ReadOnlySpan<double> values, ReadOnlySpan<double> derivatives)
    {
        RequireOutputs(values, derivatives, r.Length);
        RequireAllFinite(r, nameof(r));
    }

    private static void RequireAll(ReadOnlySpan<double> r, string name, bool allowInfinity)
    {
        // A vectorised scan for the common case, every distance finite and non-negative (NaN fails every comparison);
        // anything else (also +infinity where it is allowed) is decided point by point below.
        var scan = new FiniteNonNegativeScan(r);
        LaneDispatch.ForEachLane(ref scan, r.Length);
        if (scan.AllValid)
        {
            return;
        }

        for (int k = 0; k < r.Length; k++)
        {
            if (!IsValid(r[k], allowInfinity))
            {
                ThrowBadDistance(r[k], string.Create(CultureInfo.InvariantCulture, $"{name}[{k}]"),
                    allowInfinity ? "must be a non-negative distance (not NaN)" : "must be a finite, non-negative distance", name);
            }
        }
    }

    private static bool IsValid(double r, bool allowInfinity) => allowInfinity ? r >= 0 : r >= 0 && r < double.PositiveInfinity;

    private static void ThrowBadDistance(double r, string? label, string requirement, string? paramName = null) =>
        throw new ArgumentOutOfRangeException(paramName ?? label, r,
            string.Create(CultureInfo.InvariantCulture, $"{label} = {r:R} {requirement}."));

    // Whether every distance is finite and non-negative, a lane at a time (the overlap of the last lane is harmless).
    private ref struct FiniteNonNegativeScan(ReadOnlySpan<double> r) : ILaneBatchKernel
    {
        private readonly ReadOnlySpan<double> _r = r;

        public bool AllValid { get; private set; } = true;

        public void Run<TLane>(int start, int overlap)
            where TLane : unmanaged, ILane<TLane>
        {
            if (!TLane.AllWithin(TLane.Load(ref Unsafe.Add(ref MemoryMarshal.GetReference(_r), start)), 0.0, double.PositiveInfinity))
            {
                AllValid = false;
            }
        }
    }
}
