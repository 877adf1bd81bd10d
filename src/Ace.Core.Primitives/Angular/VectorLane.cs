using System.Numerics;
using System.Runtime.CompilerServices;

namespace Ace.Core.Primitives.Angular;

/// <summary>A lane of <see cref="Vector{T}.Count"/> doubles (<see cref="Vector{T}"/>): the SIMD path of the kernels.</summary>
internal readonly struct VectorLane(Vector<double> value) : ILane<VectorLane>
{
    /// <summary>The elements.</summary>
    public readonly Vector<double> Value = value;

    public static int Width => Vector<double>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane Create(double value) => new(new Vector<double>(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane Load(ref double source) => new(Vector.LoadUnsafe(ref source));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(VectorLane value, ref double destination) => value.Value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane operator +(VectorLane left, VectorLane right) => new(left.Value + right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane operator -(VectorLane left, VectorLane right) => new(left.Value - right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane operator *(VectorLane left, VectorLane right) => new(left.Value * right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane operator /(VectorLane left, VectorLane right) => new(left.Value / right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane MultiplyAdd(VectorLane left, VectorLane right, VectorLane addend) =>
        new(Vector.MultiplyAddEstimate(left.Value, right.Value, addend.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane Sqrt(VectorLane value) => new(Vector.SquareRoot(value.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllWithin(VectorLane value, double lower, double upper) =>
        Vector.GreaterThanOrEqualAll(value.Value, new Vector<double>(lower))
        && Vector.LessThanAll(value.Value, new Vector<double>(upper));
}
