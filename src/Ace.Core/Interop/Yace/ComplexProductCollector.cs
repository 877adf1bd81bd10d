using System.Globalization;
using System.Numerics;
using Ace.Core.Basis;
using Ace.Core.Primitives.Coupling;

namespace Ace.Core.Interop.Yace;

/// <summary>
/// Collects a site energy given as products of real-harmonic A functions into C-tilde functions: each real factor is
/// expanded into complex ones (Y_real(l, m) = sum_mu U[m, mu] Y^mu, and Y^mu = Yhat^mu / sqrt(4 pi) in ML-PACE's
/// normalisation), the products are put in canonical form (factors sorted by (species, n, l), m ascending within equal
/// labels) and their coefficients summed per label tuple and m-combination. For an O(3)-invariant energy the sums are
/// real, vanish unless sum m = 0, and are equal for m and -m; each pair is written once with the sum of both coefficients
/// (ML-PACE evaluates ctilde Re(prod A), and Re(prod A) is the same for both). Entries that cancel (below 1e-11 of the
/// magnitudes summed into them) are dropped.
/// </summary>
internal sealed class ComplexProductCollector
{
    private const double CancellationTolerance = 1e-11;
    private const double ImaginaryTolerance = 1e-9;
    private static readonly double InvSqrt4Pi = 1.0 / Math.Sqrt(4 * Math.PI);

    private readonly SortedDictionary<string, Entry> _functions = new(StringComparer.Ordinal);

    /// <summary>Adds coefficient * prod_t A_real(factors[t]); the factors' species and n are written as they are.</summary>
    public void Add(double coefficient, IReadOnlyList<OneParticleFunction> factors)
    {
        var sorted = factors.OrderBy(f => (f.Species, f.N, f.L, f.M)).ToArray();
        int rank = sorted.Length;
        var key = string.Join(";", sorted.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Species},{f.N},{f.L}")));
        if (!_functions.TryGetValue(key, out var entry))
        {
            entry = new Entry(sorted.Select(f => f.Species).ToArray(), sorted.Select(f => f.N).ToArray(), sorted.Select(f => f.L).ToArray());
            _functions[key] = entry;
        }
        double scale = coefficient * Math.Pow(InvSqrt4Pi, rank);
        var ms = new int[rank];
        Expand(entry, sorted, 0, new Complex(scale, 0), ms);
    }

    private static void Expand(Entry entry, OneParticleFunction[] factors, int t, Complex value, int[] ms)
    {
        if (t == factors.Length)
        {
            var canonical = Canonical(entry, ms);
            var k = Key(canonical);
            var (sum, magnitude) = entry.Combinations.GetValueOrDefault(k);
            entry.Combinations[k] = (sum + value, magnitude + value.Magnitude);
            return;
        }
        var f = factors[t];
        int a = Math.Abs(f.M);
        foreach (int mu in a == 0 ? [0] : new[] { -a, a })
        {
            var u = RealHarmonicTransform.Element(f.L, f.M, mu);
            if (u == Complex.Zero)
            {
                continue;
            }
            ms[t] = mu;
            Expand(entry, factors, t + 1, value * u, ms);
        }
    }

    private static int[] Canonical(Entry entry, int[] ms)
    {
        var c = (int[])ms.Clone();
        int start = 0;
        for (int t = 1; t <= c.Length; t++)
        {
            if (t == c.Length || entry.Mus[t] != entry.Mus[start] || entry.Ns[t] != entry.Ns[start] || entry.Ls[t] != entry.Ls[start])
            {
                Array.Sort(c, start, t - start);
                start = t;
            }
        }
        return c;
    }

    private static string Key(int[] ms) => string.Join(",", ms.Select(m => m.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The C-tilde functions of center <paramref name="mu0"/>, rank 1 first, then by rank and labels.</summary>
    /// <exception cref="InvalidOperationException">The collected energy is not real or not rotation invariant (a bug, not a user error).</exception>
    public List<YaceFunction> Functions(int mu0)
    {
        var result = new List<YaceFunction>();
        foreach (var entry in _functions.Values.OrderBy(e => e.Mus.Length))
        {
            int rank = entry.Mus.Length;
            var kept = new Dictionary<string, (int[] Ms, double C)>(StringComparer.Ordinal);
            foreach (var (k, (sum, magnitude)) in entry.Combinations)
            {
                if (sum.Magnitude <= CancellationTolerance * magnitude)
                {
                    continue;
                }
                var ms = k.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
                if (Math.Abs(sum.Imaginary) > ImaginaryTolerance * magnitude || ms.Sum() != 0 || (rank == 1 && entry.Ls[0] != 0))
                {
                    throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                        $"the C-tilde coefficient of labels ({Describe(entry)}) and m = [{k}] is {sum} (sum m = {ms.Sum()}): the site energy is not real and rotation invariant"));
                }
                kept[k] = (ms, sum.Real);
            }
            var msCombs = new List<int>();
            var ctildes = new List<double>();
            foreach (var k in kept.Keys.Order(StringComparer.Ordinal).ToList())
            {
                if (!kept.TryGetValue(k, out var item))
                {
                    continue;
                }
                var negated = Key(Canonical(entry, item.Ms.Select(m => -m).ToArray()));
                double c = item.C;
                if (!string.Equals(negated, k, StringComparison.Ordinal) && kept.TryGetValue(negated, out var partner))
                {
                    c += partner.C;
                    kept.Remove(negated);
                    if (FirstNonZero(item.Ms) < 0)
                    {
                        item = partner;
                    }
                }
                kept.Remove(k);
                msCombs.AddRange(item.Ms);
                ctildes.Add(c);
            }
            if (ctildes.Count == 0)
            {
                continue;
            }
            result.Add(new YaceFunction(mu0, rank, 1, entry.Mus, entry.Ns, entry.Ls, msCombs.ToArray(), ctildes.ToArray()));
        }
        return result;
    }

    private static int FirstNonZero(int[] ms) => ms.FirstOrDefault(m => m != 0);

    private static string Describe(Entry e) => string.Join(" ", Enumerable.Range(0, e.Mus.Length).Select(t =>
        string.Create(CultureInfo.InvariantCulture, $"({e.Mus[t]},{e.Ns[t]},{e.Ls[t]})")));

    private sealed class Entry(int[] mus, int[] ns, int[] ls)
    {
        public int[] Mus { get; } = mus;

        public int[] Ns { get; } = ns;

        public int[] Ls { get; } = ls;

        public Dictionary<string, (Complex Sum, double Magnitude)> Combinations { get; } = new(StringComparer.Ordinal);
    }
}
