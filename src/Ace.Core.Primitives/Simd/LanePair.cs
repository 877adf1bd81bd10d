using System.Runtime.CompilerServices;

namespace Ace.Core.Primitives.Simd;

/// <summary>
/// Two lanes side by side (2 * <typeparamref name="TLane"/>.Width consecutive doubles). Every operation acts on both
/// halves independently, which gives latency-bound recursions two independent dependency chains to interleave, and
/// register-blocked kernels a wider block from a narrower vector.
/// </summary>
/// <typeparam name="TLane">The lane of each half.</typeparam>
/// <param name="low">The first half.</param>
/// <param name="high">The second half.</param>
public readonly struct LanePair<TLane>(TLane low, TLane high) : ILane<LanePair<TLane>>
    where TLane : unmanaged, ILane<TLane>
{
    /// <summary>The first <typeparamref name="TLane"/>.Width elements.</summary>
    public readonly TLane Low = low;

    /// <summary>The next <typeparamref name="TLane"/>.Width elements.</summary>
    public readonly TLane High = high;

    /// <inheritdoc/>
    public static int Width => 2 * TLane.Width;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LanePair<TLane> Create(double value)
    {
        TLane v = TLane.Create(value);
        return new(v, v);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LanePair<TLane> Load(ref double source) =>
        new(TLane.Load(ref source), TLane.Load(ref Unsafe.Add(ref source, TLane.Width)));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(LanePair<TLane> value, ref double destination)
    {
        TLane.Store(value.Low, ref destination);
        TLane.Store(value.High, ref Unsafe.Add(ref destination, TLane.Width));
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LanePair<TLane> operator +(LanePair<TLane> left, LanePair<TLane> right) => new(left.Low + right.Low, left.High + right.High);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LanePair<TLane> operator -(LanePair<TLane> left, LanePair<TLane> right) => new(left.Low - right.Low, left.High - right.High);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LanePair<TLane> operator *(LanePair<TLane> left, LanePair<TLane> right) => new(left.Low * right.Low, left.High * right.High);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LanePair<TLane> operator /(LanePair<TLane> left, LanePair<TLane> right) => new(left.Low / right.Low, left.High / right.High);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LanePair<TLane> MultiplyAdd(LanePair<TLane> left, LanePair<TLane> right, LanePair<TLane> addend) =>
        new(TLane.MultiplyAdd(left.Low, right.Low, addend.Low), TLane.MultiplyAdd(left.High, right.High, addend.High));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LanePair<TLane> Sqrt(LanePair<TLane> value) => new(TLane.Sqrt(value.Low), TLane.Sqrt(value.High));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllWithin(LanePair<TLane> value, double lower, double upper) =>
        TLane.AllWithin(value.Low, lower, upper) & TLane.AllWithin(value.High, lower, upper);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LanePair<TLane> ZeroLeading(LanePair<TLane> value, int count) =>
        new(TLane.ZeroLeading(value.Low, count), TLane.ZeroLeading(value.High, count - TLane.Width));
}
