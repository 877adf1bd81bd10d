using Ace.Core.Primitives;
using Ace.Core.TestUtilities;
using static Ace.Core.Basis.Tests.BasisFixtures;

namespace Ace.Core.Basis.Tests;

public class InvarianceTests
{
    private static void AssertInvariant(AceBasis basis, int center, Func<Vec3[], int[], (Vec3[], int[])> transform, int seed, string what)
    {
        var random = new Random(seed);
        var ws = basis.CreateWorkspace();
        for (int trial = 0; trial < 3; trial++)
        {
            var (d, s) = RandomEnvironment(random, basis, center, 9);
            var reference = Values(basis, center, d, s, ws);
            var (d2, s2) = transform(d, s);
            var moved = Values(basis, center, d2, s2, ws);
            double scale = MaxAbs(reference);
            Assert.That(scale, Is.GreaterThan(0));
            for (int f = 0; f < reference.Length; f++)
            {
                double tolerance = 1e-12 * Math.Max(Math.Abs(reference[f]), 1e-3 * scale);
                Assert.That(moved[f], Is.EqualTo(reference[f]).Within(tolerance),
                    $"{what}: function {basis.Functions[basis.ColumnRange(center).Start + f]}");
            }
        }
    }

    private static IEnumerable<TestCaseData> Bases()
    {
        yield return new TestCaseData(SingleElement(6, 8, 7, 6), 0).SetName("Si orders 1-4");
        yield return new TestCaseData(ThreeElements(), 1).SetName("Si-C-O orders 1-3, C center");
        yield return new TestCaseData(ThreeElements(), 2).SetName("Si-C-O orders 1-3, O center");
    }

    [TestCaseSource(nameof(Bases))]
    public void Values_are_invariant_under_random_rotations(AceBasisSpecification spec, int center)
    {
        var basis = AceBasis.Build(spec);
        var q = RandomGeometry.Rotation(new Random(7));
        AssertInvariant(basis, center, (d, s) => (d.Select(v => Apply(q, v)).ToArray(), s), 11, "rotation");
    }

    [TestCaseSource(nameof(Bases))]
    public void Values_are_invariant_under_random_reflections(AceBasisSpecification spec, int center)
    {
        var basis = AceBasis.Build(spec);
        var q = RandomGeometry.Reflection(new Random(8));
        AssertInvariant(basis, center, (d, s) => (d.Select(v => Apply(q, v)).ToArray(), s), 12, "reflection");
    }

    [TestCaseSource(nameof(Bases))]
    public void Values_are_invariant_under_permutations_of_neighbours(AceBasisSpecification spec, int center)
    {
        var basis = AceBasis.Build(spec);
        var random = new Random(9);
        AssertInvariant(basis, center, (d, s) =>
        {
            var order = Enumerable.Range(0, d.Length).OrderBy(_ => random.Next()).ToArray();
            return (order.Select(i => d[i]).ToArray(), order.Select(i => s[i]).ToArray());
        }, 13, "permutation");
    }

    [Test]
    public void Values_and_gradients_vanish_continuously_at_the_cutoff()
    {
        var basis = AceBasis.Build(ThreeElements(withPairBasis: false));
        var random = new Random(21);
        var (d, s) = RandomEnvironment(random, basis, 0, 6);
        var ws = basis.CreateWorkspace();
        var without = Values(basis, 0, d, s, ws);
        // Append a neighbour of species C moving towards the Si-C cutoff along a random direction.
        var (ux, uy, uz) = RandomGeometry.PointInShell(random, 1, 1);
        var u = new Vec3(ux, uy, uz);
        double cutoff = basis.Cutoff(0, 1);
        double previous = double.PositiveInfinity;
        foreach (double gap in new[] { 1e-1, 1e-2, 1e-3, 1e-4 })
        {
            var d2 = d.Append((cutoff - gap) * u).ToArray();
            var s2 = s.Append(1).ToArray();
            int n = d2.Length;
            var values = new double[without.Length];
            var gradients = new Vec3[without.Length * n];
            basis.EvaluateSiteWithGradients(0, d2, s2, values, gradients, ws);
            double valueChange = values.Zip(without, (a, b) => Math.Abs(a - b)).Max();
            double lastGradient = Enumerable.Range(0, values.Length).Max(f => gradients[f * n + n - 1].Norm);
            Assert.That(valueChange, Is.LessThan(previous), "the change must shrink as the neighbour approaches the cutoff");
            previous = valueChange;
            if (gap <= 1e-4)
            {
                Assert.That(valueChange, Is.LessThan(1e-6 * MaxAbs(without)));
                Assert.That(lastGradient, Is.LessThan(1e-3 * Math.Max(1, MaxAbs(without))));
            }
        }
        // Exactly at the cutoff the neighbour contributes nothing.
        var atCutoff = Values(basis, 0, d.Append(cutoff * u).ToArray(), s.Append(1).ToArray(), ws);
        for (int f = 0; f < atCutoff.Length; f++)
        {
            Assert.That(atCutoff[f], Is.EqualTo(without[f]).Within(1e-13 * Math.Max(1, Math.Abs(without[f]))));
        }
    }
}
