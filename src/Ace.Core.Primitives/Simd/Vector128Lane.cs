using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Ace.Core.Primitives.Simd;

/// <summary>A lane of 2 doubles (<see cref="Vector128{T}"/>): SSE2 on x64, AdvSimd on Arm64.</summary>
/// <param name="value">The elements.</param>
public readonly struct Vector128Lane(Vector128<double> value) : ILane<Vector128Lane>
{
    /// <summary>The elements.</summary>
    public readonly Vector128<double> Value = value;

    /// <inheritdoc/>
    public static int Width => Vector128<double>.Count;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128Lane Create(double value) => new(Vector128.Create(value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128Lane Load(ref double source) => new(Vector128.LoadUnsafe(ref source));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128Lane value, ref double destination) => value.Value.StoreUnsafe(ref destination);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128Lane operator +(Vector128Lane left, Vector128Lane right) => new(left.Value + right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128Lane operator -(Vector128Lane left, Vector128Lane right) => new(left.Value - right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128Lane operator *(Vector128Lane left, Vector128Lane right) => new(left.Value * right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128Lane operator /(Vector128Lane left, Vector128Lane right) => new(left.Value / right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128Lane MultiplyAdd(Vector128Lane left, Vector128Lane right, Vector128Lane addend) =>
        new(Vector128.MultiplyAddEstimate(left.Value, right.Value, addend.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128Lane Sqrt(Vector128Lane value) => new(Vector128.Sqrt(value.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllWithin(Vector128Lane value, double lower, double upper) =>
        Vector128.GreaterThanOrEqualAll(value.Value, Vector128.Create(lower))
        && Vector128.LessThanAll(value.Value, Vector128.Create(upper));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128Lane ZeroLeading(Vector128Lane value, int count) =>
        new(Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(Vector128<double>.Indices, Vector128.Create((double)count)), value.Value, Vector128<double>.Zero));
}
