using Ace.Core.Basis;
using Ace.Core.Primitives;
using Ace.Core.Primitives.Radial;
using static Ace.Core.Basis.Tests.BasisFixtures;
using static Ace.Core.Basis.Tests.Purification.PurificationFixtures;

namespace Ace.Core.Basis.Tests.Purification;

/// <summary>
/// Purified bases with fitted radials: with W = identity rows they are the purified bases of the fixed family (whose product
/// rule they do not use), and for any W every many-body function of order &gt;= 2 vanishes on a dimer. The brute-force
/// comparisons on dimers and trimers are in <see cref="VariantTests"/>, the gradients in <see cref="GradientTests"/> and
/// the parameter gradient in FittedRadialTests.
/// </summary>
public class FittedRadialPurificationTests
{
    /// <summary>The pacemaker-like case: fitted radials over ChebExpCos (not product-closed), two elements, a pair basis.</summary>
    private static AceBasisSpecification ChebExpCosFitted(PurificationKind kind, int remove = 0) => new(
        ["Si", "C"], new FittedRadialSpecification(new ChebExpCosRadialSpecification(5.0), 8), 4,
        new MaxLabelSelection([6, 4, 3, 2], [0, 2, 2, 1]),
        PairBasis: new PairBasisSpecification(3, new TransformedJacobiRadialSpecification(2.0, 5.0, P: 1, Q: 3)))
    {
        Purification = new PurificationOptions(kind, remove),
    };

    [TestCase(PurificationKind.Pure2b, 0)]
    [TestCase(PurificationKind.Pure2b, 1)]
    [TestCase(PurificationKind.Full, 0)]
    public void With_identity_rows_it_is_the_purified_basis_of_the_fixed_family(PurificationKind kind, int remove)
    {
        var spec = TwoElements(4, 6, 5, 4);
        var fixedBasis = Purified(spec, kind, remove);
        var fitted = Purified(FittedOver(spec, 8), kind, remove);
        Assert.That(fitted.Functions.Select(f => f.ToString()), Is.EqualTo(fixedBasis.Functions.Select(f => f.ToString())));
        var random = new Random(23);
        var coefficients = Enumerable.Range(0, fixedBasis.FunctionCount).Select(_ => random.NextDouble() - 0.5).ToArray();
        var (fixedModel, fittedModel) = (fixedBasis.CreateEnergyModel(coefficients), fitted.CreateEnergyModel(coefficients));
        double worstValue = 0, worstGradient = 0;
        for (int center = 0; center < 2; center++)
        {
            for (int trial = 0; trial < 3; trial++)
            {
                var (d, s) = RandomEnvironment(random, fixedBasis, center, 4 + 3 * trial);
                int n = fixedBasis.SiteFunctionCount(center);
                var (v1, g1) = (new double[n], new Vec3[n * d.Length]);
                var (v2, g2) = (new double[n], new Vec3[n * d.Length]);
                fixedBasis.EvaluateSiteWithGradients(center, d, s, v1, g1, fixedBasis.CreateWorkspace());
                fitted.EvaluateSiteWithGradients(center, d, s, v2, g2, fitted.CreateWorkspace());
                double valueScale = MaxAbs(v1), gradientScale = g1.Max(g => g.Norm);
                worstValue = Math.Max(worstValue, v1.Zip(v2, (a, b) => Math.Abs(a - b)).Max() / valueScale);
                worstGradient = Math.Max(worstGradient, g1.Zip(g2, (a, b) => (a - b).Norm).Max() / gradientScale);

                var (f1, f2) = (new Vec3[d.Length], new Vec3[d.Length]);
                double e1 = fixedModel.EvaluateSiteEnergy(center, d, s, f1, fixedBasis.CreateWorkspace());
                double e2 = fittedModel.EvaluateSiteEnergy(center, d, s, f2, fitted.CreateWorkspace());
                Assert.That(e2, Is.EqualTo(e1).Within(1e-11 * Math.Max(1, Math.Abs(e1))), $"site energy, center {center}");
                double forceScale = f1.Max(f => f.Norm);
                Assert.That(f1.Zip(f2, (a, b) => (a - b).Norm).Max(), Is.LessThan(1e-11 * forceScale), $"forces, center {center}");
            }
        }
        Assert.That(worstValue, Is.LessThan(1e-12), "design values, relative to the site's largest");
        Assert.That(worstGradient, Is.LessThan(1e-12), "design gradients, relative to the site's largest");
    }

    [TestCase(PurificationKind.Pure2b)]
    [TestCase(PurificationKind.Full)]
    public void For_any_rows_every_function_of_order_two_or_more_vanishes_on_a_dimer(PurificationKind kind)
    {
        var start = AceBasis.Build(ChebExpCosFitted(kind));
        var random = new Random(29);
        var parameters = start.FittedRadialParameters!;
        double worst = 0;
        int checkedFunctions = 0;
        for (int draw = 0; draw < 3; draw++)
        {
            var w = parameters.Values().Select(_ => random.NextDouble() - 0.5).ToArray();
            var basis = AceBasis.Build(parameters.Specification(w));
            var ordinary = AceBasis.Build(basis.Specification with { Purification = null });
            for (int center = 0; center < 2; center++)
            {
                for (int neighbour = 0; neighbour < 2; neighbour++)
                {
                    var (d, _) = RandomEnvironment(random, basis, center, 1, rMin: 1.0, cutoffFraction: 0.9);
                    int[] s = [neighbour];
                    var pure = Values(basis, center, d, s);
                    var self = Values(ordinary, center, d, s);
                    var range = basis.ColumnRange(center);
                    for (int f = 0; f < range.Count; f++)
                    {
                        if (basis.Functions[range.Start + f].CorrelationOrder < 2)
                        {
                            Assert.That(pure[f], Is.EqualTo(self[f]), "order 1 is not changed");
                            continue;
                        }
                        worst = Math.Max(worst, Math.Abs(pure[f]) / MaxAbs(self.Take(range.Count)));
                        checkedFunctions++;
                    }
                }
            }
        }
        Assert.That(checkedFunctions, Is.GreaterThan(500));
        Assert.That(worst, Is.LessThan(1e-12), "dimer value relative to the largest self-interacting value of the site");
    }

    [Test]
    public void The_purified_basis_has_the_parameters_of_the_channels_it_uses_and_product_functions_after_them()
    {
        var basis = AceBasis.Build(ChebExpCosFitted(PurificationKind.Pure2b, remove: 1));
        var ordinary = AceBasis.Build(basis.Specification with { Purification = null });
        var parameters = basis.FittedRadialParameters!;
        // order 1 (n up to 6, l = 0) is removed, so the channels n = 5, 6 used by it alone carry no parameters
        Assert.That(parameters.Count, Is.LessThan(ordinary.FittedRadialParameters!.Count));
        Assert.That(parameters.Blocks.Max(b => b.N), Is.EqualTo(4));
        for (int c = 0; c < 2; c++)
        {
            for (int z = 0; z < 2; z++)
            {
                var radial = (FittedRadialBasis)basis.ManyBodyRadial(c, z)!;
                Assert.That(radial.FittedCount, Is.EqualTo(basis.FittedRadialChannels(c, z)!.Count));
                Assert.That(radial.Products, Is.Not.Empty, "every same-element function of order >= 2 needs its diagonal product");
                Assert.That(radial.Count, Is.EqualTo(radial.FittedCount + radial.Products.Count));
            }
        }
        // pure2b's correction is pair-like: every term on a product channel is that single order-1 function with l = 0
        var random = new Random(3);
        var coefficients = Enumerable.Range(0, basis.FunctionCount).Select(_ => random.NextDouble() - 0.5).ToArray();
        for (int c = 0; c < 2; c++)
        {
            var fittedChannels = Enumerable.Range(0, 2).Select(z => basis.FittedRadialChannels(c, z)!.ToHashSet()).ToArray();
            var onProducts = basis.ExpandSiteEnergy(c, coefficients)
                .Where(t => t.Factors.Any(f => !fittedChannels[f.Species].Contains(new RadialChannel(f.N, f.L)))).ToList();
            Assert.That(onProducts.All(t => t.Factors.Count == 1 && t.Factors[0] is { L: 0, M: 0 }), Is.True);
            for (int z = 0; z < 2; z++)
            {
                Assert.That(onProducts.Count(t => t.Factors[0].Species == z), Is.EqualTo(((FittedRadialBasis)basis.ManyBodyRadial(c, z)!).Products.Count));
            }
        }
        var w = parameters.Values().Select(x => x + 0.1 * (random.NextDouble() - 0.5)).ToArray();
        var again = AceBasis.Build(parameters.Specification(w));
        Assert.That(again.Purification, Is.EqualTo(basis.Purification));
        Assert.That(again.FittedRadialParameters!.Values(), Is.EqualTo(w));
        Assert.That(again.FittedRadialParameters.Blocks, Is.EqualTo(parameters.Blocks));
    }

    [Test]
    public void A_fixed_family_without_a_product_rule_is_still_refused_and_the_message_offers_fitted_radials()
    {
        var spec = new AceBasisSpecification(["Si"], new ChebExpCosRadialSpecification(5.0), 2, new MaxLabelSelection([4, 3], [0, 2]))
        {
            Purification = new PurificationOptions(PurificationKind.Pure2b),
        };
        Assert.That(() => AceBasis.Build(spec), Throws.ArgumentException.With.Message.Contains("not product-closed").And.Message.Contains("FittedRadialSpecification"));
    }
}
