using System.Collections.Immutable;
using System.Globalization;
using Ace.Core.Primitives;

namespace Ace.Core.Atoms;

/// <summary>
/// Reads extended XYZ frames one at a time from a text reader. A frame is parsed completely and validated before
/// it is returned, so a failure never yields a partly built structure; failures are
/// <see cref="ExtendedXyzException"/>s with the source name, line and what was expected.
/// </summary>
internal sealed class ExtendedXyzFrameReader
{
    private const string DefaultProperties = "species:S:1:pos:R:3";

    private readonly TextReader _reader;
    private readonly ExtendedXyzOptions _options;
    private readonly string? _source;
    private long _line;
    private int _frame;
    private int[] _tokenStart = new int[16];
    private int[] _tokenEnd = new int[16];

    public ExtendedXyzFrameReader(TextReader reader, ExtendedXyzOptions options, string? source)
    {
        _reader = reader;
        _options = options;
        _source = source;
    }

    /// <summary>The next structure, or null at the end of the input.</summary>
    public Structure? ReadNext()
    {
        string? countLine;
        do
        {
            countLine = _reader.ReadLine();
            if (countLine is null)
            {
                return null;
            }
            _line++;
        }
        while (string.IsNullOrWhiteSpace(countLine));
        _frame++;
        var countText = countLine.AsSpan().Trim();
        if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out int atomCount))
        {
            throw Error(_line, $"expected the number of atoms of frame {_frame} (a non-negative integer), found '{Shown(countText)}'");
        }
        var headerText = _reader.ReadLine()
            ?? throw Error(_line + 1, $"the input ends after the atom count of frame {_frame}; expected its comment line");
        _line++;
        long headerLine = _line;
        FrameHeader header;
        try
        {
            header = InterpretHeader(ExtendedXyzHeader.Parse(headerText));
        }
        catch (FormatException e)
        {
            throw Error(headerLine, $"malformed comment line of frame {_frame}: {e.Message}", e);
        }
        return ReadAtoms(atomCount, header, headerLine);
    }

    private Structure ReadAtoms(int atomCount, FrameHeader header, long headerLine)
    {
        var layout = header.Columns;
        long declaredColumns = layout.Sum(c => (long)c.Count);
        // The atom lines are read before anything of the header's size is allocated, so an atom count larger than the
        // input is an error at its end rather than an enormous allocation.
        var lines = new List<string>(Math.Min(atomCount, 4096));
        for (int i = 0; i < atomCount; i++)
        {
            var line = _reader.ReadLine()
                ?? throw Error(_line + 1,
                    $"the input ends inside frame {_frame}: its line {headerLine - 1} says {atomCount} atoms, but only {i} atom lines follow the comment line {headerLine}");
            _line++;
            // n columns need at least 2n - 1 characters: a Properties count far beyond what the line can hold is an
            // error here, before the columns of that size are allocated (a count within reach gets the per-column
            // message below).
            if (declaredColumns > line.Length + 1L)
            {
                throw Error(_line, $"atom {i} of frame {_frame} has {line.Length} characters, too few for the {declaredColumns} columns its Properties declare ({string.Join(' ', layout)})");
            }
            lines.Add(line);
        }
        int totalColumns = (int)declaredColumns;
        if (_tokenStart.Length < totalColumns + 1)
        {
            _tokenStart = new int[totalColumns + 1];
            _tokenEnd = new int[totalColumns + 1];
        }
        var elements = new Element[atomCount];
        var positions = new Vec3[atomCount];
        var forces = header.ForcesColumn >= 0 ? new Vec3[atomCount] : null;
        var extra = new ExtraColumn[layout.Count];
        foreach (int c in header.ExtraColumns)
        {
            extra[c] = new ExtraColumn(layout[c], atomCount);
        }
        for (int i = 0; i < atomCount; i++)
        {
            var text = lines[i];
            _line = headerLine + 1 + i; // the line the parse helpers name in their errors
            int found = Tokenize(text, totalColumns + 1);
            if (found != totalColumns)
            {
                throw Error(_line, $"atom {i} of frame {_frame} has {(found > totalColumns ? "more than " + totalColumns : found.ToString(CultureInfo.InvariantCulture))} columns; expected {totalColumns} ({string.Join(' ', layout)})");
            }
            int t = 0;
            for (int c = 0; c < layout.Count; c++)
            {
                var column = layout[c];
                if (c == header.SpeciesColumn)
                {
                    elements[i] = ParseElement(text, t, column.Name);
                }
                else if (c == header.ZColumn)
                {
                    elements[i] = ParseAtomicNumber(text, t);
                }
                else if (c == header.PositionsColumn)
                {
                    positions[i] = new Vec3(ParseReal(text, t, column.Name), ParseReal(text, t + 1, column.Name), ParseReal(text, t + 2, column.Name));
                }
                else if (c == header.ForcesColumn)
                {
                    forces![i] = new Vec3(ParseReal(text, t, column.Name), ParseReal(text, t + 1, column.Name), ParseReal(text, t + 2, column.Name));
                }
                else
                {
                    for (int k = 0; k < column.Count; k++)
                    {
                        ParseExtra(text, t + k, extra[c], i * column.Count + k);
                    }
                }
                t += column.Count;
            }
        }
        SymmetricTensor3? virial = header.Virial;
        if (virial is null && header.Stress is { } stress)
        {
            if (header.Cell.IsSingular)
            {
                throw Error(headerLine, $"frame {_frame} gives '{_options.StressKey}' but no cell volume; expected a Lattice to convert stress to virial");
            }
            virial = -header.Cell.Volume * stress;
        }
        try
        {
            var structure = new Structure(elements, positions, header.Cell, header.Pbc)
            {
                Energy = header.Energy,
                Forces = forces is null ? null : ImmutableArray.Create(forces),
                Virial = virial,
                ConfigType = header.ConfigType,
                Info = header.Info,
                AtomProperties = header.ExtraColumns.Select(c => extra[c].ToProperty()).ToImmutableArray(),
            };
            structure.ThrowIfCloserThan(_options.MinimumSeparation);
            return structure;
        }
        catch (AtomsTooCloseException e)
        {
            throw Error(headerLine + 1 + Math.Max(e.FirstAtom, e.SecondAtom), $"invalid frame {_frame}: {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw Error(headerLine, $"invalid frame {_frame} (atoms on lines {headerLine + 1}-{headerLine + atomCount}): {e.Message}", e);
        }
    }

    /// <summary>Finds up to <paramref name="max"/> whitespace-separated tokens; returns how many were found.</summary>
    private int Tokenize(string text, int max)
    {
        int count = 0;
        int p = 0;
        while (count < max)
        {
            while (p < text.Length && (text[p] == ' ' || text[p] == '\t' || char.IsWhiteSpace(text[p])))
            {
                p++;
            }
            if (p >= text.Length)
            {
                break;
            }
            int start = p;
            while (p < text.Length && !(text[p] == ' ' || text[p] == '\t' || char.IsWhiteSpace(text[p])))
            {
                p++;
            }
            _tokenStart[count] = start;
            _tokenEnd[count] = p;
            count++;
        }
        return count;
    }

    private ReadOnlySpan<char> Token(string text, int t) => text.AsSpan(_tokenStart[t], _tokenEnd[t] - _tokenStart[t]);

    private Element ParseElement(string text, int t, string column)
    {
        var token = Token(text, t);
        return Element.TryFromSymbol(token, out var e)
            ? e
            : throw Error(_line, $"unknown element '{token}' in column '{column}'; expected a chemical symbol H ... Og");
    }

    private Element ParseAtomicNumber(string text, int t)
    {
        var token = Token(text, t);
        return int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out int z) && z >= 1 && z <= Element.MaxAtomicNumber
            ? Element.FromAtomicNumber(z)
            : throw Error(_line, $"'{token}' in column 'Z'; expected an atomic number 1 ... {Element.MaxAtomicNumber}");
    }

    private double ParseReal(string text, int t, string column)
    {
        var token = Token(text, t);
        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
        {
            throw Error(_line, $"'{token}' in column '{column}' (field {t + 1}); expected a finite real number");
        }
        return v;
    }

    private void ParseExtra(string text, int t, ExtraColumn column, int index)
    {
        var token = Token(text, t);
        switch (column.Layout.Kind)
        {
            case AtomPropertyKind.Real:
                column.Reals![index] = ParseReal(text, t, column.Layout.Name);
                break;
            case AtomPropertyKind.Integer:
                column.Integers![index] = long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n)
                    ? n
                    : throw Error(_line, $"'{token}' in column '{column.Layout.Name}' (field {t + 1}); expected an integer");
                break;
            case AtomPropertyKind.Logical:
                column.Logicals![index] = ParseLogical(token)
                    ?? throw Error(_line, $"'{token}' in column '{column.Layout.Name}' (field {t + 1}); expected T or F");
                break;
            default:
                column.Strings![index] = token.ToString();
                break;
        }
    }

    private static bool? ParseLogical(ReadOnlySpan<char> token) =>
        token is "T" or "t" || token.Equals("true", StringComparison.OrdinalIgnoreCase) ? true
        : token is "F" or "f" || token.Equals("false", StringComparison.OrdinalIgnoreCase) ? false
        : null;

    /// <summary>Interprets the key=value pairs of a comment line; throws FormatException with what was expected.</summary>
    private FrameHeader InterpretHeader(List<KeyValuePair<string, string>> pairs)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in pairs)
        {
            map[k] = v;
        }
        var consumed = new HashSet<string>(StringComparer.Ordinal) { "Lattice", "Properties", "pbc" };
        var header = new FrameHeader();

        string properties = map.GetValueOrDefault("Properties", DefaultProperties);
        header.Columns = ExtendedXyzColumn.ParseList(properties);
        AssignColumns(header, properties);

        bool hasLattice = map.TryGetValue("Lattice", out var latticeText);
        if (hasLattice)
        {
            var v = ParseNumbers(latticeText!, "Lattice", 9);
            header.Cell = new Cell(new Vec3(v[0], v[1], v[2]), new Vec3(v[3], v[4], v[5]), new Vec3(v[6], v[7], v[8]));
        }
        if (map.TryGetValue("pbc", out var pbcText))
        {
            var flags = pbcText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (flags.Length != 3 || flags.Any(f => ParseLogical(f) is null))
            {
                throw new FormatException($"pbc=\"{pbcText}\"; expected three flags T or F, e.g. pbc=\"T T T\"");
            }
            header.Pbc = new Pbc(ParseLogical(flags[0])!.Value, ParseLogical(flags[1])!.Value, ParseLogical(flags[2])!.Value);
        }
        else
        {
            header.Pbc = hasLattice ? Pbc.All : Pbc.None;
        }
        if (header.Pbc.Any && !hasLattice)
        {
            throw new FormatException($"pbc=\"{header.Pbc}\" is periodic but there is no Lattice; expected Lattice=\"ax ay az bx by bz cx cy cz\"");
        }

        header.Energy = OptionalReal(map, _options.EnergyKey, consumed);
        if (map.TryGetValue(_options.ConfigTypeKey, out var configType))
        {
            header.ConfigType = configType;
            consumed.Add(_options.ConfigTypeKey);
        }
        if (map.TryGetValue(_options.VirialKey, out var virialText))
        {
            header.Virial = ParseTensor(virialText, _options.VirialKey);
            consumed.Add(_options.VirialKey);
        }
        else if (map.TryGetValue(_options.StressKey, out var stressText))
        {
            header.Stress = ParseTensor(stressText, _options.StressKey);
            consumed.Add(_options.StressKey);
        }

        var info = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in pairs)
        {
            if (!consumed.Contains(k))
            {
                info.Add(k, v);
            }
        }
        header.Info = info;
        return header;
    }

    private void AssignColumns(FrameHeader header, string properties)
    {
        var columns = header.Columns;
        header.SpeciesColumn = columns.FindIndex(c => c.Name == "species");
        if (header.SpeciesColumn < 0)
        {
            header.SpeciesColumn = columns.FindIndex(c => c.Name == "Z");
            if (header.SpeciesColumn >= 0 && columns[header.SpeciesColumn] is not { Kind: AtomPropertyKind.Integer, Count: 1 })
            {
                throw new FormatException($"Properties=\"{properties}\": column 'Z' must be Z:I:1");
            }
        }
        else if (columns[header.SpeciesColumn] is not { Kind: AtomPropertyKind.String, Count: 1 })
        {
            throw new FormatException($"Properties=\"{properties}\": column 'species' must be species:S:1");
        }
        if (header.SpeciesColumn < 0)
        {
            throw new FormatException($"Properties=\"{properties}\" has no element column; expected species:S:1 (or Z:I:1)");
        }
        header.PositionsColumn = RequireVectorColumn(columns, "pos", properties, required: true);
        if (_options.ForcesKey is { } forcesKey)
        {
            header.ForcesColumn = RequireVectorColumn(columns, forcesKey, properties, required: false);
        }
        else
        {
            header.ForcesColumn = RequireVectorColumn(columns, "forces", properties, required: false);
            if (header.ForcesColumn < 0)
            {
                header.ForcesColumn = RequireVectorColumn(columns, "force", properties, required: false);
            }
        }
        for (int c = 0; c < columns.Count; c++)
        {
            if (c != header.SpeciesColumn && c != header.PositionsColumn && c != header.ForcesColumn)
            {
                header.ExtraColumns.Add(c);
            }
        }
        // A Z column without a species column is the element source.
        if (columns[header.SpeciesColumn].Name == "Z")
        {
            header.ZColumn = header.SpeciesColumn;
            header.SpeciesColumn = -1;
        }
    }

    private static int RequireVectorColumn(List<ExtendedXyzColumn> columns, string name, string properties, bool required)
    {
        int index = columns.FindIndex(c => c.Name == name);
        if (index < 0)
        {
            return required ? throw new FormatException($"Properties=\"{properties}\" has no '{name}' column; expected {name}:R:3") : -1;
        }
        if (columns[index] is not { Kind: AtomPropertyKind.Real, Count: 3 })
        {
            throw new FormatException($"Properties=\"{properties}\": column '{name}' is {columns[index]}; expected {name}:R:3");
        }
        return index;
    }

    private static double? OptionalReal(Dictionary<string, string> map, string key, HashSet<string> consumed)
    {
        if (!map.TryGetValue(key, out var text))
        {
            return null;
        }
        consumed.Add(key);
        return ParseNumbers(text, key, 1)[0];
    }

    private static SymmetricTensor3 ParseTensor(string text, string key)
    {
        var v = ParseNumbers(text, key, -1);
        return v.Length switch
        {
            9 => SymmetricTensor3.FromMatrix(v),
            6 => SymmetricTensor3.FromVoigt(v),
            _ => throw new FormatException($"{key}=\"{text}\" has {v.Length} numbers; expected 9 (3x3 row-major) or 6 (Voigt xx yy zz yz xz xy)"),
        };
    }

    /// <summary>Finite numbers separated by whitespace or commas, optionally in brackets; <paramref name="expected"/> = -1 for any count.</summary>
    private static double[] ParseNumbers(string text, string key, int expected)
    {
        var parts = text.Split([' ', '\t', ',', '[', ']'], StringSplitOptions.RemoveEmptyEntries);
        if (expected >= 0 && parts.Length != expected)
        {
            throw new FormatException($"{key}=\"{text}\" has {parts.Length} numbers; expected {expected}");
        }
        var values = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                throw new FormatException($"{key}=\"{text}\": '{parts[i]}' is not a finite real number");
            }
        }
        return values;
    }

    /// <summary>Text from the input as a message shows it: at most 40 characters, control characters as '?'.</summary>
    private static string Shown(ReadOnlySpan<char> text)
    {
        var head = text.Length > 40 ? text[..40] : text;
        var shown = string.Concat(head.ToArray().Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' ? '?' : c));
        return text.Length > 40 ? shown + "..." : shown;
    }

    private ExtendedXyzException Error(long line, string problem, Exception? inner = null) => new(_source, line, problem, inner);

    private sealed class FrameHeader
    {
        public List<ExtendedXyzColumn> Columns { get; set; } = [];
        public int SpeciesColumn { get; set; } = -1;
        public int ZColumn { get; set; } = -1;
        public int PositionsColumn { get; set; } = -1;
        public int ForcesColumn { get; set; } = -1;
        public List<int> ExtraColumns { get; } = [];
        public Cell Cell { get; set; } = Cell.Zero;
        public Pbc Pbc { get; set; }
        public double? Energy { get; set; }
        public string? ConfigType { get; set; }
        public SymmetricTensor3? Virial { get; set; }
        public SymmetricTensor3? Stress { get; set; }
        public Dictionary<string, string> Info { get; set; } = [];
    }

    /// <summary>Storage for one extra per-atom column while a frame is read.</summary>
    private sealed class ExtraColumn
    {
        public ExtraColumn(ExtendedXyzColumn layout, int atomCount)
        {
            Layout = layout;
            int size = atomCount * layout.Count;
            switch (layout.Kind)
            {
                case AtomPropertyKind.Real: Reals = new double[size]; break;
                case AtomPropertyKind.Integer: Integers = new long[size]; break;
                case AtomPropertyKind.Logical: Logicals = new bool[size]; break;
                default: Strings = new string[size]; break;
            }
        }

        public ExtendedXyzColumn Layout { get; }
        public double[]? Reals { get; }
        public long[]? Integers { get; }
        public bool[]? Logicals { get; }
        public string[]? Strings { get; }

        public AtomProperty ToProperty() => Layout.Kind switch
        {
            AtomPropertyKind.Real => AtomProperty.Real(Layout.Name, Layout.Count, Reals!),
            AtomPropertyKind.Integer => AtomProperty.Integer(Layout.Name, Layout.Count, Integers!),
            AtomPropertyKind.Logical => AtomProperty.Logical(Layout.Name, Layout.Count, Logicals!),
            _ => AtomProperty.String(Layout.Name, Layout.Count, Strings!),
        };
    }
}
