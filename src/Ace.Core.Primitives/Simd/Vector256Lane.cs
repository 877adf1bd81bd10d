using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Ace.Core.Primitives.Simd;

/// <summary>A lane of 4 doubles (<see cref="Vector256{T}"/>): the AVX2 path of the kernels.</summary>
/// <param name="value">The elements.</param>
public readonly struct Vector256Lane(Vector256<double> value) : ILane<Vector256Lane>
{
    /// <summary>The elements.</summary>
    public readonly Vector256<double> Value = value;

    /// <inheritdoc/>
    public static int Width => Vector256<double>.Count;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane Create(double value) => new(Vector256.Create(value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane Load(ref double source) => new(Vector256.LoadUnsafe(ref source));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256Lane value, ref double destination) => value.Value.StoreUnsafe(ref destination);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane operator +(Vector256Lane left, Vector256Lane right) => new(left.Value + right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane operator -(Vector256Lane left, Vector256Lane right) => new(left.Value - right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane operator *(Vector256Lane left, Vector256Lane right) => new(left.Value * right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane operator /(Vector256Lane left, Vector256Lane right) => new(left.Value / right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane MultiplyAdd(Vector256Lane left, Vector256Lane right, Vector256Lane addend) =>
        new(Vector256.MultiplyAddEstimate(left.Value, right.Value, addend.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane Sqrt(Vector256Lane value) => new(Vector256.Sqrt(value.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllWithin(Vector256Lane value, double lower, double upper) =>
        Vector256.GreaterThanOrEqualAll(value.Value, Vector256.Create(lower))
        && Vector256.LessThanAll(value.Value, Vector256.Create(upper));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane ZeroLeading(Vector256Lane value, int count) =>
        new(Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(Vector256<double>.Indices, Vector256.Create((double)count)), value.Value, Vector256<double>.Zero));
}
