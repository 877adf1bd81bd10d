using Ace.Core.Basis;
using Ace.Core.Primitives;
using static Ace.Core.Basis.Tests.BasisFixtures;
using static Ace.Core.Basis.Tests.Purification.PurificationFixtures;

namespace Ace.Core.Basis.Tests.Purification;

/// <summary>
/// What each basis variant keeps on a dimer (one neighbour) and a trimer (two neighbours), against brute-force sums over
/// neighbour tuples: self-interacting keeps every tuple; pure2b drops the fully diagonal tuples (j, j, ..., j) of every
/// same-element function; full purification keeps pairwise distinct tuples only. The removed parts are at round-off. The same
/// holds for fitted radials with random rows W (the purified functions carry product channels instead of the product rule).
/// </summary>
public class VariantTests
{
    public enum Variant
    {
        SelfInteracting,
        Pure2b,
        Full,
    }

    [TestCase(Variant.SelfInteracting, 1, false)]
    [TestCase(Variant.SelfInteracting, 2, false)]
    [TestCase(Variant.Pure2b, 1, false)]
    [TestCase(Variant.Pure2b, 2, false)]
    [TestCase(Variant.Full, 1, false)]
    [TestCase(Variant.Full, 2, false)]
    [TestCase(Variant.SelfInteracting, 2, true)]
    [TestCase(Variant.Pure2b, 1, true)]
    [TestCase(Variant.Pure2b, 2, true)]
    [TestCase(Variant.Full, 1, true)]
    [TestCase(Variant.Full, 2, true)]
    [TestCase(Variant.Full, 3, true)]
    public void Each_variant_equals_its_brute_force_sum_on_dimers_and_trimers(Variant variant, int neighbours, bool fittedRadials)
    {
        var spec = TwoElements(4, 6, 5, 4);
        PurificationKind? kind = variant switch
        {
            Variant.SelfInteracting => null,
            Variant.Pure2b => PurificationKind.Pure2b,
            _ => PurificationKind.Full,
        };
        var basis = fittedRadials ? RandomlyFitted(spec, kind, seed: 5 + neighbours)
            : kind is { } k ? Purified(spec, k) : AceBasis.Build(spec);
        var random = new Random(17 + neighbours);
        int vanishing = 0, checkedFunctions = 0;
        for (int center = 0; center < 2; center++)
        {
            var range = basis.ColumnRange(center);
            var fittedRadial = fittedRadials ? FittedRadial(basis, center) : null;
            double Sum(BasisFunctionLabel label, Vec3[] d, int[] s, Func<int, int, IEnumerable<int[]>> tuples) => fittedRadial is null
                ? BruteForce(spec, label, d, s, basis.Elements, tuples)
                : BruteForce(label, d, s, basis.Elements, tuples, fittedRadial);
            for (int trial = 0; trial < 3; trial++)
            {
                // the second trial puts all neighbours on one element, the third on the other (mixed functions matter), each
                // pulled inside that element's cutoff
                var (d, s) = RandomEnvironment(random, basis, center, neighbours);
                if (trial > 0)
                {
                    s = Enumerable.Repeat(trial - 1, neighbours).ToArray();
                    double cutoff = 0.97 * basis.Cutoff(center, trial - 1);
                    d = d.Select(v => v.Norm > cutoff ? v * (cutoff / v.Norm) : v).ToArray();
                }
                var values = Values(basis, center, d, s);
                for (int f = 0; f < range.Count; f++)
                {
                    var label = basis.Functions[range.Start + f];
                    var p = label.OneParticleLabels;
                    double all = Sum(label, d, s, AllTuples);
                    double expected = variant switch
                    {
                        Variant.SelfInteracting => all,
                        Variant.Pure2b when p.Count >= 2 && p.All(x => x.Element == p[0].Element) =>
                            all - Sum(label, d, s, DiagonalTuples),
                        Variant.Pure2b => all,
                        _ => Sum(label, d, s, DistinctTuples),
                    };
                    double scale = Math.Max(1, Math.Abs(all));
                    Assert.That(values[f], Is.EqualTo(expected).Within(1e-10 * scale), $"{variant} {label} on {neighbours} neighbour(s)");
                    bool removed = variant == Variant.Full ? label.CorrelationOrder > neighbours
                        : variant == Variant.Pure2b && neighbours == 1 && label.CorrelationOrder >= 2;
                    if (removed)
                    {
                        Assert.That(Math.Abs(values[f]), Is.LessThan(1e-12 * scale), $"{variant} {label}: the removed part on {neighbours} neighbour(s)");
                        vanishing++;
                    }
                    checkedFunctions++;
                }
            }
        }
        Assert.That(checkedFunctions, Is.GreaterThan(100));
        if (variant == Variant.Full || (variant == Variant.Pure2b && neighbours == 1))
        {
            Assert.That(vanishing, Is.GreaterThan(neighbours < 3 ? 50 : 20), "order 4 alone vanishes on three neighbours");
        }
    }
}
