namespace Ace.Core.Atoms;

/// <summary>The value type of a per-atom property column, as in the extended XYZ Properties= header.</summary>
public enum AtomPropertyKind
{
    /// <summary>Real numbers (type code R).</summary>
    Real,

    /// <summary>Integers (type code I).</summary>
    Integer,

    /// <summary>Booleans written T or F (type code L).</summary>
    Logical,

    /// <summary>Strings without whitespace (type code S).</summary>
    String,
}
