namespace Ace.Core.Atoms;

/// <summary>Periodic boundary conditions: whether the structure repeats along each lattice vector.</summary>
/// <param name="A">Periodic along the first lattice vector.</param>
/// <param name="B">Periodic along the second lattice vector.</param>
/// <param name="C">Periodic along the third lattice vector.</param>
public readonly record struct Pbc(bool A, bool B, bool C)
{
    /// <summary>Periodic along all three axes (bulk).</summary>
    public static Pbc All => new(true, true, true);

    /// <summary>Open along all three axes (an isolated cluster).</summary>
    public static Pbc None => default;

    /// <summary>True when at least one axis is periodic.</summary>
    public bool Any => A || B || C;

    /// <summary>Periodicity along <paramref name="axis"/> (0, 1 or 2).</summary>
    public bool this[int axis] => axis switch
    {
        0 => A,
        1 => B,
        2 => C,
        _ => throw new ArgumentOutOfRangeException(nameof(axis), axis, "axis must be 0, 1 or 2"),
    };

    /// <summary>The extended XYZ form, e.g. "T T F".</summary>
    public override string ToString() => $"{(A ? 'T' : 'F')} {(B ? 'T' : 'F')} {(C ? 'T' : 'F')}";
}
