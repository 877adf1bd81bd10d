using System.Globalization;
using System.Runtime.CompilerServices;

namespace Ace.Core.Primitives;

/// <summary>A three-component vector of doubles (positions in Angstrom, forces in eV/Angstrom, ...).</summary>
/// <param name="X">The x component.</param>
/// <param name="Y">The y component.</param>
/// <param name="Z">The z component.</param>
public readonly record struct Vec3(double X, double Y, double Z)
{
    /// <summary>The zero vector.</summary>
    public static Vec3 Zero => default;

    /// <summary>The Euclidean length.</summary>
    public double Norm => Math.Sqrt(X * X + Y * Y + Z * Z);

    /// <summary>The squared Euclidean length.</summary>
    public double NormSquared => X * X + Y * Y + Z * Z;

    /// <summary>Component <paramref name="axis"/> (0, 1 or 2).</summary>
    public double this[int axis] => axis switch
    {
        0 => X,
        1 => Y,
        2 => Z,
        _ => throw new ArgumentOutOfRangeException(nameof(axis), axis, "axis must be 0, 1 or 2"),
    };

    /// <summary>The sum of two vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec3 operator +(Vec3 a, Vec3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    /// <summary>The difference of two vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec3 operator -(Vec3 a, Vec3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    /// <summary>The negated vector.</summary>
    public static Vec3 operator -(Vec3 a) => new(-a.X, -a.Y, -a.Z);

    /// <summary>The vector scaled by <paramref name="s"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec3 operator *(double s, Vec3 a) => new(s * a.X, s * a.Y, s * a.Z);

    /// <summary>The vector scaled by <paramref name="s"/>.</summary>
    public static Vec3 operator *(Vec3 a, double s) => new(s * a.X, s * a.Y, s * a.Z);

    /// <summary>The vector divided by <paramref name="s"/>.</summary>
    public static Vec3 operator /(Vec3 a, double s) => new(a.X / s, a.Y / s, a.Z / s);

    /// <summary>The sum of two vectors (named alternative to the operator).</summary>
    public static Vec3 Add(Vec3 a, Vec3 b) => a + b;

    /// <summary>The difference of two vectors (named alternative to the operator).</summary>
    public static Vec3 Subtract(Vec3 a, Vec3 b) => a - b;

    /// <summary>The negated vector (named alternative to the operator).</summary>
    public static Vec3 Negate(Vec3 a) => -a;

    /// <summary>The scaled vector (named alternative to the operator).</summary>
    public static Vec3 Multiply(double s, Vec3 a) => s * a;

    /// <summary>The vector divided by a scalar (named alternative to the operator).</summary>
    public static Vec3 Divide(Vec3 a, double s) => a / s;

    /// <summary>The dot product.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Dot(Vec3 a, Vec3 b) => a.X * b.X + a.Y * b.Y + a.Z * b.Z;

    /// <summary>The cross product a x b.</summary>
    public static Vec3 Cross(Vec3 a, Vec3 b) =>
        new(a.Y * b.Z - a.Z * b.Y, a.Z * b.X - a.X * b.Z, a.X * b.Y - a.Y * b.X);

    /// <summary>True when every component is finite.</summary>
    public bool IsFinite => double.IsFinite(X) && double.IsFinite(Y) && double.IsFinite(Z);

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"({X:G17}, {Y:G17}, {Z:G17})");
}
