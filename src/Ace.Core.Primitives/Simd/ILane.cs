namespace Ace.Core.Primitives.Simd;

/// <summary>
/// The low-level lane abstraction of the vectorised kernels: arithmetic on a "lane" of consecutive doubles, one
/// (<see cref="ScalarLane"/>), a SIMD vector (<see cref="Vector128Lane"/>, <see cref="Vector256Lane"/>,
/// <see cref="Vector512Lane"/>) or two lanes side by side (<see cref="LanePair{TLane}"/>).
/// </summary>
/// <remarks>
/// A kernel is written once as a generic method over <c>TLane : unmanaged, ILane&lt;TLane&gt;</c>; the JIT specialises
/// it for each (struct) lane type, so the scalar reference path and every vector width run the same code.
/// <see cref="LaneDispatch"/> chooses the widest lane the hardware accelerates and handles the tail of a batch, in the
/// style of the operator structs of System.Numerics.Tensors' TensorPrimitives. This is infrastructure for the
/// kernels of Ace.Core; it is public because several Ace.Core layers share it.
/// </remarks>
/// <typeparam name="TSelf">The lane type itself.</typeparam>
public interface ILane<TSelf>
    where TSelf : unmanaged, ILane<TSelf>
{
    /// <summary>The number of doubles a lane holds.</summary>
    static abstract int Width { get; }

    /// <summary>Every element set to <paramref name="value"/>.</summary>
    /// <param name="value">The value of every element.</param>
    static abstract TSelf Create(double value);

    /// <summary>Reads <see cref="Width"/> consecutive doubles starting at <paramref name="source"/>.</summary>
    /// <param name="source">The first double.</param>
    static abstract TSelf Load(ref double source);

    /// <summary>Writes <see cref="Width"/> consecutive doubles starting at <paramref name="destination"/>.</summary>
    /// <param name="value">The lane to write.</param>
    /// <param name="destination">Where the first double goes.</param>
    static abstract void Store(TSelf value, ref double destination);

    /// <summary>Element-wise sum.</summary>
    /// <param name="left">The first summand.</param>
    /// <param name="right">The second summand.</param>
    static abstract TSelf operator +(TSelf left, TSelf right);

    /// <summary>Element-wise difference.</summary>
    /// <param name="left">The minuend.</param>
    /// <param name="right">The subtrahend.</param>
    static abstract TSelf operator -(TSelf left, TSelf right);

    /// <summary>Element-wise product.</summary>
    /// <param name="left">The first factor.</param>
    /// <param name="right">The second factor.</param>
    static abstract TSelf operator *(TSelf left, TSelf right);

    /// <summary>Element-wise quotient.</summary>
    /// <param name="left">The dividend.</param>
    /// <param name="right">The divisor.</param>
    static abstract TSelf operator /(TSelf left, TSelf right);

    /// <summary>Element-wise <c>left * right + addend</c>, fused where the hardware supports it.</summary>
    /// <param name="left">The first factor.</param>
    /// <param name="right">The second factor.</param>
    /// <param name="addend">The summand.</param>
    static abstract TSelf MultiplyAdd(TSelf left, TSelf right, TSelf addend);

    /// <summary>Element-wise square root.</summary>
    /// <param name="value">The radicand.</param>
    static abstract TSelf Sqrt(TSelf value);

    /// <summary>True when every element lies in [<paramref name="lower"/>, <paramref name="upper"/>) (false for NaN).</summary>
    /// <param name="value">The lane to test.</param>
    /// <param name="lower">The inclusive lower bound.</param>
    /// <param name="upper">The exclusive upper bound.</param>
    static abstract bool AllWithin(TSelf value, double lower, double upper);

    /// <summary>The lane with its first <paramref name="count"/> elements set to zero (all of it for count &gt;= Width,
    /// none for count &lt;= 0): masks the points an overlapping tail lane has already done.</summary>
    /// <param name="value">The lane.</param>
    /// <param name="count">How many leading elements to clear.</param>
    static abstract TSelf ZeroLeading(TSelf value, int count);
}
