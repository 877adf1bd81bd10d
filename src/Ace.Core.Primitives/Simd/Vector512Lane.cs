using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Ace.Core.Primitives.Simd;

/// <summary>A lane of 8 doubles (<see cref="Vector512{T}"/>): the AVX-512 path of the kernels.</summary>
/// <param name="value">The elements.</param>
public readonly struct Vector512Lane(Vector512<double> value) : ILane<Vector512Lane>
{
    /// <summary>The elements.</summary>
    public readonly Vector512<double> Value = value;

    /// <inheritdoc/>
    public static int Width => Vector512<double>.Count;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane Create(double value) => new(Vector512.Create(value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane Load(ref double source) => new(Vector512.LoadUnsafe(ref source));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512Lane value, ref double destination) => value.Value.StoreUnsafe(ref destination);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane operator +(Vector512Lane left, Vector512Lane right) => new(left.Value + right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane operator -(Vector512Lane left, Vector512Lane right) => new(left.Value - right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane operator *(Vector512Lane left, Vector512Lane right) => new(left.Value * right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane operator /(Vector512Lane left, Vector512Lane right) => new(left.Value / right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane MultiplyAdd(Vector512Lane left, Vector512Lane right, Vector512Lane addend) =>
        new(Vector512.MultiplyAddEstimate(left.Value, right.Value, addend.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane Sqrt(Vector512Lane value) => new(Vector512.Sqrt(value.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllWithin(Vector512Lane value, double lower, double upper) =>
        Vector512.GreaterThanOrEqualAll(value.Value, Vector512.Create(lower))
        && Vector512.LessThanAll(value.Value, Vector512.Create(upper));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane ZeroLeading(Vector512Lane value, int count) =>
        new(Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(Vector512<double>.Indices, Vector512.Create((double)count)), value.Value, Vector512<double>.Zero));
}
