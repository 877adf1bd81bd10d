namespace Ace.Core.Primitives.Angular;

/// <summary>
/// Arithmetic on a "lane": one double (<see cref="ScalarLane"/>) or a SIMD vector of doubles (<see cref="VectorLane"/>).
/// The spherical-harmonic kernels are written once against this interface; the JIT specialises them per lane type,
/// so the scalar reference path and the vectorised path run the same recursion.
/// </summary>
internal interface ILane<TSelf>
    where TSelf : unmanaged, ILane<TSelf>
{
    /// <summary>The number of doubles a lane holds.</summary>
    static abstract int Width { get; }

    /// <summary>Every element set to <paramref name="value"/>.</summary>
    static abstract TSelf Create(double value);

    /// <summary>Reads <see cref="Width"/> consecutive doubles starting at <paramref name="source"/>.</summary>
    static abstract TSelf Load(ref double source);

    /// <summary>Writes <see cref="Width"/> consecutive doubles starting at <paramref name="destination"/>.</summary>
    static abstract void Store(TSelf value, ref double destination);

    /// <summary>Element-wise sum.</summary>
    static abstract TSelf operator +(TSelf left, TSelf right);

    /// <summary>Element-wise difference.</summary>
    static abstract TSelf operator -(TSelf left, TSelf right);

    /// <summary>Element-wise product.</summary>
    static abstract TSelf operator *(TSelf left, TSelf right);

    /// <summary>Element-wise quotient.</summary>
    static abstract TSelf operator /(TSelf left, TSelf right);

    /// <summary>Element-wise <c>left * right + addend</c>, fused where the hardware supports it.</summary>
    static abstract TSelf MultiplyAdd(TSelf left, TSelf right, TSelf addend);

    /// <summary>Element-wise square root.</summary>
    static abstract TSelf Sqrt(TSelf value);

    /// <summary>True when every element lies in [<paramref name="lower"/>, <paramref name="upper"/>) (false for NaN).</summary>
    static abstract bool AllWithin(TSelf value, double lower, double upper);
}
