using System.Collections.Frozen;

namespace Ace.Core.Atoms;

/// <summary>A chemical element of the periodic table (atomic numbers 1 to 118).</summary>
public readonly struct Element : IEquatable<Element>, IComparable<Element>
{
    /// <summary>The largest supported atomic number (oganesson).</summary>
    public const int MaxAtomicNumber = 118;

    private static readonly string[] Symbols =
    [
        "",
        "H", "He",
        "Li", "Be", "B", "C", "N", "O", "F", "Ne",
        "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar",
        "K", "Ca", "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "Ge", "As", "Se", "Br", "Kr",
        "Rb", "Sr", "Y", "Zr", "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn", "Sb", "Te", "I", "Xe",
        "Cs", "Ba",
        "La", "Ce", "Pr", "Nd", "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu",
        "Hf", "Ta", "W", "Re", "Os", "Ir", "Pt", "Au", "Hg", "Tl", "Pb", "Bi", "Po", "At", "Rn",
        "Fr", "Ra",
        "Ac", "Th", "Pa", "U", "Np", "Pu", "Am", "Cm", "Bk", "Cf", "Es", "Fm", "Md", "No", "Lr",
        "Rf", "Db", "Sg", "Bh", "Hs", "Mt", "Ds", "Rg", "Cn", "Nh", "Fl", "Mc", "Lv", "Ts", "Og",
    ];

    // Symbols have at most two characters; they are packed into an int key so that span lookups allocate nothing.
    private static readonly FrozenDictionary<int, byte> NumberBySymbolKey = BuildSymbolTable();

    private readonly byte _atomicNumber;

    private Element(int atomicNumber) => _atomicNumber = (byte)atomicNumber;

    /// <summary>The atomic number Z (1 to 118); 0 only for the default value, which is not a valid element.</summary>
    public int AtomicNumber => _atomicNumber;

    /// <summary>The chemical symbol, e.g. "Si".</summary>
    public string Symbol => Symbols[_atomicNumber];

    /// <summary>
    /// The standard atomic weight in unified atomic mass units (IUPAC 2016; for elements without one, the mass of
    /// the longest-lived isotope), e.g. 12.011 for carbon. Used as the atomic mass in molecular dynamics.
    /// </summary>
    /// <exception cref="InvalidOperationException">The element is the default (invalid) value.</exception>
    public double Mass => _atomicNumber == 0
        ? throw new InvalidOperationException("the default Element has no mass")
        : AtomicMasses.Of(_atomicNumber);

    /// <summary>The element with atomic number <paramref name="atomicNumber"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The number is outside 1..118.</exception>
    public static Element FromAtomicNumber(int atomicNumber)
    {
        if (atomicNumber < 1 || atomicNumber > MaxAtomicNumber)
        {
            throw new ArgumentOutOfRangeException(nameof(atomicNumber), atomicNumber,
                $"atomic number must be between 1 and {MaxAtomicNumber}");
        }
        return new Element(atomicNumber);
    }

    /// <summary>The element with chemical symbol <paramref name="symbol"/> (case-sensitive, e.g. "Si").</summary>
    /// <exception cref="ArgumentException">The symbol is not one of the 118 element symbols.</exception>
    public static Element FromSymbol(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        return FromSymbol(symbol.AsSpan());
    }

    /// <summary>The element with chemical symbol <paramref name="symbol"/> (case-sensitive, e.g. "Si").</summary>
    /// <exception cref="ArgumentException">The symbol is not one of the 118 element symbols.</exception>
    public static Element FromSymbol(ReadOnlySpan<char> symbol)
    {
        if (TryFromSymbol(symbol, out var element))
        {
            return element;
        }
        throw new ArgumentException(
            $"'{symbol}' is not a chemical element symbol (expected one of H ... Og, with standard capitalisation)",
            nameof(symbol));
    }

    /// <summary>Looks up a chemical symbol (case-sensitive) without throwing.</summary>
    public static bool TryFromSymbol(ReadOnlySpan<char> symbol, out Element element)
    {
        element = default;
        if (symbol.Length is < 1 or > 2)
        {
            return false;
        }
        if (!NumberBySymbolKey.TryGetValue(Key(symbol), out var z))
        {
            return false;
        }
        element = new Element(z);
        return true;
    }

    private static int Key(ReadOnlySpan<char> symbol) => symbol.Length == 1 ? symbol[0] : symbol[0] | (symbol[1] << 16);

    private static FrozenDictionary<int, byte> BuildSymbolTable()
    {
        var table = new Dictionary<int, byte>();
        for (int z = 1; z <= MaxAtomicNumber; z++)
        {
            table.Add(Key(Symbols[z]), (byte)z);
        }
        return table.ToFrozenDictionary();
    }

    /// <inheritdoc/>
    public bool Equals(Element other) => _atomicNumber == other._atomicNumber;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Element other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _atomicNumber;

    /// <summary>Orders elements by atomic number.</summary>
    public int CompareTo(Element other) => _atomicNumber.CompareTo(other._atomicNumber);

    /// <summary>True when both are the same element.</summary>
    public static bool operator ==(Element left, Element right) => left.Equals(right);

    /// <summary>True when the elements differ.</summary>
    public static bool operator !=(Element left, Element right) => !left.Equals(right);

    /// <summary>True when <paramref name="left"/> has the smaller atomic number.</summary>
    public static bool operator <(Element left, Element right) => left.CompareTo(right) < 0;

    /// <summary>True when <paramref name="left"/> has the larger atomic number.</summary>
    public static bool operator >(Element left, Element right) => left.CompareTo(right) > 0;

    /// <summary>True when <paramref name="left"/> has the smaller or equal atomic number.</summary>
    public static bool operator <=(Element left, Element right) => left.CompareTo(right) <= 0;

    /// <summary>True when <paramref name="left"/> has the larger or equal atomic number.</summary>
    public static bool operator >=(Element left, Element right) => left.CompareTo(right) >= 0;

    /// <summary>The chemical symbol.</summary>
    public override string ToString() => Symbol;
}
