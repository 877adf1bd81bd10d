using System.Globalization;

namespace Ace.Core.Studies;

/// <summary>
/// One rung of pacemaker's basis ladder: n_max and l_max per correlation order (pacemaker's "nmax/lmax" notation,
/// e.g. "45,8,4,3/0,3,3,2") and the number K of primitive radial functions (pacemaker's nradbase) the fitted radial
/// functions are combined from.
/// </summary>
/// <param name="NMax">n_max per correlation order 1, 2, ...; its length is the maximum correlation order.</param>
/// <param name="LMax">l_max per correlation order (same length as <paramref name="NMax"/>).</param>
/// <param name="Primitives">K, the number of primitive radial functions (at least n_max of every order).</param>
public sealed record PacemakerDescriptor(IReadOnlyList<int> NMax, IReadOnlyList<int> LMax, int Primitives)
{
    /// <summary>The study's nradbase: 45 ChebExpCos functions per radial function.</summary>
    public const int StudyPrimitives = 45;

    /// <summary>The study's pacemaker ladder: 100/0, 45,8/0,2, 45,5,4/0,2,2, 45,8,4/0,3,3, 45,9,5/0,6,3 and 45,8,4,3/0,3,3,2.</summary>
    public static IReadOnlyList<PacemakerDescriptor> StudyLadder { get; } =
        [.. new[] { "100/0", "45,8/0,2", "45,5,4/0,2,2", "45,8,4/0,3,3", "45,9,5/0,6,3", "45,8,4,3/0,3,3,2" }.Select(Parse)];

    /// <summary>The maximum correlation order (body order - 1).</summary>
    public int MaxCorrelationOrder => NMax.Count;

    /// <summary>pacemaker's notation, "nmax/lmax", e.g. "45,8,4,3/0,3,3,2".</summary>
    public string Name => $"{string.Join(',', NMax)}/{string.Join(',', LMax)}";

    /// <summary>
    /// Parses "n1,n2,.../l1,l2,..." (one n_max and one l_max per correlation order). K is the study's 45 unless an n_max
    /// exceeds it; then K is that n_max (the "100/0" rung gets K = 100, as in pacemaker, whose body-order-2 functions are
    /// the primitive functions themselves, so its nradbase is that rung's n_max).
    /// </summary>
    /// <exception cref="FormatException">The text is not two equally long lists of integers (n_max at least 1, l_max at least 0), or l_max of order 1 is not 0.</exception>
    public static PacemakerDescriptor Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var halves = text.Split('/');
        if (halves.Length != 2)
        {
            throw new FormatException($"descriptor \"{text}\": expected n_max per order, '/', l_max per order, e.g. \"45,8,4/0,3,3\"");
        }
        int[] Integers(string list, string what, int min) => [.. list.Split(',').Select(item =>
            int.TryParse(item.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= min ? value
                : throw new FormatException($"descriptor \"{text}\": {what} \"{item}\" is not an integer of at least {min}"))];
        var nMax = Integers(halves[0], "n_max", 1);
        var lMax = Integers(halves[1], "l_max", 0);
        if (nMax.Length != lMax.Length)
        {
            throw new FormatException($"descriptor \"{text}\": {nMax.Length} n_max but {lMax.Length} l_max values; give one of each per correlation order");
        }
        if (lMax[0] != 0)
        {
            throw new FormatException($"descriptor \"{text}\": l_max of correlation order 1 must be 0 (a one-particle function is invariant only for l = 0)");
        }
        return new PacemakerDescriptor(nMax, lMax, Math.Max(StudyPrimitives, nMax.Max()));
    }
}
