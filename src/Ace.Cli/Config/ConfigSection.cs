using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ace.Cli.Config;

/// <summary>One mapping of a YAML config, with the path of keys that leads to it; every error names the file, line and key.</summary>
internal sealed class ConfigSection
{
    private readonly string _file;
    private readonly YamlMappingNode _node;
    private readonly string _prefix;

    public ConfigSection(string file, YamlMappingNode node, string prefix, string[]? allowed)
    {
        _file = file;
        _node = node;
        _prefix = prefix;
        if (allowed is not null)
        {
            foreach (var (k, _) in node.Children)
            {
                var key = KeyText(k);
                if (!allowed.Contains(key))
                {
                    throw new ConfigException($"{file}:{k.Start.Line}: unknown key '{prefix}{key}'; allowed here: {string.Join(", ", allowed)}");
                }
            }
        }
    }

    /// <summary>The root mapping of YAML <paramref name="text"/>; <paramref name="path"/> names it in errors, <paramref name="what"/> says what the mapping should hold.</summary>
    /// <exception cref="ConfigException">The text is not YAML, or not a mapping.</exception>
    public static YamlMappingNode LoadRoot(string text, string path, string what)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ConfigException($"{path}:{e.Start.Line}: not valid YAML: {e.InnerException?.Message ?? e.Message}");
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet reports some truncated documents (e.g. an unclosed flow list) without a position.
            throw new ConfigException($"{path}: not valid YAML (an unclosed list or mapping?): {e.Message}");
        }
        catch (ArgumentException e)
        {
            // YamlDotNet's node loader rejects some malformed event sequences this way (found by fuzzing), also without a position.
            throw new ConfigException($"{path}: not valid YAML (a line that is neither a key: value pair nor a comment?): {e.Message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ConfigException($"{path}:1: the config must be a mapping of keys ({what})");
        }
        return root;
    }

    public IEnumerable<string> Keys => _node.Children.Keys.Select(KeyText);

    /// <summary>A key's text; a key that is itself a list or mapping is shown as YAML would write it.</summary>
    private static string KeyText(YamlNode key) => key is YamlScalarNode s ? s.Value ?? "" : key.ToString();

    public bool Has(string key) => _node.Children.ContainsKey(new YamlScalarNode(key));

    public bool IsScalar(string key) => _node.Children[new YamlScalarNode(key)] is YamlScalarNode;

    public ConfigException Error(string key, string message)
    {
        // The line of the key itself (a block mapping's value starts on the next line).
        var keyNode = _node.Children.Keys.FirstOrDefault(k => k is YamlScalarNode s && s.Value == key);
        long line = keyNode?.Start.Line ?? _node.Start.Line;
        return new ConfigException($"{_file}:{line}: {_prefix}{key}: {message}");
    }

    private YamlNode? Get(string key, bool required) =>
        _node.Children.TryGetValue(new YamlScalarNode(key), out var n) ? n
        : required ? throw Error(key, "this key is required") : null;

    private string Scalar(string key, YamlNode node) =>
        node is YamlScalarNode s ? s.Value ?? "" : throw Error(key, "expected a single value");

    public ConfigSection? Child(string key, string[]? allowed) => Get(key, false) switch
    {
        null => null,
        YamlMappingNode m => new ConfigSection(_file, m, _prefix + key + ".", allowed),
        _ => throw Error(key, "expected a mapping of keys"),
    };

    public string? String(string key, bool required) => Get(key, required) is { } n ? Scalar(key, n) : null;

    public double? Number(string key, bool required, bool positive, bool allowNegative = false)
    {
        if (Get(key, required) is not { } n)
        {
            return null;
        }
        var text = Scalar(key, n);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
        {
            throw Error(key, $"expected a number, got '{text}'");
        }
        if (!allowNegative && (positive ? !(v > 0) : v < 0))
        {
            throw Error(key, $"must be {(positive ? "positive" : "non-negative")}, got {text}");
        }
        return v;
    }

    public int? Integer(string key, bool required)
    {
        if (Get(key, required) is not { } n)
        {
            return null;
        }
        var text = Scalar(key, n);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : throw Error(key, $"expected an integer, got '{text}'");
    }

    public bool? Bool(string key)
    {
        if (Get(key, false) is not { } n)
        {
            return null;
        }
        var text = Scalar(key, n);
        return text switch
        {
            "true" or "True" or "yes" => true,
            "false" or "False" or "no" => false,
            _ => throw Error(key, $"expected true or false, got '{text}'"),
        };
    }

    private List<string> Items(string key, YamlNode n) => n switch
    {
        YamlSequenceNode s => s.Children.Select(c => Scalar(key, c)).ToList(),
        YamlScalarNode s => [s.Value ?? ""],
        _ => throw Error(key, "expected a list"),
    };

    public List<string>? StringList(string key, bool required)
    {
        if (Get(key, required) is not { } n)
        {
            return null;
        }
        var list = Items(key, n);
        return list.Count == 0 ? throw Error(key, "the list is empty") : list;
    }

    public List<int>? IntegerList(string key, bool required)
    {
        var items = StringList(key, required);
        return items?.Select(t => int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) && v > 0
            ? v
            : throw Error(key, $"expected positive integers, got '{t}'")).ToList();
    }
}
