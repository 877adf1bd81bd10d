using Ace.Core.Basis;
using Ace.Core.Primitives;
using Ace.Core.Primitives.Angular;
using Ace.Core.Primitives.Radial;
using Ace.Core.Primitives.Transforms;

namespace Ace.Core.Basis.Tests.Purification;

/// <summary>
/// Purified bases, a two-element specification and a brute-force evaluator of pure (distinct-neighbour) functions; the
/// single-element specification, random environments and site values come from the linked <c>BasisFixtures</c>.
/// </summary>
internal static class PurificationFixtures
{
    /// <summary>Two elements with a different radial basis (and cutoff) for the C-C pair.</summary>
    public static AceBasisSpecification TwoElements(params int[] degrees) =>
        new(["Si", "C"], new TransformedJacobiRadialSpecification(2.0, 4.5), degrees.Length,
            new TotalDegreeSelection(degrees.Select(d => (Rational)d).ToArray()),
            [new ElementPairRadial("C", "C", new TransformedJacobiRadialSpecification(1.6, 4.0, PIn: 1, PCut: 3))]);

    public static AceBasis Purified(AceBasisSpecification spec, PurificationKind kind = PurificationKind.Full, int remove = 0) =>
        AceBasis.Build(spec with { Purification = new PurificationOptions(kind, remove) });

    /// <summary>The same specification with every many-body radial basis fitted over it (K = <paramref name="primitiveCount"/>), W = delta.</summary>
    public static AceBasisSpecification FittedOver(AceBasisSpecification spec, int primitiveCount) => spec with
    {
        Radial = new FittedRadialSpecification(spec.Radial, primitiveCount),
        PairRadials = spec.PairRadials?.Select(o => o with { Radial = new FittedRadialSpecification(o.Radial, primitiveCount) }).ToArray(),
    };

    /// <summary>
    /// The basis of <paramref name="spec"/> (purified with <paramref name="kind"/>, or not when null) with fitted radials over
    /// its radial families (K = 8) whose rows W are moved off the delta start by uniform random amounts in [-0.2, 0.2].
    /// </summary>
    public static AceBasis RandomlyFitted(AceBasisSpecification spec, PurificationKind? kind, int seed, int remove = 0)
    {
        var start = AceBasis.Build(FittedOver(spec, 8) with { Purification = kind is { } k ? new PurificationOptions(k, remove) : null });
        var random = new Random(seed);
        var parameters = start.FittedRadialParameters!;
        var w = parameters.Values().Select(x => x + 0.4 * (random.NextDouble() - 0.5)).ToArray();
        return AceBasis.Build(parameters.Specification(w));
    }

    /// <summary>
    /// R(label, r) of a basis with fitted radials, read from its ordinary (unpurified) twin: the row of the label's channel
    /// (n, l) of the fitted radial basis of (center, the label's element), for <see cref="BruteForce(BasisFunctionLabel, Vec3[], int[], IReadOnlyList{string}, Func{int, int, IEnumerable{int[]}}, Func{OneParticleLabel, double, double})"/>.
    /// </summary>
    public static Func<OneParticleLabel, double, double> FittedRadial(AceBasis basis, int center)
    {
        var ordinary = AceBasis.Build(basis.Specification with { Purification = null });
        return (p, r) =>
        {
            int z = ordinary.SpeciesIndex(p.Element);
            var radial = ordinary.ManyBodyRadial(center, z)!;
            int row = ordinary.FittedRadialChannels(center, z)!.ToList().IndexOf(new RadialChannel(p.N, p.L));
            Assert.That(row, Is.GreaterThanOrEqualTo(0), $"channel {p}");
            var values = new double[radial.Count];
            radial.Evaluate(r, values, new double[radial.Count]);
            return values[row];
        };
    }

    /// <summary>The many-body radial basis of the pair (a, b) as the specification describes it, with <paramref name="count"/> functions.</summary>
    public static TransformedJacobiBasis Radial(AceBasisSpecification spec, string a, string b, int count)
    {
        var t = (TransformedJacobiRadialSpecification)(spec.PairRadials?.FirstOrDefault(o =>
            (o.ElementA == a && o.ElementB == b) || (o.ElementA == b && o.ElementB == a))?.Radial ?? spec.Radial);
        return new TransformedJacobiBasis(new AgnesiTransform(t.R0, t.CutoffRadius, t.P, t.Q), count, t.PIn, t.PCut);
    }

    /// <summary>
    /// Brute force, independent of the basis machinery: for the function <paramref name="label"/> with its coupling coefficients,
    /// sum over m-tuples of C times the sum over neighbour tuples accepted by <paramref name="tuples"/> of prod_t phi_t(r_{j_t}).
    /// </summary>
    public static double BruteForce(AceBasisSpecification spec, BasisFunctionLabel label, Vec3[] d, int[] s,
        IReadOnlyList<string> elements, Func<int, int, IEnumerable<int[]>> tuples) =>
        BruteForce(label, d, s, elements, tuples, (p, r) =>
        {
            var values = new double[p.N];
            Radial(spec, label.CenterElement, p.Element, p.N).Evaluate(r, values, new double[p.N]);
            return values[p.N - 1];
        });

    /// <summary>
    /// The same brute force with the radial function of each one-particle label given: <paramref name="radial"/>(label, r) is
    /// R of that label (for fitted radials it depends on n and l).
    /// </summary>
    public static double BruteForce(BasisFunctionLabel label, Vec3[] d, int[] s, IReadOnlyList<string> elements,
        Func<int, int, IEnumerable<int[]>> tuples, Func<OneParticleLabel, double, double> radial)
    {
        var labels = label.OneParticleLabels;
        int nu = labels.Count;
        // phi[t][m + l][j]
        var phi = new double[nu][][];
        for (int t = 0; t < nu; t++)
        {
            var p = labels[t];
            phi[t] = new double[2 * p.L + 1][];
            for (int mm = 0; mm <= 2 * p.L; mm++)
            {
                phi[t][mm] = new double[d.Length];
            }
            for (int j = 0; j < d.Length; j++)
            {
                if (elements[s[j]] != p.Element)
                {
                    continue;
                }
                double r = radial(p, d[j].Norm);
                var y = new double[RealSphericalHarmonics.Count(p.L)];
                RealSphericalHarmonics.Evaluate(p.L, d[j].X, d[j].Y, d[j].Z, y);
                for (int mm = 0; mm <= 2 * p.L; mm++)
                {
                    phi[t][mm][j] = r * y[RealSphericalHarmonics.Index(p.L, mm - p.L)];
                }
            }
        }
        var block = BasisFixtures.Coupling(labels);
        var tupleList = tuples(d.Length, nu).ToArray();
        double total = 0;
        for (int mt = 0; mt < block.MTupleCount; mt++)
        {
            var m = block.MTuple(mt).ToArray();
            double sum = 0;
            foreach (var j in tupleList)
            {
                double product = 1;
                for (int t = 0; t < nu && product != 0; t++)
                {
                    product *= phi[t][m[t] + labels[t].L][j[t]];
                }
                sum += product;
            }
            total += block.Coefficient(label.IndexInBlock, mt) * sum;
        }
        return total;
    }

    /// <summary>All ordered tuples of <paramref name="length"/> pairwise distinct neighbours out of <paramref name="count"/>.</summary>
    public static IEnumerable<int[]> DistinctTuples(int count, int length)
    {
        var current = new int[length];
        var used = new bool[count];
        IEnumerable<int[]> Recurse(int position)
        {
            if (position == length)
            {
                yield return (int[])current.Clone();
                yield break;
            }
            for (int j = 0; j < count; j++)
            {
                if (used[j])
                {
                    continue;
                }
                used[j] = true;
                current[position] = j;
                foreach (var t in Recurse(position + 1))
                {
                    yield return t;
                }
                used[j] = false;
            }
        }
        return Recurse(0);
    }

    /// <summary>All ordered tuples of <paramref name="length"/> neighbours out of <paramref name="count"/>, repeats allowed.</summary>
    public static IEnumerable<int[]> AllTuples(int count, int length)
    {
        int total = (int)Math.Pow(count, length);
        for (int code = 0; code < total; code++)
        {
            var t = new int[length];
            int rest = code;
            for (int i = 0; i < length; i++)
            {
                t[i] = rest % count;
                rest /= count;
            }
            yield return t;
        }
    }

    /// <summary>The tuples (j, j, ..., j): the fully diagonal self-term.</summary>
    public static IEnumerable<int[]> DiagonalTuples(int count, int length) =>
        Enumerable.Range(0, count).Select(j => Enumerable.Repeat(j, length).ToArray());
}
