using System.Runtime.CompilerServices;

namespace Ace.Core.Primitives.Simd;

/// <summary>A lane of one double: the scalar reference path of the vectorised kernels.</summary>
/// <param name="value">The element.</param>
public readonly struct ScalarLane(double value) : ILane<ScalarLane>
{
    /// <summary>The element.</summary>
    public readonly double Value = value;

    /// <inheritdoc/>
    public static int Width => 1;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane Create(double value) => new(value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane Load(ref double source) => new(source);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(ScalarLane value, ref double destination) => destination = value.Value;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator +(ScalarLane left, ScalarLane right) => new(left.Value + right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator -(ScalarLane left, ScalarLane right) => new(left.Value - right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator *(ScalarLane left, ScalarLane right) => new(left.Value * right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator /(ScalarLane left, ScalarLane right) => new(left.Value / right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane MultiplyAdd(ScalarLane left, ScalarLane right, ScalarLane addend) =>
        new(double.MultiplyAddEstimate(left.Value, right.Value, addend.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane Sqrt(ScalarLane value) => new(Math.Sqrt(value.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllWithin(ScalarLane value, double lower, double upper) => value.Value >= lower && value.Value < upper;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane ZeroLeading(ScalarLane value, int count) => count > 0 ? default : value;
}
