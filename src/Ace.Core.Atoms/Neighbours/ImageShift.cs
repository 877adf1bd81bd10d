namespace Ace.Core.Atoms;

/// <summary>
/// An integer periodic image shift: atom j's image sits at r_j + A * cell.A + B * cell.B + C * cell.C.
/// </summary>
/// <param name="A">Number of translations along the first lattice vector.</param>
/// <param name="B">Number of translations along the second lattice vector.</param>
/// <param name="C">Number of translations along the third lattice vector.</param>
public readonly record struct ImageShift(int A, int B, int C)
{
    /// <summary>The zero shift (the atom itself, not an image).</summary>
    public static ImageShift Zero => default;

    /// <summary>True for the zero shift.</summary>
    public bool IsZero => A == 0 && B == 0 && C == 0;

    /// <summary>The negated shift.</summary>
    public static ImageShift operator -(ImageShift s) => new(-s.A, -s.B, -s.C);

    /// <summary>The negated shift (named alternative to the operator).</summary>
    public static ImageShift Negate(ImageShift s) => -s;
}
