using System.Runtime.CompilerServices;

namespace Ace.Core.Primitives.Angular;

/// <summary>A lane of one double: the scalar reference path of the vectorised kernels.</summary>
internal readonly struct ScalarLane(double value) : ILane<ScalarLane>
{
    /// <summary>The element.</summary>
    public readonly double Value = value;

    public static int Width => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane Create(double value) => new(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane Load(ref double source) => new(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(ScalarLane value, ref double destination) => destination = value.Value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator +(ScalarLane left, ScalarLane right) => new(left.Value + right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator -(ScalarLane left, ScalarLane right) => new(left.Value - right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator *(ScalarLane left, ScalarLane right) => new(left.Value * right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator /(ScalarLane left, ScalarLane right) => new(left.Value / right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane MultiplyAdd(ScalarLane left, ScalarLane right, ScalarLane addend) =>
        new(double.MultiplyAddEstimate(left.Value, right.Value, addend.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane Sqrt(ScalarLane value) => new(Math.Sqrt(value.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllWithin(ScalarLane value, double lower, double upper) => value.Value >= lower && value.Value < upper;
}
