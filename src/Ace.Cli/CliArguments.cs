using System.Globalization;

namespace Ace.Cli;

/// <summary>Parsed command-line arguments: positional values and --name value / --flag options.</summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    private CliArguments(string command, List<string> positional)
    {
        Command = command;
        Positional = positional;
    }

    /// <summary>The command name (first argument).</summary>
    public string Command { get; }

    /// <summary>The positional arguments after the command.</summary>
    public IReadOnlyList<string> Positional { get; }

    /// <summary>Splits <paramref name="args"/>; the flags that take no value are listed in <paramref name="flags"/>.</summary>
    public static CliArguments Parse(IReadOnlyList<string> args, IReadOnlySet<string> flags)
    {
        if (args.Count == 0)
        {
            throw new UsageException("no command given");
        }
        var result = new CliArguments(args[0], []);
        var positional = (List<string>)result.Positional;
        for (int i = 1; i < args.Count; i++)
        {
            var a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal) || a.Length == 2)
            {
                positional.Add(a);
                continue;
            }
            var name = a[2..];
            string? value = null;
            int eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }
            else if (!flags.Contains(name))
            {
                if (i + 1 >= args.Count)
                {
                    throw new UsageException($"option --{name} needs a value");
                }
                value = args[++i];
            }
            if (!result._options.TryAdd(name, value))
            {
                throw new UsageException($"option --{name} is given twice");
            }
        }
        return result;
    }

    /// <summary>True when the flag was given.</summary>
    public bool Flag(string name)
    {
        _used.Add(name);
        return _options.ContainsKey(name);
    }

    /// <summary>The option's text, or null.</summary>
    public string? Text(string name)
    {
        _used.Add(name);
        return _options.TryGetValue(name, out var v) ? v : null;
    }

    /// <summary>The option as a number, or <paramref name="fallback"/>.</summary>
    public double Number(string name, double fallback)
    {
        var text = Text(name);
        if (text is null)
        {
            return fallback;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
            ? v
            : throw new UsageException($"option --{name} needs a number, got '{text}'");
    }

    /// <summary>The option as an integer, or <paramref name="fallback"/>.</summary>
    public int Integer(string name, int fallback)
    {
        var text = Text(name);
        if (text is null)
        {
            return fallback;
        }
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v)
            ? v
            : throw new UsageException($"option --{name} needs an integer, got '{text}'");
    }

    /// <summary>Throws when an option was given that the command never asked for, or the positional count is wrong.</summary>
    public void Finish(int minPositional, int maxPositional)
    {
        foreach (var name in _options.Keys)
        {
            if (!_used.Contains(name))
            {
                throw new UsageException($"unknown option --{name} for '{Command}'");
            }
        }
        if (Positional.Count < minPositional || Positional.Count > maxPositional)
        {
            throw new UsageException(minPositional == maxPositional
                ? $"'{Command}' takes {minPositional} argument(s), got {Positional.Count}"
                : $"'{Command}' takes {minPositional} to {maxPositional} arguments, got {Positional.Count}");
        }
    }
}
