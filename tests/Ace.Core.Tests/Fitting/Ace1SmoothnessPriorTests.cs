using Ace.Core.Basis;
using Ace.Core.Fitting;
using Ace.Core.Solvers;

namespace Ace.Core.Tests.Fitting;

/// <summary>
/// ACE1's algebraic smoothness prior against values derived by hand from ACE1.jl's formulas: d_B = sqrt(sum_AA A2B^2 w_AA^2),
/// w = sum over factors of n^p + w_L (l^p + |m|^p), rows normalised as <c>rpi_basis</c> does (norm |S| of the symmetric
/// coefficient vector), ACE1's radial functions sqrt 2 times ours.
/// </summary>
public class Ace1SmoothnessPriorTests
{
    private static readonly double Sqrt2 = Math.Sqrt(2);

    private static AceBasis Small(PurificationOptions? purification = null)
    {
        var builder = LinearAce.Basis("Si").Cutoff(5.0).Radial(r0: 2.3).TotalDegree(8, 10).PairBasis(4);
        return (purification is null ? builder : builder.WithoutCorrelationOrderOne().Purify(purification)).Build();
    }

    private static BasisFunctionLabel Function(AceBasis basis, params (int N, int L)[] labels) =>
        basis.Functions.Single(f => f.Kind == BasisFunctionKind.ManyBody && f.OneParticleLabels.Select(o => (o.N, o.L)).SequenceEqual(labels));

    [Test]
    public void A_single_l0_function_has_degree_n_to_the_p_and_the_radial_scale()
    {
        // Order 1, l = 0: A2B = [1] (one m-tuple, no permutations), w = n^p; ACE1's A = sqrt 2 ours.
        var basis = Small();
        var terms = Ace1SmoothnessPrior.Terms(basis, p: 4);
        foreach (int n in new[] { 1, 3, 5 })
        {
            int column = Function(basis, (n, 0)).Column;
            Assert.That(terms.Degrees[column], Is.EqualTo(Math.Pow(n, 4)).Within(1e-12 * Math.Pow(n, 4)));
            Assert.That(terms.Scales[column], Is.EqualTo(Sqrt2).Within(1e-14));
        }
        // A pair function n: d = n^p, and ACE1's pair functions are sqrt 2 ours as well.
        int pair = basis.PairColumn(0, 0, 3);
        Assert.That(terms.Degrees[pair], Is.EqualTo(81));
        Assert.That(terms.Scales[pair], Is.EqualTo(Sqrt2));
        Assert.That(terms.Prior().Diagonal[pair], Is.EqualTo(82 / Sqrt2).Within(1e-12));
    }

    [Test]
    public void A_two_factor_l1_coupling_matches_the_hand_derived_ace1_row()
    {
        var basis = Small();
        const int p = 4;
        const double wL = 1.0;
        var terms = Ace1SmoothnessPrior.Terms(basis, p, wL);

        // Distinct labels (n1, 1), (n2, 1): the invariant over (m1, m2) = (-1, 1), (0, 0), (1, -1) is (1, -1, 1) / sqrt 3,
        // no permutation fixes the labels (|S| = 1), so A2B is that row; s = (sqrt 2)^2 for the two radial factors.
        int distinct = Function(basis, (1, 1), (2, 1)).Column;
        double sum = Math.Pow(1, p) + Math.Pow(2, p);
        double expected = Math.Sqrt(2.0 / 3 * Math.Pow(sum + 4 * wL, 2) + 1.0 / 3 * Math.Pow(sum + 2 * wL, 2));
        Assert.That(terms.Degrees[distinct], Is.EqualTo(expected).Within(1e-12 * expected));
        Assert.That(terms.Scales[distinct], Is.EqualTo(2).Within(1e-13));

        // Identical labels (2, 1), (2, 1): |S| = 2, the Gramian is 2, so the row is sqrt 2 (1, -1, 1) / sqrt 3; merged onto
        // sorted products (-1, 1) gets 2 sqrt 2 / sqrt 3 and (0, 0) keeps sqrt 2 / sqrt 3.
        int identical = Function(basis, (2, 1), (2, 1)).Column;
        double two = 2 * Math.Pow(2, p);
        double expectedIdentical = Math.Sqrt(8.0 / 3 * Math.Pow(two + 4 * wL, 2) + 2.0 / 3 * Math.Pow(two + 2 * wL, 2));
        Assert.That(terms.Degrees[identical], Is.EqualTo(expectedIdentical).Within(1e-12 * expectedIdentical));
        // Our row is sum_m Y_m Y_m / sqrt 3 (unit norm of the merged real coefficients); ACE1's symmetric vector has norm
        // |S| = 2 against our 1, times 2 for the radial scales.
        Assert.That(terms.Scales[identical], Is.EqualTo(2 * Sqrt2).Within(1e-13));
        Assert.That(terms.Prior().Diagonal[identical], Is.EqualTo((1 + expectedIdentical) / (2 * Sqrt2)).Within(1e-12 * expectedIdentical));

        // w_L weighs l^p and |m|^p: with w_L = 2 the distinct pair follows the same formula.
        var heavier = Ace1SmoothnessPrior.Terms(basis, p, angularWeight: 2);
        double expected2 = Math.Sqrt(2.0 / 3 * Math.Pow(sum + 8, 2) + 1.0 / 3 * Math.Pow(sum + 4, 2));
        Assert.That(heavier.Degrees[distinct], Is.EqualTo(expected2).Within(1e-12 * expected2));
    }

    [Test]
    public void Identical_l0_labels_carry_the_permutation_factor_of_the_gramian()
    {
        // (n, 0), (n, 0): one m-tuple, |S| = 2: A2B = sqrt 2 and d = sqrt 2 * 2 n^p, against n1^p + n2^p for distinct labels.
        var basis = Small();
        var terms = Ace1SmoothnessPrior.Terms(basis, p: 4);
        int same = Function(basis, (2, 0), (2, 0)).Column;
        int different = Function(basis, (1, 0), (3, 0)).Column;
        Assert.That(terms.Degrees[same], Is.EqualTo(Sqrt2 * 2 * 16).Within(1e-12));
        Assert.That(terms.Scales[same], Is.EqualTo(2 * Sqrt2).Within(1e-13));
        Assert.That(terms.Degrees[different], Is.EqualTo(1 + 81).Within(1e-12));
        Assert.That(terms.Scales[different], Is.EqualTo(2).Within(1e-13));
    }

    [Test]
    public void Purification_corrections_raise_the_degree_and_keep_the_normalisation()
    {
        // Pure2b subtracts c sum_N p_N A_(N00) from (n, 0), (n, 0): the function keeps its top-order row (same s) and the
        // order-1 terms add to sum A2B^2 w^2, so d grows; the full purification of a 2-correlation is the same correction.
        var ordinary = Ace1SmoothnessPrior.Terms(Small(), p: 4);
        var ordinaryBasis = Small();
        foreach (var kind in new[] { PurificationKind.Pure2b, PurificationKind.Full })
        {
            var basis = Small(new PurificationOptions(kind));
            var terms = Ace1SmoothnessPrior.Terms(basis, p: 4);
            foreach (var labels in new[] { new[] { (2, 0), (2, 0) }, [(1, 1), (2, 1)] })
            {
                int column = Function(basis, labels).Column, before = Function(ordinaryBasis, labels).Column;
                Assert.That(terms.Scales[column], Is.EqualTo(ordinary.Scales[before]).Within(1e-12), $"{kind} {labels[0]}");
                Assert.That(terms.Degrees[column], Is.GreaterThan(1.01 * ordinary.Degrees[before]), $"{kind} {labels[0]}");
            }
        }
        var pure2b = Ace1SmoothnessPrior.Terms(Small(new PurificationOptions(PurificationKind.Pure2b)), p: 4);
        var full = Ace1SmoothnessPrior.Terms(Small(new PurificationOptions(PurificationKind.Full)), p: 4);
        for (int j = 0; j < pure2b.Degrees.Count; j++)
        {
            Assert.That(pure2b.Degrees[j], Is.EqualTo(full.Degrees[j]).Within(1e-9 * full.Degrees[j]),
                "on 2-correlations pure2b and full purification remove the same (diagonal) term");
        }
    }

    [Test]
    public void The_pure2b_correction_of_an_l0_pair_adds_its_order_one_terms_as_ace1x_writes_them()
    {
        // ACE1x's correct_coupling_coeffs! on (n, 0), (n, 0): at one neighbour B = sqrt 2 (R_n Y00)^2 (ACE1's row sqrt 2, its
        // radials R = sqrt 2 ours), and R_n^2 = sum_N p_N R_N (ours) gives the entries -sqrt 2 Y00 (sqrt 2 p_N) in the
        // order-1 columns (N, 0, 0), weighted N^p. So d^2 = (sqrt 2 * 2 n^p)^2 + sum_N (2 p_N / sqrt(4 pi))^2 N^(2p).
        var basis = Small(new PurificationOptions(PurificationKind.Pure2b));
        var terms = Ace1SmoothnessPrior.Terms(basis, p: 4);
        var radial = (Primitives.Radial.IProductClosedRadialBasis)basis.ManyBodyRadial(0, 0)!;
        foreach (int n in new[] { 1, 3 })
        {
            var product = radial.ProductCoefficients(n - 1, n - 1);
            double sum = Math.Pow(Sqrt2 * 2 * Math.Pow(n, 4), 2);
            for (int k = 0; k < product.Length; k++)
            {
                sum += Math.Pow(2 * product[k] / Math.Sqrt(4 * Math.PI), 2) * Math.Pow(k + 1, 8);
            }
            int column = Function(basis, (n, 0), (n, 0)).Column;
            Assert.That(terms.Degrees[column], Is.EqualTo(Math.Sqrt(sum)).Within(1e-9 * Math.Sqrt(sum)), $"n = {n}");
            Assert.That(terms.Scales[column], Is.EqualTo(2 * Sqrt2).Within(1e-13));
        }
    }

    [Test]
    public void The_fluent_prior_is_the_diagonal_of_the_terms_and_bad_arguments_throw()
    {
        var basis = Small();
        var prior = Ace1SmoothnessPrior.Create(basis);
        var terms = Ace1SmoothnessPrior.Terms(basis);
        Assert.That(prior.Count, Is.EqualTo(basis.FunctionCount));
        for (int j = 0; j < basis.FunctionCount; j++)
        {
            Assert.That(prior.Diagonal[j], Is.EqualTo((1 + terms.Degrees[j]) / terms.Scales[j]).Within(1e-12 * prior.Diagonal[j]));
        }
        Assert.That(() => Ace1SmoothnessPrior.Terms(basis, p: 0), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("p"));
        Assert.That(() => Ace1SmoothnessPrior.Terms(basis, angularWeight: 0), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("angularWeight"));
        Assert.That(() => LinearAce.Fit(basis).Ace1SmoothnessPrior().Solver(LeastSquares.NormalEquations()),
            Throws.InvalidOperationException.With.Message.Contains("Ace1SmoothnessPrior("));
    }
}
