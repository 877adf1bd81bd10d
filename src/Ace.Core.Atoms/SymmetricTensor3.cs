using System.Globalization;
using Ace.Core.Primitives;

namespace Ace.Core.Atoms;

/// <summary>
/// A symmetric 3x3 tensor (virial in eV, stress in eV/Angstrom^3) stored as its six independent components,
/// in Voigt order xx, yy, zz, yz, xz, xy.
/// </summary>
/// <param name="Xx">The xx component.</param>
/// <param name="Yy">The yy component.</param>
/// <param name="Zz">The zz component.</param>
/// <param name="Yz">The yz (= zy) component.</param>
/// <param name="Xz">The xz (= zx) component.</param>
/// <param name="Xy">The xy (= yx) component.</param>
public readonly record struct SymmetricTensor3(double Xx, double Yy, double Zz, double Yz, double Xz, double Xy)
{
    /// <summary>The zero tensor.</summary>
    public static SymmetricTensor3 Zero => default;

    /// <summary>Component (row, column), each 0, 1 or 2.</summary>
    public double this[int row, int column] => (row, column) switch
    {
        (0, 0) => Xx,
        (1, 1) => Yy,
        (2, 2) => Zz,
        (1, 2) or (2, 1) => Yz,
        (0, 2) or (2, 0) => Xz,
        (0, 1) or (1, 0) => Xy,
        _ => throw new ArgumentOutOfRangeException(nameof(row), $"indices ({row}, {column}) must be 0, 1 or 2"),
    };

    /// <summary>True when every component is finite.</summary>
    public bool IsFinite =>
        double.IsFinite(Xx) && double.IsFinite(Yy) && double.IsFinite(Zz) &&
        double.IsFinite(Yz) && double.IsFinite(Xz) && double.IsFinite(Xy);

    /// <summary>The trace xx + yy + zz.</summary>
    public double Trace => Xx + Yy + Zz;

    /// <summary>The tensor from six numbers in Voigt order xx, yy, zz, yz, xz, xy.</summary>
    /// <exception cref="ArgumentException">The span does not hold six numbers.</exception>
    public static SymmetricTensor3 FromVoigt(ReadOnlySpan<double> voigt)
    {
        if (voigt.Length != 6)
        {
            throw new ArgumentException($"expected 6 Voigt components, got {voigt.Length}", nameof(voigt));
        }
        return new SymmetricTensor3(voigt[0], voigt[1], voigt[2], voigt[3], voigt[4], voigt[5]);
    }

    /// <summary>
    /// The tensor from a row-major 3x3 matrix (nine numbers). Off-diagonal pairs are averaged,
    /// so a slightly asymmetric matrix (as DFT codes print) becomes its symmetric part.
    /// </summary>
    /// <exception cref="ArgumentException">The span does not hold nine numbers.</exception>
    public static SymmetricTensor3 FromMatrix(ReadOnlySpan<double> rowMajor)
    {
        if (rowMajor.Length != 9)
        {
            throw new ArgumentException($"expected 9 matrix components, got {rowMajor.Length}", nameof(rowMajor));
        }
        return new SymmetricTensor3(rowMajor[0], rowMajor[4], rowMajor[8],
            0.5 * (rowMajor[5] + rowMajor[7]), 0.5 * (rowMajor[2] + rowMajor[6]), 0.5 * (rowMajor[1] + rowMajor[3]));
    }

    /// <summary>Writes the six Voigt components xx, yy, zz, yz, xz, xy into <paramref name="destination"/>.</summary>
    public void CopyToVoigt(Span<double> destination)
    {
        if (destination.Length < 6)
        {
            throw new ArgumentException($"destination needs 6 elements, has {destination.Length}", nameof(destination));
        }
        destination[0] = Xx; destination[1] = Yy; destination[2] = Zz;
        destination[3] = Yz; destination[4] = Xz; destination[5] = Xy;
    }

    /// <summary>Writes the full row-major 3x3 matrix into <paramref name="destination"/>.</summary>
    public void CopyToMatrix(Span<double> destination)
    {
        if (destination.Length < 9)
        {
            throw new ArgumentException($"destination needs 9 elements, has {destination.Length}", nameof(destination));
        }
        destination[0] = Xx; destination[1] = Xy; destination[2] = Xz;
        destination[3] = Xy; destination[4] = Yy; destination[5] = Yz;
        destination[6] = Xz; destination[7] = Yz; destination[8] = Zz;
    }

    /// <summary>
    /// The virial of energy gradients with respect to neighbour displacements, W = -sum_k sym(d_k (x) g_k), for
    /// displacements d_k = r_j - r_i and gradients g_k = dE/dd_k (the off-diagonal entries average d_a g_b and
    /// d_b g_a). Summed over every (atom, neighbour) entry of a structure it is minus the derivative of the energy
    /// with respect to a homogeneous strain.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static SymmetricTensor3 Virial(ReadOnlySpan<Vec3> displacements, ReadOnlySpan<Vec3> energyGradients)
    {
        if (displacements.Length != energyGradients.Length)
        {
            throw new ArgumentException(
                $"{displacements.Length} displacement(s) but {energyGradients.Length} energy gradient(s): give one gradient per displacement", nameof(energyGradients));
        }
        double xx = 0, yy = 0, zz = 0, yz = 0, xz = 0, xy = 0;
        for (int k = 0; k < displacements.Length; k++)
        {
            var d = displacements[k];
            var g = energyGradients[k];
            xx += d.X * g.X;
            yy += d.Y * g.Y;
            zz += d.Z * g.Z;
            yz += 0.5 * (d.Y * g.Z + d.Z * g.Y);
            xz += 0.5 * (d.X * g.Z + d.Z * g.X);
            xy += 0.5 * (d.X * g.Y + d.Y * g.X);
        }
        return new SymmetricTensor3(-xx, -yy, -zz, -yz, -xz, -xy);
    }

    /// <summary>The component-wise sum.</summary>
    public static SymmetricTensor3 operator +(SymmetricTensor3 a, SymmetricTensor3 b) =>
        new(a.Xx + b.Xx, a.Yy + b.Yy, a.Zz + b.Zz, a.Yz + b.Yz, a.Xz + b.Xz, a.Xy + b.Xy);

    /// <summary>The component-wise sum (named alternative to the operator).</summary>
    public static SymmetricTensor3 Add(SymmetricTensor3 a, SymmetricTensor3 b) => a + b;

    /// <summary>The tensor scaled by <paramref name="s"/>.</summary>
    public static SymmetricTensor3 operator *(double s, SymmetricTensor3 t) =>
        new(s * t.Xx, s * t.Yy, s * t.Zz, s * t.Yz, s * t.Xz, s * t.Xy);

    /// <summary>The tensor scaled by <paramref name="s"/> (named alternative to the operator).</summary>
    public static SymmetricTensor3 Multiply(double s, SymmetricTensor3 t) => s * t;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"[xx={Xx:G17}, yy={Yy:G17}, zz={Zz:G17}, yz={Yz:G17}, xz={Xz:G17}, xy={Xy:G17}]");
}
