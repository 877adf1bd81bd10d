namespace Ace.Core.Atoms;

/// <summary>
/// Splits an extended XYZ comment line into key=value pairs following ASE: keys and values may be quoted with
/// double quotes (backslash escapes \" \\ \n), values may be bracketed lists [..] or {..}, separators are spaces
/// or tabs, whitespace around '=' is allowed, and a bare key means the boolean T.
/// </summary>
internal static class ExtendedXyzHeader
{
    /// <summary>The pairs in order of appearance; throws <see cref="FormatException"/> with a column on bad syntax.</summary>
    public static List<KeyValuePair<string, string>> Parse(string line)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int p = 0;
        while (true)
        {
            p = SkipBlanks(line, p);
            if (p >= line.Length)
            {
                return pairs;
            }
            int keyStart = p;
            string key = ReadToken(line, ref p, stopAtEquals: true, "key");
            if (key.Length == 0)
            {
                throw new FormatException($"expected a key at column {keyStart + 1}, found '{line[keyStart]}'");
            }
            int q = SkipBlanks(line, p);
            string value;
            if (q < line.Length && line[q] == '=')
            {
                p = SkipBlanks(line, q + 1);
                if (p >= line.Length)
                {
                    throw new FormatException($"expected a value after '{key}=' at column {q + 2}, found the end of the line");
                }
                value = ReadToken(line, ref p, stopAtEquals: false, $"value of '{key}'");
            }
            else
            {
                value = "T";
            }
            if (!seen.Add(key))
            {
                throw new FormatException($"the key '{key}' appears twice; expected each key once");
            }
            pairs.Add(new KeyValuePair<string, string>(key, value));
        }
    }

    private static int SkipBlanks(string line, int p)
    {
        while (p < line.Length && char.IsWhiteSpace(line[p]))
        {
            p++;
        }
        return p;
    }

    private static string ReadToken(string line, ref int p, bool stopAtEquals, string what)
    {
        char first = line[p];
        if (first == '"')
        {
            return ReadQuoted(line, ref p, what);
        }
        if (!stopAtEquals && (first == '[' || first == '{'))
        {
            char close = first == '[' ? ']' : '}';
            int end = line.IndexOf(close, p + 1);
            if (end < 0)
            {
                throw new FormatException($"the {what} opened with '{first}' at column {p + 1} is not closed; expected '{close}'");
            }
            var list = line[p..(end + 1)];
            p = end + 1;
            return list;
        }
        int start = p;
        while (p < line.Length && !char.IsWhiteSpace(line[p]) && !(stopAtEquals && line[p] == '='))
        {
            if (line[p] == '"')
            {
                throw new FormatException($"unexpected '\"' inside the {what} at column {p + 1}");
            }
            p++;
        }
        return line[start..p];
    }

    private static string ReadQuoted(string line, ref int p, string what)
    {
        int open = p;
        var text = new System.Text.StringBuilder();
        p++;
        while (p < line.Length)
        {
            char c = line[p];
            if (c == '"')
            {
                p++;
                return text.ToString();
            }
            if (c == '\\' && p + 1 < line.Length)
            {
                char e = line[p + 1];
                text.Append(e == 'n' ? '\n' : e);
                p += 2;
                continue;
            }
            text.Append(c);
            p++;
        }
        throw new FormatException($"the quote opening the {what} at column {open + 1} is not closed; expected '\"'");
    }

    /// <summary>The text of <paramref name="value"/> as a header value: bare when safe, else quoted and escaped.</summary>
    public static string Quote(string value)
    {
        bool bare = value.Length > 0 && value[0] != '[' && value[0] != '{';
        foreach (char c in value)
        {
            if (char.IsWhiteSpace(c) || c == '"' || c == '=' || c == '\\')
            {
                bare = false;
                break;
            }
        }
        if (bare)
        {
            return value;
        }
        var sb = new System.Text.StringBuilder(value.Length + 2);
        sb.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.Append('"').ToString();
    }
}
