namespace Ace.Core.Atoms;

/// <summary>
/// Two atoms, or an atom and a periodic image, are closer than <see cref="Structure.MinimumSeparation"/>.
/// </summary>
public sealed class AtomsTooCloseException : ArgumentException
{
    /// <summary>The exception for atoms <paramref name="firstAtom"/> and <paramref name="secondAtom"/> (image <paramref name="shift"/>).</summary>
    public AtomsTooCloseException(string message, int firstAtom, int secondAtom, ImageShift shift, double distance)
        : base(message, "positions")
    {
        FirstAtom = firstAtom;
        SecondAtom = secondAtom;
        Shift = shift;
        Distance = distance;
    }

    /// <summary>An exception without atom indices (prefer the full constructor).</summary>
    public AtomsTooCloseException()
        : this("two atoms are too close", -1, -1, ImageShift.Zero, 0)
    {
    }

    /// <summary>An exception without atom indices (prefer the full constructor).</summary>
    public AtomsTooCloseException(string message)
        : this(message, -1, -1, ImageShift.Zero, 0)
    {
    }

    /// <summary>An exception without atom indices (prefer the full constructor).</summary>
    public AtomsTooCloseException(string message, Exception innerException)
        : base(message, innerException)
    {
        FirstAtom = SecondAtom = -1;
    }

    /// <summary>The lower 0-based atom index.</summary>
    public int FirstAtom { get; }

    /// <summary>The other 0-based atom index (equal to <see cref="FirstAtom"/> for an atom and its own image).</summary>
    public int SecondAtom { get; }

    /// <summary>The image shift of the second atom.</summary>
    public ImageShift Shift { get; }

    /// <summary>The distance in Angstrom.</summary>
    public double Distance { get; }
}
