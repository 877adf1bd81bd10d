using Ace.Core.Basis;
using Ace.Core.Primitives;
using Ace.Core.TestUtilities;
using static Ace.Core.Basis.Tests.BasisFixtures;
using static Ace.Core.Basis.Tests.Purification.PurificationFixtures;

namespace Ace.Core.Basis.Tests.Purification;

/// <summary>Pure B functions are invariant under rotations, reflections and permutations of the neighbours.</summary>
public class InvarianceTests
{
    [TestCase(PurificationKind.Full)]
    [TestCase(PurificationKind.Pure2b)]
    public void Pure_functions_are_rotation_reflection_and_permutation_invariant(PurificationKind kind)
    {
        var basis = Purified(TwoElements(5, 6, 5, 4), kind);
        var random = new Random(21);
        var ws = basis.CreateWorkspace();
        for (int center = 0; center < 2; center++)
        {
            for (int trial = 0; trial < 3; trial++)
            {
                var (d, s) = RandomEnvironment(random, basis, center, 8);
                var v = Values(basis, center, d, s, ws);
                Assert.That(MaxAbs(v), Is.GreaterThan(1e-3));
                foreach (var q in new[] { RandomGeometry.Rotation(random), RandomGeometry.Reflection(random) })
                {
                    var w = Values(basis, center, d.Select(x => Apply(q, x)).ToArray(), s, ws);
                    AssertClose(w, v, "rotated/reflected");
                }
                var perm = Enumerable.Range(0, d.Length).OrderBy(_ => random.Next()).ToArray();
                var p = Values(basis, center, perm.Select(i => d[i]).ToArray(), perm.Select(i => s[i]).ToArray(), ws);
                AssertClose(p, v, "permuted");
            }
        }
    }

    private static void AssertClose(double[] actual, double[] expected, string what)
    {
        for (int f = 0; f < expected.Length; f++)
        {
            Assert.That(actual[f], Is.EqualTo(expected[f]).Within(1e-11 * Math.Max(1, Math.Abs(expected[f]))), $"{what}, function {f}");
        }
    }
}
