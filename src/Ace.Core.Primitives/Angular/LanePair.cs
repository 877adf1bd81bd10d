using System.Runtime.CompilerServices;

namespace Ace.Core.Primitives.Angular;

/// <summary>
/// Two lanes side by side (2 * <typeparamref name="TLane"/>.Width consecutive points). Every operation acts on both
/// halves independently, which gives the latency-bound recursions two independent dependency chains to interleave.
/// </summary>
internal readonly struct LanePair<TLane>(TLane low, TLane high) : ILane<LanePair<TLane>>
    where TLane : unmanaged, ILane<TLane>
{
    /// <summary>The first <typeparamref name="TLane"/>.Width points.</summary>
    public readonly TLane Low = low;

    /// <summary>The next <typeparamref name="TLane"/>.Width points.</summary>
    public readonly TLane High = high;

    public static int Width => 2 * TLane.Width;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LanePair<TLane> Create(double value)
    {
        TLane v = TLane.Create(value);
        return new(v, v);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LanePair<TLane> Load(ref double source) =>
        new(TLane.Load(ref source), TLane.Load(ref Unsafe.Add(ref source, TLane.Width)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(LanePair<TLane> value, ref double destination)
    {
        TLane.Store(value.Low, ref destination);
        TLane.Store(value.High, ref Unsafe.Add(ref destination, TLane.Width));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LanePair<TLane> operator +(LanePair<TLane> left, LanePair<TLane> right) => new(left.Low + right.Low, left.High + right.High);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LanePair<TLane> operator -(LanePair<TLane> left, LanePair<TLane> right) => new(left.Low - right.Low, left.High - right.High);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LanePair<TLane> operator *(LanePair<TLane> left, LanePair<TLane> right) => new(left.Low * right.Low, left.High * right.High);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LanePair<TLane> operator /(LanePair<TLane> left, LanePair<TLane> right) => new(left.Low / right.Low, left.High / right.High);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LanePair<TLane> MultiplyAdd(LanePair<TLane> left, LanePair<TLane> right, LanePair<TLane> addend) =>
        new(TLane.MultiplyAdd(left.Low, right.Low, addend.Low), TLane.MultiplyAdd(left.High, right.High, addend.High));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LanePair<TLane> Sqrt(LanePair<TLane> value) => new(TLane.Sqrt(value.Low), TLane.Sqrt(value.High));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllWithin(LanePair<TLane> value, double lower, double upper) =>
        TLane.AllWithin(value.Low, lower, upper) & TLane.AllWithin(value.High, lower, upper);
}
