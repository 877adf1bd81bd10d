using Ace.Core.Basis;
using Ace.Core.Primitives;
using static Ace.Core.Basis.Tests.BasisFixtures;
using static Ace.Core.Basis.Tests.Purification.PurificationFixtures;

namespace Ace.Core.Basis.Tests.Purification;

/// <summary>
/// What each basis variant keeps on a dimer (one neighbour) and a trimer (two neighbours), against brute-force sums over
/// neighbour tuples: self-interacting keeps every tuple; pure2b drops the fully diagonal tuples (j, j, ..., j) of every
/// same-element function; full purification keeps pairwise distinct tuples only. The removed parts are at round-off.
/// </summary>
public class VariantTests
{
    public enum Variant
    {
        SelfInteracting,
        Pure2b,
        Full,
    }

    [TestCase(Variant.SelfInteracting, 1)]
    [TestCase(Variant.SelfInteracting, 2)]
    [TestCase(Variant.Pure2b, 1)]
    [TestCase(Variant.Pure2b, 2)]
    [TestCase(Variant.Full, 1)]
    [TestCase(Variant.Full, 2)]
    public void Each_variant_equals_its_brute_force_sum_on_dimers_and_trimers(Variant variant, int neighbours)
    {
        var spec = TwoElements(4, 6, 5, 4);
        var basis = variant switch
        {
            Variant.SelfInteracting => AceBasis.Build(spec),
            Variant.Pure2b => Purified(spec, PurificationKind.Pure2b),
            _ => Purified(spec, PurificationKind.Full),
        };
        var random = new Random(17 + neighbours);
        int vanishing = 0, checkedFunctions = 0;
        for (int center = 0; center < 2; center++)
        {
            var range = basis.ColumnRange(center);
            for (int trial = 0; trial < 3; trial++)
            {
                // the second trial puts both neighbours on one element, the third on the other (mixed functions matter)
                var (d, s) = RandomEnvironment(random, basis, center, neighbours);
                if (trial > 0)
                {
                    s = Enumerable.Repeat(trial - 1, neighbours).ToArray();
                }
                var values = Values(basis, center, d, s);
                for (int f = 0; f < range.Count; f++)
                {
                    var label = basis.Functions[range.Start + f];
                    var p = label.OneParticleLabels;
                    double all = BruteForce(spec, label, d, s, basis.Elements, AllTuples);
                    double expected = variant switch
                    {
                        Variant.SelfInteracting => all,
                        Variant.Pure2b when p.Count >= 2 && p.All(x => x.Element == p[0].Element) =>
                            all - BruteForce(spec, label, d, s, basis.Elements, DiagonalTuples),
                        Variant.Pure2b => all,
                        _ => BruteForce(spec, label, d, s, basis.Elements, DistinctTuples),
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
            Assert.That(vanishing, Is.GreaterThan(50));
        }
    }
}
