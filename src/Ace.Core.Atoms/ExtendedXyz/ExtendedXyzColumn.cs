namespace Ace.Core.Atoms;

/// <summary>One entry of a Properties=name:type:count header: a per-atom quantity spanning some columns.</summary>
internal readonly record struct ExtendedXyzColumn(string Name, AtomPropertyKind Kind, int Count)
{
    /// <summary>Parses "species:S:1:pos:R:3:..." into its entries.</summary>
    /// <exception cref="FormatException">The text is not a list of name:type:count triples.</exception>
    public static List<ExtendedXyzColumn> ParseList(string properties)
    {
        var parts = properties.Split(':');
        if (parts.Length % 3 != 0)
        {
            throw new FormatException(
                $"Properties=\"{properties}\" has {parts.Length} ':'-separated fields; expected name:type:count triples");
        }
        var columns = new List<ExtendedXyzColumn>(parts.Length / 3);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int t = 0; t < parts.Length; t += 3)
        {
            string name = parts[t];
            if (name.Length == 0 || !names.Add(name))
            {
                throw new FormatException($"Properties=\"{properties}\": column name '{name}' is empty or repeated; expected unique names");
            }
            var kind = parts[t + 1] switch
            {
                "R" or "r" => AtomPropertyKind.Real,
                "I" or "i" => AtomPropertyKind.Integer,
                "L" or "l" => AtomPropertyKind.Logical,
                "S" or "s" => AtomPropertyKind.String,
                var other => throw new FormatException(
                    $"Properties=\"{properties}\": type '{other}' of column '{name}'; expected R, I, L or S"),
            };
            if (!int.TryParse(parts[t + 2], System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out int count) || count < 1)
            {
                throw new FormatException(
                    $"Properties=\"{properties}\": count '{parts[t + 2]}' of column '{name}'; expected a positive integer");
            }
            columns.Add(new ExtendedXyzColumn(name, kind, count));
        }
        return columns;
    }

    /// <summary>The header form name:type:count.</summary>
    public override string ToString() => $"{Name}:{TypeCode(Kind)}:{Count}";

    /// <summary>The extended XYZ type code of a kind: R, I, L or S.</summary>
    public static char TypeCode(AtomPropertyKind kind) => kind switch
    {
        AtomPropertyKind.Real => 'R',
        AtomPropertyKind.Integer => 'I',
        AtomPropertyKind.Logical => 'L',
        _ => 'S',
    };
}
