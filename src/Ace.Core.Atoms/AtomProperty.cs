using System.Collections.Immutable;

namespace Ace.Core.Atoms;

/// <summary>
/// An extra per-atom array beyond species, positions and forces (e.g. "tags:I:1" or "velocities:R:3"),
/// kept so that files round-trip. Values are atom-major: the value of column c for atom i is at [i * Columns + c].
/// Exactly one of the typed value arrays is non-empty, matching <see cref="Kind"/>.
/// </summary>
public sealed class AtomProperty
{
    private AtomProperty(string name, AtomPropertyKind kind, int columns, int length)
    {
        if (string.IsNullOrEmpty(name) || name.Any(c => char.IsWhiteSpace(c) || c == ':' || c == '"'))
        {
            throw new ArgumentException($"property name '{name}' must be non-empty without whitespace, ':' or '\"'", nameof(name));
        }
        if (columns < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(columns), columns, "a property needs at least one column");
        }
        if (length % columns != 0)
        {
            throw new ArgumentException($"property '{name}' has {length} values, not a multiple of its {columns} columns");
        }
        Name = name;
        Kind = kind;
        Columns = columns;
    }

    /// <summary>The column name, e.g. "tags".</summary>
    public string Name { get; }

    /// <summary>The value type.</summary>
    public AtomPropertyKind Kind { get; }

    /// <summary>The number of columns per atom.</summary>
    public int Columns { get; }

    /// <summary>The number of atoms the property covers.</summary>
    public int AtomCount => Kind switch
    {
        AtomPropertyKind.Real => RealValues.Length,
        AtomPropertyKind.Integer => IntegerValues.Length,
        AtomPropertyKind.Logical => LogicalValues.Length,
        _ => StringValues.Length,
    } / Columns;

    /// <summary>The values of a <see cref="AtomPropertyKind.Real"/> property (empty otherwise).</summary>
    public ImmutableArray<double> RealValues { get; private init; } = [];

    /// <summary>The values of an <see cref="AtomPropertyKind.Integer"/> property (empty otherwise).</summary>
    public ImmutableArray<long> IntegerValues { get; private init; } = [];

    /// <summary>The values of a <see cref="AtomPropertyKind.Logical"/> property (empty otherwise).</summary>
    public ImmutableArray<bool> LogicalValues { get; private init; } = [];

    /// <summary>The values of a <see cref="AtomPropertyKind.String"/> property (empty otherwise).</summary>
    public ImmutableArray<string> StringValues { get; private init; } = [];

    /// <summary>A real-valued property (atom-major values).</summary>
    public static AtomProperty Real(string name, int columns, IEnumerable<double> values)
    {
        var v = values.ToImmutableArray();
        foreach (var x in v)
        {
            if (!double.IsFinite(x))
            {
                throw new ArgumentException($"property '{name}' holds the non-finite value {x}", nameof(values));
            }
        }
        return new AtomProperty(name, AtomPropertyKind.Real, columns, v.Length) { RealValues = v };
    }

    /// <summary>An integer-valued property (atom-major values).</summary>
    public static AtomProperty Integer(string name, int columns, IEnumerable<long> values)
    {
        var v = values.ToImmutableArray();
        return new AtomProperty(name, AtomPropertyKind.Integer, columns, v.Length) { IntegerValues = v };
    }

    /// <summary>A boolean property (atom-major values).</summary>
    public static AtomProperty Logical(string name, int columns, IEnumerable<bool> values)
    {
        var v = values.ToImmutableArray();
        return new AtomProperty(name, AtomPropertyKind.Logical, columns, v.Length) { LogicalValues = v };
    }

    /// <summary>A string property (atom-major values without whitespace).</summary>
    public static AtomProperty String(string name, int columns, IEnumerable<string> values)
    {
        var v = values.ToImmutableArray();
        foreach (var s in v)
        {
            if (string.IsNullOrEmpty(s) || s.Any(char.IsWhiteSpace))
            {
                throw new ArgumentException($"property '{name}' holds '{s}'; string values must be non-empty without whitespace", nameof(values));
            }
        }
        return new AtomProperty(name, AtomPropertyKind.String, columns, v.Length) { StringValues = v };
    }

    /// <summary>The extended XYZ type code: R, I, L or S.</summary>
    public char TypeCode => ExtendedXyzColumn.TypeCode(Kind);

    /// <summary>True when name, kind, column count and all values are equal.</summary>
    public bool ContentEquals(AtomProperty other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Name == other.Name && Kind == other.Kind && Columns == other.Columns &&
               RealValues.SequenceEqual(other.RealValues) && IntegerValues.SequenceEqual(other.IntegerValues) &&
               LogicalValues.SequenceEqual(other.LogicalValues) && StringValues.SequenceEqual(other.StringValues);
    }
}
