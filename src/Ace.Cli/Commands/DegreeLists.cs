using System.Globalization;

namespace Ace.Cli.Commands;

/// <summary>The degree options of `ace study`: --degrees (one maximum per correlation order) and --candidates (the protocol's lists).</summary>
internal static class DegreeLists
{
    /// <summary>The protocol's step between successive candidate degrees of one order.</summary>
    public const int CandidateStep = 2;

    /// <summary>The most candidates the default lists hold per order.</summary>
    public const int MaxDefaultCandidates = 4;

    /// <summary>Parses --degrees: positive integers separated by commas or dots, e.g. 16,14,12,10.</summary>
    /// <exception cref="UsageException">A token is not a positive integer.</exception>
    public static int[] ParseDegrees(string text) =>
        text.Split(',', '.').Select(t => int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out int d) && d > 0
            ? d : throw new UsageException($"--degrees needs positive integers like 12,10,8,6; got '{text}'")).ToArray();

    /// <summary>One maximum degree per correlation order as the CLI prints it (and <see cref="ParseDegrees"/> reads it), e.g. 16.14.12.10.</summary>
    public static string Format(IEnumerable<int> degrees) => string.Join(".", degrees);

    /// <summary>
    /// Parses --candidates: one list per correlation order separated by ';', each an increasing list of positive
    /// integers separated by ',', e.g. "8,12,16,20;6,10,14;4,8,12".
    /// </summary>
    /// <exception cref="UsageException">A token is not a positive integer, an order is empty, or a list does not increase; the message names the token.</exception>
    public static int[][] ParseCandidates(string text)
    {
        var orders = text.Split(';');
        var result = new int[orders.Length][];
        for (int nu = 0; nu < orders.Length; nu++)
        {
            var tokens = orders[nu].Split(',', StringSplitOptions.TrimEntries);
            if (tokens is [""])
            {
                throw new UsageException($"--candidates: correlation order {nu + 1} has no degrees in '{text}' (lists like 8,12,16;6,10;4,8, one per order)");
            }
            result[nu] = new int[tokens.Length];
            for (int k = 0; k < tokens.Length; k++)
            {
                if (!int.TryParse(tokens[k], NumberStyles.None, CultureInfo.InvariantCulture, out int d) || d <= 0)
                {
                    throw new UsageException($"--candidates: '{tokens[k]}' (correlation order {nu + 1}) is not a positive integer; lists like 8,12,16;6,10;4,8, one per order");
                }
                if (k > 0 && d <= result[nu][k - 1])
                {
                    throw new UsageException($"--candidates: '{tokens[k]}' (correlation order {nu + 1}) does not increase on '{tokens[k - 1]}'; each order's degrees must increase");
                }
                result[nu][k] = d;
            }
        }
        return result;
    }

    /// <summary>
    /// The default candidates for maximum degrees per order: for order nu with maximum D, the degrees D, D - 2, ...
    /// that are at least nu (the smallest degree with an order-nu function), at most <see cref="MaxDefaultCandidates"/>,
    /// in increasing order. E.g. 16,14,12,10 gives 10,12,14,16; 8,10,12,14; 6,8,10,12; 4,6,8,10.
    /// </summary>
    public static int[][] DefaultCandidates(IReadOnlyList<int> degrees)
    {
        var result = new int[degrees.Count][];
        for (int nu = 1; nu <= degrees.Count; nu++)
        {
            int max = degrees[nu - 1];
            int count = Math.Clamp((max - nu) / CandidateStep + 1, 1, MaxDefaultCandidates);
            result[nu - 1] = Enumerable.Range(0, count).Select(k => max - (count - 1 - k) * CandidateStep).ToArray();
        }
        return result;
    }
}
