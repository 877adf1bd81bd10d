using Ace.Core.Primitives.Coupling;

namespace Ace.Core.Primitives.Tests.Coupling;

public class MultiplicityTests
{
    /// <summary>Brute force: weight multiplicities of the product of Sym^k(V_l) by enumerating multisets of m.</summary>
    private static Dictionary<int, long> Weights(int[] l, int[] classes)
    {
        var total = new Dictionary<int, long> { [0] = 1 };
        int t = 0;
        while (t < l.Length)
        {
            int k = 1;
            while (t + k < l.Length && classes[t + k] == classes[t])
            {
                k++;
            }
            var run = new Dictionary<int, long>();
            AddMultisets(l[t], k, -l[t], 0, run);
            var product = new Dictionary<int, long>();
            foreach (var (a, x) in total)
            {
                foreach (var (b, y) in run)
                {
                    product[a + b] = product.GetValueOrDefault(a + b) + x * y;
                }
            }
            total = product;
            t += k;
        }
        return total;
    }

    private static void AddMultisets(int l, int remaining, int minM, int sum, Dictionary<int, long> weights)
    {
        if (remaining == 0)
        {
            weights[sum] = weights.GetValueOrDefault(sum) + 1;
            return;
        }
        for (int m = minM; m <= l; m++)
        {
            AddMultisets(l, remaining - 1, m, sum + m, weights);
        }
    }

    [Test]
    public void EqualsTheBruteForceWeightCount()
    {
        var random = new Random(9);
        for (int trial = 0; trial < 200; trial++)
        {
            int order = random.Next(1, 7);
            var l = new int[order];
            var classes = new int[order];
            for (int t = 0; t < order; t++)
            {
                bool repeat = t > 0 && random.Next(2) == 0;
                l[t] = repeat ? l[t - 1] : random.Next(0, 6);
                classes[t] = repeat ? classes[t - 1] : t;
            }
            var weights = Weights(l, classes);
            long expected = weights.GetValueOrDefault(0) - weights.GetValueOrDefault(1);
            Assert.That(CouplingCoefficients.Multiplicity(l, classes), Is.EqualTo(expected),
                $"l=({string.Join(",", l)}) classes=({string.Join(",", classes)})");
        }
    }

    [Test]
    public void EqualsTheCharacterIntegralByQuadrature()
    {
        // (1/pi) int_0^pi (1 - cos w) chi(w) dw with chi_l(w) = sin((2l+1)w/2) / sin(w/2) and the Polya formulas
        // Sym^2: (p1^2 + p2)/2, Sym^3: (p1^3 + 3 p1 p2 + 2 p3)/6, evaluated with the midpoint rule (exact for
        // trigonometric polynomials of degree below the point count).
        static double Chi(int l, double w) => Math.Abs(Math.Sin(w / 2)) < 1e-300 ? 2 * l + 1 : Math.Sin((2 * l + 1) * w / 2) / Math.Sin(w / 2);
        var cases = new (int[] L, int[] Classes, Func<double, double> Character)[]
        {
            ([3, 3, 4], [0, 0, 1], w => (Chi(3, w) * Chi(3, w) + Chi(3, 2 * w)) / 2 * Chi(4, w)),
            ([2, 2, 2], [0, 0, 0], w => (Math.Pow(Chi(2, w), 3) + 3 * Chi(2, w) * Chi(2, 2 * w) + 2 * Chi(2, 3 * w)) / 6),
            ([4, 4, 4, 5, 5], [0, 0, 0, 1, 1], w => (Math.Pow(Chi(4, w), 3) + 3 * Chi(4, w) * Chi(4, 2 * w) + 2 * Chi(4, 3 * w)) / 6
                * (Chi(5, w) * Chi(5, w) + Chi(5, 2 * w)) / 2),
            ([1, 2, 3, 4], [0, 1, 2, 3], w => Chi(1, w) * Chi(2, w) * Chi(3, w) * Chi(4, w)),
        };
        foreach (var (l, classes, character) in cases)
        {
            const int points = 400;
            double integral = 0;
            for (int p = 0; p < points; p++)
            {
                double w = Math.PI * (p + 0.5) / points;
                integral += (1 - Math.Cos(w)) * character(w);
            }
            integral /= points;
            Assert.That(CouplingCoefficients.Multiplicity(l, classes), Is.EqualTo(Math.Round(integral)));
            Assert.That(integral, Is.EqualTo(Math.Round(integral)).Within(1e-9), "the quadrature is exact");
        }
    }

    [Test]
    public void KnownSmallMultiplicities()
    {
        Assert.That(CouplingCoefficients.Multiplicity([2, 2, 2], [0, 1, 2]), Is.EqualTo(1));
        Assert.That(CouplingCoefficients.Multiplicity([1, 1, 1], [0, 1, 2]), Is.EqualTo(1));
        Assert.That(CouplingCoefficients.Multiplicity([1, 1, 1], [0, 0, 0]), Is.EqualTo(0));
        Assert.That(CouplingCoefficients.Multiplicity([1, 1, 1, 1], [0, 1, 2, 3]), Is.EqualTo(3));
        Assert.That(CouplingCoefficients.Multiplicity([1, 1, 1, 1], [0, 0, 0, 0]), Is.EqualTo(1));
        // Quartic invariants of a traceless symmetric 3x3 matrix: only (tr A^2)^2 (Cayley-Hamilton), so 1; distinct labels: 5.
        Assert.That(CouplingCoefficients.Multiplicity([2, 2, 2, 2], [0, 0, 0, 0]), Is.EqualTo(1));
        Assert.That(CouplingCoefficients.Multiplicity([2, 2, 2, 2], [0, 1, 2, 3]), Is.EqualTo(5));
    }
}
