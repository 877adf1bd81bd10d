using Ace.Core.Primitives;

namespace Ace.Core.Atoms;

/// <summary>
/// A simulation cell spanned by three lattice vectors <see cref="A"/>, <see cref="B"/>, <see cref="C"/> (Angstrom).
/// Fractional coordinates s relate to Cartesian ones by r = s.X A + s.Y B + s.Z C.
/// The all-zero cell (<see cref="Zero"/>) stands for "no cell" (an isolated cluster).
/// </summary>
public readonly struct Cell : IEquatable<Cell>
{
    // Reciprocal vectors without the 2 pi: RecipA . A = 1, RecipA . B = 0, ... (zero for a singular cell).
    private readonly Vec3 _recipA, _recipB, _recipC;

    /// <summary>A cell from its three lattice vectors.</summary>
    /// <exception cref="ArgumentException">A component is not finite.</exception>
    public Cell(Vec3 a, Vec3 b, Vec3 c)
    {
        if (!a.IsFinite || !b.IsFinite || !c.IsFinite)
        {
            throw new ArgumentException($"cell vectors must be finite, got {a}, {b}, {c}");
        }
        A = a;
        B = b;
        C = c;
        Determinant = Vec3.Dot(a, Vec3.Cross(b, c));
        IsSingular = Math.Abs(Determinant) <= 1e-10 * Math.Max(a.Norm * b.Norm * c.Norm, double.Epsilon);
        if (IsSingular)
        {
            _recipA = _recipB = _recipC = Vec3.Zero;
        }
        else
        {
            _recipA = Vec3.Cross(b, c) / Determinant;
            _recipB = Vec3.Cross(c, a) / Determinant;
            _recipC = Vec3.Cross(a, b) / Determinant;
        }
    }

    /// <summary>An orthorhombic cell with edge lengths <paramref name="a"/>, <paramref name="b"/>, <paramref name="c"/>.</summary>
    public static Cell Orthorhombic(double a, double b, double c) =>
        new(new Vec3(a, 0, 0), new Vec3(0, b, 0), new Vec3(0, 0, c));

    /// <summary>The cubic cell with edge length <paramref name="a"/>.</summary>
    public static Cell Cubic(double a) => Orthorhombic(a, a, a);

    /// <summary>The all-zero cell, used for isolated structures.</summary>
    public static Cell Zero => new(Vec3.Zero, Vec3.Zero, Vec3.Zero);

    /// <summary>The first lattice vector.</summary>
    public Vec3 A { get; }

    /// <summary>The second lattice vector.</summary>
    public Vec3 B { get; }

    /// <summary>The third lattice vector.</summary>
    public Vec3 C { get; }

    /// <summary>Lattice vector <paramref name="axis"/> (0, 1 or 2).</summary>
    public Vec3 this[int axis] => axis switch
    {
        0 => A,
        1 => B,
        2 => C,
        _ => throw new ArgumentOutOfRangeException(nameof(axis), axis, "axis must be 0, 1 or 2"),
    };

    /// <summary>The signed volume A . (B x C).</summary>
    public double Determinant { get; }

    /// <summary>The volume |A . (B x C)| in cubic Angstrom.</summary>
    public double Volume => Math.Abs(Determinant);

    /// <summary>True when the vectors are (numerically) linearly dependent: |det| &lt;= 1e-10 |A||B||C|.</summary>
    public bool IsSingular { get; }

    /// <summary>True when all three vectors are zero.</summary>
    public bool IsZero => A == Vec3.Zero && B == Vec3.Zero && C == Vec3.Zero;

    /// <summary>
    /// The distance between the two lattice planes bounding the cell along <paramref name="axis"/>
    /// (volume / area of the opposite face); a sphere of radius r fits when r &lt;= height / 2 on every axis.
    /// </summary>
    public double Height(int axis)
    {
        ThrowIfSingular();
        return 1.0 / Reciprocal(axis).Norm;
    }

    /// <summary>
    /// Reciprocal vector <paramref name="axis"/> without the factor 2 pi, so that Reciprocal(i) . this[j] = delta_ij.
    /// </summary>
    public Vec3 Reciprocal(int axis)
    {
        ThrowIfSingular();
        return axis switch
        {
            0 => _recipA,
            1 => _recipB,
            2 => _recipC,
            _ => throw new ArgumentOutOfRangeException(nameof(axis), axis, "axis must be 0, 1 or 2"),
        };
    }

    /// <summary>Fractional coordinates s of the Cartesian point <paramref name="r"/> (r = s.X A + s.Y B + s.Z C).</summary>
    /// <exception cref="InvalidOperationException">The cell is singular.</exception>
    public Vec3 ToFractional(Vec3 r)
    {
        ThrowIfSingular();
        return new Vec3(Vec3.Dot(_recipA, r), Vec3.Dot(_recipB, r), Vec3.Dot(_recipC, r));
    }

    /// <summary>The Cartesian point s.X A + s.Y B + s.Z C.</summary>
    public Vec3 ToCartesian(Vec3 s) => s.X * A + s.Y * B + s.Z * C;

    /// <summary>The lattice translation n.A A + n.B B + n.C C for the integer image shift <paramref name="shift"/>.</summary>
    public Vec3 Translation(ImageShift shift) => shift.A * A + shift.B * B + shift.C * C;

    private void ThrowIfSingular()
    {
        if (IsSingular)
        {
            throw new InvalidOperationException($"the cell {A}, {B}, {C} is singular (determinant {Determinant:G6})");
        }
    }

    /// <summary>True when the three lattice vectors are equal.</summary>
    public bool Equals(Cell other) => A == other.A && B == other.B && C == other.C;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Cell other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(A, B, C);

    /// <summary>True when the three lattice vectors are equal.</summary>
    public static bool operator ==(Cell left, Cell right) => left.Equals(right);

    /// <summary>True when a lattice vector differs.</summary>
    public static bool operator !=(Cell left, Cell right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() => $"Cell[{A}, {B}, {C}]";
}
