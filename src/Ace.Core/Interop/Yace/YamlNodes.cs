using System.Globalization;
using Ace.Core.Serialization;
using YamlDotNet.RepresentationModel;

namespace Ace.Core.Interop.Yace;

/// <summary>Typed access to the YAML nodes of a file, with errors that name the file, the line and the key.</summary>
internal sealed class YamlNodes(string? path)
{
    public PotentialFormatException Error(YamlNode node, string key, string problem) =>
        new(path, string.Create(CultureInfo.InvariantCulture, $"line {node.Start.Line}, '{key}': {problem}"));

    public YamlMappingNode Mapping(YamlNode node, string key) =>
        node as YamlMappingNode ?? throw Error(node, key, "expected a mapping");

    public YamlNode Required(YamlMappingNode map, string name, string key) =>
        Optional(map, name) ?? throw new PotentialFormatException(path, string.Create(CultureInfo.InvariantCulture,
            $"line {map.Start.Line}, '{key}': the key '{name}' is missing"));

    public static YamlNode? Optional(YamlMappingNode map, string name)
    {
        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode s && string.Equals(s.Value, name, StringComparison.Ordinal))
            {
                return v;
            }
        }
        return null;
    }

    public string String(YamlNode node, string key) =>
        node is YamlScalarNode { Value: { } v } ? v : throw Error(node, key, "expected a text value");

    public double Double(YamlNode node, string key)
    {
        var text = String(node, key);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v))
        {
            return v;
        }
        throw Error(node, key, $"'{text}' is not a finite number");
    }

    public int Int(YamlNode node, string key)
    {
        var text = String(node, key);
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v))
        {
            return v;
        }
        throw Error(node, key, $"'{text}' is not an integer");
    }

    public YamlSequenceNode Sequence(YamlNode node, string key) =>
        node as YamlSequenceNode ?? throw Error(node, key, "expected a list");

    public double[] Doubles(YamlNode node, string key) => Sequence(node, key).Children.Select((c, i) => Double(c, $"{key}[{i}]")).ToArray();

    public int[] Ints(YamlNode node, string key) => Sequence(node, key).Children.Select((c, i) => Int(c, $"{key}[{i}]")).ToArray();

    public string[] Strings(YamlNode node, string key) => Sequence(node, key).Children.Select((c, i) => String(c, $"{key}[{i}]")).ToArray();

    public double DoubleOr(YamlMappingNode map, string name, string key, double fallback) =>
        Optional(map, name) is { } n ? Double(n, $"{key}/{name}") : fallback;
}
