using Ace.Core.Primitives.Coupling;

namespace Ace.Core.Primitives.Tests.Coupling;

public class ClebschGordanTests
{
    private static double Cg(int j1, int m1, int j2, int m2, int j, int m) => ClebschGordan.Coefficient(j1, m1, j2, m2, j, m);

    [TestCase(1, 1, 1, -1, 0, 0, 1.0 / 3.0, 1)]
    [TestCase(1, 0, 1, 0, 0, 0, 1.0 / 3.0, -1)]
    [TestCase(1, -1, 1, 1, 0, 0, 1.0 / 3.0, 1)]
    [TestCase(1, 1, 1, 0, 1, 1, 1.0 / 2.0, 1)]
    [TestCase(1, 0, 1, 1, 1, 1, 1.0 / 2.0, -1)]
    [TestCase(1, 1, 1, -1, 1, 0, 1.0 / 2.0, 1)]
    [TestCase(1, 1, 1, -1, 2, 0, 1.0 / 6.0, 1)]
    [TestCase(1, 0, 1, 0, 2, 0, 2.0 / 3.0, 1)]
    [TestCase(1, 1, 1, 0, 2, 1, 1.0 / 2.0, 1)]
    [TestCase(2, 1, 1, -1, 1, 0, 3.0 / 10.0, 1)]
    [TestCase(2, 0, 1, 0, 1, 0, 2.0 / 5.0, -1)]
    [TestCase(2, 2, 2, -2, 0, 0, 1.0 / 5.0, 1)]
    [TestCase(2, 0, 2, 0, 2, 0, 2.0 / 7.0, -1)]
    [TestCase(2, 1, 2, -1, 2, 0, 1.0 / 14.0, 1)]
    [TestCase(2, 0, 2, 0, 4, 0, 18.0 / 35.0, 1)]
    public void MatchesTableValues(int j1, int m1, int j2, int m2, int j, int m, double square, int sign)
    {
        Assert.That(Cg(j1, m1, j2, m2, j, m), Is.EqualTo(sign * Math.Sqrt(square)).Within(2e-16));
    }

    [Test]
    public void MatchesClosedFormsToRoundingForLargeMomenta()
    {
        for (int l = 0; l <= 40; l += 5)
        {
            for (int m = -l; m <= l; m++)
            {
                double expected = ((l - m) % 2 == 0 ? 1.0 : -1.0) / Math.Sqrt(2 * l + 1);
                Assert.That(Cg(l, m, l, -m, 0, 0), Is.EqualTo(expected).Within(4e-16 * Math.Abs(expected)));
                if (l > 0)
                {
                    // <l m 1 0 | l m> = m / sqrt(l (l + 1)).
                    double vector = m / Math.Sqrt(l * (l + 1.0));
                    Assert.That(Cg(l, m, 1, 0, l, m), Is.EqualTo(vector).Within(4e-16));
                }
            }
            Assert.That(Cg(l, l, 17, 17, l + 17, l + 17), Is.EqualTo(1.0).Within(2e-16), "stretched state");
        }
    }

    [TestCase(1, 1)]
    [TestCase(2, 3)]
    [TestCase(4, 4)]
    [TestCase(6, 3)]
    [TestCase(7, 5)]
    public void FirstOrthogonalityRelation(int j1, int j2)
    {
        // sum_{m1 m2} <j1 m1 j2 m2|j m><j1 m1 j2 m2|j' m'> = delta_jj' delta_mm'.
        for (int j = Math.Abs(j1 - j2); j <= j1 + j2; j++)
        {
            for (int jp = Math.Abs(j1 - j2); jp <= j1 + j2; jp++)
            {
                for (int m = -Math.Min(j, jp); m <= Math.Min(j, jp); m++)
                {
                    double sum = 0;
                    for (int m1 = -j1; m1 <= j1; m1++)
                    {
                        sum += Cg(j1, m1, j2, m - m1, j, m) * Cg(j1, m1, j2, m - m1, jp, m);
                    }
                    Assert.That(sum, Is.EqualTo(j == jp ? 1.0 : 0.0).Within(1e-14), $"j={j} j'={jp} m={m}");
                }
            }
        }
    }

    [TestCase(1, 1)]
    [TestCase(2, 3)]
    [TestCase(5, 4)]
    public void SecondOrthogonalityRelation(int j1, int j2)
    {
        // sum_{j m} <j1 m1 j2 m2|j m><j1 m1' j2 m2'|j m> = delta_m1m1' delta_m2m2'.
        for (int m1 = -j1; m1 <= j1; m1++)
        {
            for (int m2 = -j2; m2 <= j2; m2++)
            {
                for (int m1p = -j1; m1p <= j1; m1p++)
                {
                    int m2p = m1 + m2 - m1p;
                    if (Math.Abs(m2p) > j2)
                    {
                        continue;
                    }
                    double sum = 0;
                    for (int j = Math.Abs(j1 - j2); j <= j1 + j2; j++)
                    {
                        sum += Cg(j1, m1, j2, m2, j, m1 + m2) * Cg(j1, m1p, j2, m2p, j, m1 + m2);
                    }
                    Assert.That(sum, Is.EqualTo(m1 == m1p ? 1.0 : 0.0).Within(1e-14));
                }
            }
        }
    }

    [Test]
    public void SymmetryRelations()
    {
        var random = new Random(11);
        for (int trial = 0; trial < 300; trial++)
        {
            int j1 = random.Next(0, 9), j2 = random.Next(0, 9);
            int j = random.Next(Math.Abs(j1 - j2), j1 + j2 + 1);
            int m1 = random.Next(-j1, j1 + 1), m2 = random.Next(-j2, j2 + 1);
            int m = m1 + m2;
            double c = Cg(j1, m1, j2, m2, j, m);
            double phase = (j1 + j2 - j) % 2 == 0 ? 1.0 : -1.0;
            Assert.That(Cg(j2, m2, j1, m1, j, m), Is.EqualTo(phase * c).Within(1e-15), "exchange");
            Assert.That(Cg(j1, -m1, j2, -m2, j, -m), Is.EqualTo(phase * c).Within(1e-15), "reversal of projections");
            // <j1 m1 j2 m2|j m> = (-1)^(j1-m1) sqrt((2j+1)/(2j2+1)) <j1 m1 j -m|j2 -m2>.
            double swap = ((j1 - m1) % 2 == 0 ? 1.0 : -1.0) * Math.Sqrt((2.0 * j + 1) / (2.0 * j2 + 1));
            Assert.That(c, Is.EqualTo(swap * Cg(j1, m1, j, -m, j2, -m2)).Within(1e-14), "j <-> j2");
        }
    }

    [Test]
    public void SelectionRulesGiveZero()
    {
        Assert.That(Cg(1, 1, 1, 1, 2, 1), Is.Zero, "m1 + m2 != m");
        Assert.That(Cg(1, 0, 1, 0, 3, 0), Is.Zero, "triangle violated");
        Assert.That(Cg(1, 2, 1, -2, 0, 0), Is.Zero, "|m1| > j1");
        Assert.That(Cg(1, 0, 1, 0, 1, 0), Is.Zero, "vanishing by parity");
    }

    [Test]
    public void ConcurrentCallsAgree()
    {
        var expected = Enumerable.Range(0, 200).Select(i => Cg(8 + i % 5, 1, 7, -1, 3 + i % 9, 0)).ToArray();
        var results = new double[200];
        Parallel.For(0, 200, i => results[i] = ClebschGordan.Coefficient(8 + i % 5, 1, 7, -1, 3 + i % 9, 0));
        Assert.That(results, Is.EqualTo(expected));
    }

    [Test]
    public void NegativeMomentumThrows()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Cg(-1, 0, 1, 0, 1, 0));
        Assert.That(e!.ParamName, Is.EqualTo("j1"));
        Assert.That(e.Message, Does.Contain("-1"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => Cg(1, 0, -2, 0, 1, 0))!.ParamName, Is.EqualTo("j2"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => Cg(1, 0, 1, 0, -3, 0))!.ParamName, Is.EqualTo("j"));
    }
}
