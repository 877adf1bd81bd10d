using System.Globalization;
using System.Text;
using Ace.Core.Primitives;

namespace Ace.Core.Atoms;

/// <summary>
/// Writes structures as extended XYZ frames in ASE's layout, with round-trip number formatting ("R",
/// culture-invariant), so that reading the output returns equal data.
/// </summary>
internal sealed class ExtendedXyzWriter
{
    private readonly TextWriter _writer;
    private readonly ExtendedXyzOptions _options;
    private readonly char[] _number = new char[40];

    public ExtendedXyzWriter(TextWriter writer, ExtendedXyzOptions options)
    {
        _writer = writer;
        _options = options;
    }

    /// <summary>Writes one frame.</summary>
    /// <exception cref="ArgumentException">An info key or per-atom property name clashes with a key the writer uses.</exception>
    public void Write(Structure s, int index)
    {
        var header = Header(s, index);
        _writer.Write(s.AtomCount.ToString(CultureInfo.InvariantCulture));
        _writer.Write('\n');
        _writer.Write(header);
        _writer.Write('\n');
        for (int i = 0; i < s.AtomCount; i++)
        {
            _writer.Write(s.Elements[i].Symbol);
            WriteVector(s.Positions[i]);
            if (s.Forces is { } forces)
            {
                WriteVector(forces[i]);
            }
            foreach (var p in s.AtomProperties)
            {
                for (int k = i * p.Columns, end = k + p.Columns; k < end; k++)
                {
                    _writer.Write(' ');
                    switch (p.Kind)
                    {
                        case AtomPropertyKind.Real: WriteReal(p.RealValues[k]); break;
                        case AtomPropertyKind.Integer: _writer.Write(p.IntegerValues[k].ToString(CultureInfo.InvariantCulture)); break;
                        case AtomPropertyKind.Logical: _writer.Write(p.LogicalValues[k] ? 'T' : 'F'); break;
                        default: _writer.Write(p.StringValues[k]); break;
                    }
                }
            }
            _writer.Write('\n');
        }
    }

    private string Header(Structure s, int index)
    {
        var used = new HashSet<string>(StringComparer.Ordinal) { "Lattice", "Properties", "pbc" };
        var sb = new StringBuilder(256);
        if (!s.Cell.IsZero)
        {
            sb.Append("Lattice=\"");
            AppendReals(sb, [s.Cell.A.X, s.Cell.A.Y, s.Cell.A.Z, s.Cell.B.X, s.Cell.B.Y, s.Cell.B.Z, s.Cell.C.X, s.Cell.C.Y, s.Cell.C.Z]);
            sb.Append("\" ");
        }
        sb.Append("Properties=species:S:1:pos:R:3");
        var columnNames = new HashSet<string>(StringComparer.Ordinal) { "species", "pos" };
        string forcesKey = _options.ForcesKeyForWriting;
        if (s.Forces is not null)
        {
            sb.Append(':').Append(forcesKey).Append(":R:3");
            columnNames.Add(forcesKey);
        }
        foreach (var p in s.AtomProperties)
        {
            if (!columnNames.Add(p.Name))
            {
                throw Clash(index, $"per-atom property '{p.Name}' clashes with a column the writer uses");
            }
            if (s.Forces is null && _options.ForcesKey is null && p.Name is "forces" or "force" &&
                p is { Kind: AtomPropertyKind.Real, Columns: 3 })
            {
                throw Clash(index, $"per-atom property '{p.Name}' would be read back as forces; rename it or set ExtendedXyzOptions.ForcesKey");
            }
            sb.Append(':').Append(p.Name).Append(':').Append(p.TypeCode).Append(':').Append(p.Columns.ToString(CultureInfo.InvariantCulture));
        }
        AppendReal(sb, used, _options.EnergyKey, s.Energy, index);
        if (s.Virial is { } virial)
        {
            Claim(used, _options.VirialKey, index);
            Span<double> m = stackalloc double[9];
            virial.CopyToMatrix(m);
            sb.Append(' ').Append(_options.VirialKey).Append("=\"");
            AppendReals(sb, m);
            sb.Append('"');
        }
        else if (s.Info.ContainsKey(_options.StressKey))
        {
            throw Clash(index, $"info key '{_options.StressKey}' without a virial would be read back as the virial");
        }
        if (s.ConfigType is { } configType)
        {
            Claim(used, _options.ConfigTypeKey, index);
            sb.Append(' ').Append(_options.ConfigTypeKey).Append('=').Append(ExtendedXyzHeader.Quote(configType));
        }
        foreach (var (key, value) in s.Info)
        {
            Claim(used, key, index);
            if (key == _options.EnergyKey || key == _options.VirialKey || key == _options.ConfigTypeKey)
            {
                throw Clash(index, $"info key '{key}' would be read back as reference data");
            }
            if (value.Contains('\r', StringComparison.Ordinal) || key.Contains('\r', StringComparison.Ordinal))
            {
                throw Clash(index, $"info entry '{key}' contains a carriage return, which extended XYZ cannot hold");
            }
            sb.Append(' ').Append(ExtendedXyzHeader.Quote(key)).Append('=').Append(ExtendedXyzHeader.Quote(value));
        }
        if (s.ConfigType?.Contains('\r', StringComparison.Ordinal) == true)
        {
            throw Clash(index, "the config type contains a carriage return, which extended XYZ cannot hold");
        }
        sb.Append(" pbc=\"").Append(s.Pbc.ToString()).Append('"');
        return sb.ToString();
    }

    private static void Claim(HashSet<string> used, string key, int index)
    {
        if (!used.Add(key))
        {
            throw Clash(index, $"the header key '{key}' would be written twice");
        }
    }

    private static ArgumentException Clash(int index, string problem) =>
        new($"structure {index}: {problem}", "structures");

    private static void AppendReal(StringBuilder sb, HashSet<string> used, string key, double? value, int index)
    {
        if (value is { } v)
        {
            Claim(used, key, index);
            sb.Append(' ').Append(key).Append('=').Append(v.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    private static void AppendReals(StringBuilder sb, ReadOnlySpan<double> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }
            sb.Append(values[i].ToString("R", CultureInfo.InvariantCulture));
        }
    }

    private void WriteVector(Vec3 v)
    {
        _writer.Write(' ');
        WriteReal(v.X);
        _writer.Write(' ');
        WriteReal(v.Y);
        _writer.Write(' ');
        WriteReal(v.Z);
    }

    private void WriteReal(double x)
    {
        if (!x.TryFormat(_number, out int written, "R", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"could not format {x}");
        }
        _writer.Write(_number, 0, written);
    }
}
