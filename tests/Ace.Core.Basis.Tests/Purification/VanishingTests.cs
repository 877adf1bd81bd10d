using Ace.Core.Basis;
using Ace.Core.Primitives;
using static Ace.Core.Basis.Tests.BasisFixtures;
using static Ace.Core.Basis.Tests.Purification.PurificationFixtures;

namespace Ace.Core.Basis.Tests.Purification;

/// <summary>Pure functions of correlation order nu are zero on atoms with fewer than nu neighbours.</summary>
public class VanishingTests
{
    private static IEnumerable<TestCaseData> Specs()
    {
        yield return new TestCaseData(SingleElement(8, 8, 6, 5)).SetName("Si, orders 1-4");
        yield return new TestCaseData(TwoElements(5, 6, 5, 4)).SetName("Si+C, orders 1-4");
    }

    [TestCaseSource(nameof(Specs))]
    public void Order_nu_functions_vanish_on_fewer_than_nu_neighbours(AceBasisSpecification spec)
    {
        var basis = Purified(spec);
        var random = new Random(3);
        var ws = basis.CreateWorkspace();
        for (int center = 0; center < basis.Elements.Count; center++)
        {
            var range = basis.ColumnRange(center);
            var size = new double[range.Count];
            for (int trial = 0; trial < 6; trial++)
            {
                var (d, s) = RandomEnvironment(random, basis, center, 10);
                var v = Values(basis, center, d, s, ws);
                for (int f = 0; f < range.Count; f++)
                {
                    size[f] = Math.Max(size[f], Math.Abs(v[f]));
                }
            }
            for (int neighbours = 1; neighbours < basis.MaxCorrelationOrder; neighbours++)
            {
                for (int trial = 0; trial < 4; trial++)
                {
                    var (d, s) = RandomEnvironment(random, basis, center, neighbours);
                    var v = Values(basis, center, d, s, ws);
                    for (int f = 0; f < range.Count; f++)
                    {
                        var label = basis.Functions[range.Start + f];
                        Assert.That(size[f], Is.GreaterThan(0), $"{label} is zero on full environments");
                        if (label.CorrelationOrder > neighbours)
                        {
                            Assert.That(Math.Abs(v[f]), Is.LessThan(1e-12 * size[f]), $"{label} on {neighbours} neighbour(s)");
                        }
                    }
                }
            }
        }
    }

    [TestCase(PurificationKind.Full)]
    [TestCase(PurificationKind.Pure2b)]
    public void Functions_that_vanish_identically_are_exact_zeros_in_values_and_gradients(PurificationKind kind)
    {
        // The kernels cancel the self-interaction only to rounding; the basis writes the exact zeros (a weak prior would
        // otherwise fit the rounding). Full: order nu needs nu neighbours; pure2b: order >= 2 needs two.
        var basis = Purified(SingleElement(8, 8, 6, 5), kind, remove: 1);
        var random = new Random(21);
        var ws = basis.CreateWorkspace();
        for (int neighbours = 1; neighbours <= basis.MaxCorrelationOrder; neighbours++)
        {
            var (d, s) = RandomEnvironment(random, basis, 0, neighbours);
            var values = new double[basis.SiteFunctionCount(0)];
            var gradients = new Vec3[values.Length * neighbours];
            basis.EvaluateSiteWithGradients(0, d, s, values, gradients, ws);
            var plain = Values(basis, 0, d, s, ws);
            int nonZero = 0;
            foreach (var f in basis.FunctionsOfOrder(2).Concat(basis.FunctionsOfOrder(3)).Concat(basis.FunctionsOfOrder(4)))
            {
                bool vanishes = kind == PurificationKind.Full ? f.CorrelationOrder > neighbours : neighbours < 2;
                var g = gradients.AsSpan(f.Column * neighbours, neighbours).ToArray();
                if (vanishes)
                {
                    Assert.That(values[f.Column], Is.EqualTo(0.0), $"{f} on {neighbours} neighbour(s)");
                    Assert.That(plain[f.Column], Is.EqualTo(0.0), $"{f} on {neighbours} neighbour(s), values only");
                    Assert.That(g.All(x => x == default), $"{f} on {neighbours} neighbour(s): gradient");
                }
                else if (Math.Abs(values[f.Column]) > 1e-8)
                {
                    nonZero++;
                }
            }
            // The control: with two or more neighbours some functions (order 2 at least) live in both variants.
            Assert.That(nonZero, neighbours >= 2 ? Is.GreaterThan(0) : Is.Zero, $"functions with enough neighbours are not zeroed ({neighbours})");
        }
    }

    [Test]
    public void The_self_interacting_basis_does_not_vanish_on_a_dimer()
    {
        // The control: the same check fails for the ordinary basis, so the test above can fail.
        var basis = AceBasis.Build(SingleElement(8, 8, 6));
        var (d, s) = RandomEnvironment(new Random(4), basis, 0, 1);
        var v = Values(basis, 0, d, s);
        var higher = basis.Functions.Where(f => f.CorrelationOrder >= 2).Select(f => Math.Abs(v[f.Column]));
        Assert.That(higher.Count(x => x > 1e-6), Is.GreaterThan(10));
    }

    [TestCase(PurificationKind.Full)]
    [TestCase(PurificationKind.Pure2b)]
    public void Dimer_energy_is_zero_once_order_one_is_removed(PurificationKind kind)
    {
        var spec = TwoElements(6, 6, 5, 4) with
        {
            PairBasis = new PairBasisSpecification(3, new TransformedJacobiRadialSpecification(2.0, 4.5, P: 1, Q: 3)),
        };
        var basis = Purified(spec, kind, remove: 1);
        Assert.That(basis.CountByOrder(1), Is.Zero);
        var random = new Random(8);
        var coefficients = Enumerable.Range(0, basis.FunctionCount).Select(_ => random.NextDouble() - 0.5).ToArray();
        foreach (var f in basis.Functions)
        {
            // The many-body part alone: both variants remove every one-neighbour self-term.
            if (f.Kind == BasisFunctionKind.Pair)
            {
                coefficients[f.Column] = 0;
            }
        }
        var model = basis.CreateEnergyModel(coefficients);
        var ws = basis.CreateWorkspace();
        for (int center = 0; center < 2; center++)
        {
            var (full, fullSpecies) = RandomEnvironment(random, basis, center, 10);
            double scale = Math.Abs(model.EvaluateSiteEnergy(center, full, fullSpecies, ws));
            Assert.That(scale, Is.GreaterThan(1e-3));
            for (int other = 0; other < 2; other++)
            {
                foreach (double r in new[] { 1.1, 2.0, 2.9, 3.8 })
                {
                    var d = new[] { new Vec3(0.3 * r, -0.4 * r, Math.Sqrt(0.75) * r) };
                    var force = new Vec3[1];
                    double e = model.EvaluateSiteEnergy(center, d, [other], force, ws);
                    Assert.That(Math.Abs(e), Is.LessThan(1e-12 * scale), $"{kind} dimer {basis.Elements[center]}-{basis.Elements[other]} at {r}");
                    Assert.That(force[0].Norm, Is.LessThan(1e-11 * scale));
                }
            }
        }
    }

    [Test]
    public void Pure2b_functions_of_every_l_vanish_on_one_neighbour_but_keep_their_partly_diagonal_terms_on_two()
    {
        var spec = SingleElement(6, 8, 6);
        var basis = Purified(spec, PurificationKind.Pure2b);
        var random = new Random(2);
        var (d1, s1) = RandomEnvironment(random, basis, 0, 1);
        var dimer = Values(basis, 0, d1, s1);
        var (d2, s2) = RandomEnvironment(random, basis, 0, 2);
        var trimer = Values(basis, 0, d2, s2);
        int withL = 0, order3Alive = 0;
        foreach (var f in basis.Functions.Where(f => f.CorrelationOrder >= 2))
        {
            Assert.That(Math.Abs(dimer[f.Column]), Is.LessThan(1e-12), f.ToString());
            withL += f.OneParticleLabels.Any(p => p.L > 0) ? 1 : 0;
            order3Alive += f.CorrelationOrder == 3 && Math.Abs(trimer[f.Column]) > 1e-6 ? 1 : 0;
        }
        Assert.That(withL, Is.GreaterThan(5), "functions with l > 0 are corrected too (ACE1x)");
        Assert.That(order3Alive, Is.GreaterThan(5), "pure2b keeps the terms with two equal neighbours out of three");
    }
}
