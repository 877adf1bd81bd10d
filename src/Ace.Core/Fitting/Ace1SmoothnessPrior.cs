using System.Globalization;
using System.Numerics;
using Ace.Core.Basis;
using Ace.Core.Primitives.Coupling;
using Ace.Core.Primitives.Radial;
using Ace.Core.Solvers;

namespace Ace.Core.Fitting;

/// <summary>
/// The algebraic smoothness prior exactly as ACEpotentials.jl 0.6.7's <c>acefit!</c> builds it: ACE1x 0.1.11's
/// <c>algebraic_smoothness_prior(basis; p = 4, wL = 1)</c> = diag(1 + d) on the coefficients of ACE1's basis functions, with
/// <c>d = n^p</c> for a pair function and, for a many-body function B, ACE1.jl 0.12's <c>scaling</c> of the coupled basis,
/// <c>d_B = sqrt(sum_AA A2B[B, AA]^2 w_AA^2)</c>: AA runs over ACE1's product functions (sorted products of complex-harmonic
/// A functions, m-tuples that differ by a permutation of identical factors merged), A2B[B, AA] is B's coefficient of AA
/// (the coupling coefficients, plus the pure2b or purification corrections, which add terms of lower order), and
/// <c>w_AA = sum over factors of n^p + w_L (l^p + |m|^p)</c>.
/// </summary>
/// <remarks>
/// <para>How our functions are put in ACE1's normalisation. Each many-body column is expanded into its polynomial in the
/// A functions (<see cref="AceBasis.ExpandSiteEnergy"/>; for a purified basis this includes the corrections), every real
/// harmonic is written in complex ones (<see cref="RealHarmonicTransform"/>), and products equal up to the order of
/// identical factors are collected: that collection is the row A2B[B, .] of ACE1 (the representation of a function in
/// products of A functions is unique, and |m| and so w are the same in both harmonic conventions). Two scales differ:</para>
/// <list type="bullet">
/// <item>Radial functions: ACE1 orthonormalises its polynomials against a measure of total mass 1 (a uniform midpoint
/// grid on the transformed interval); Ace.Core's transformed Jacobi and enveloped Legendre functions are orthonormal in dy
/// on [-1, 1] (mass 2), so ACE1's are <see cref="Ace1RadialScale"/> = sqrt 2 times ours (to the grid's discretisation
/// error, about 1e-3 for the pair basis' highest degrees). Other radial families have no ACE1 counterpart and keep
/// scale 1.</item>
/// <item>Coupling rows: ACE1's <c>rpi_basis</c> takes an orthonormal basis of the invariants over all (unsorted) m-tuples,
/// projects it on the symmetric ones through the Gramian of the permutations that fix the labels (whose non-zero
/// eigenvalues all equal the number |S| of those permutations) and scales by the root of the eigenvalue; merged onto sorted
/// products, a row then satisfies sum_AA A2B[B, AA]^2 prod (multiplicities of equal (z, n, l, m) in AA)! = |S|^2, with
/// |S| = prod (multiplicities of equal (z, n, l) labels)!. Each of our functions is rescaled by the factor s_B that gives its
/// top-order part (its own label tuple) this norm; corrections of lower order scale with it.</item>
/// </list>
/// <para>Which orthonormal basis of a label tuple's invariants ACE1 uses when the tuple has several is decided by two SVDs of
/// matrices with degenerate singular values (LAPACK's choice, not specified by the sources), so there d_B is computed for
/// our own basis of the block, normalised as above. Tuples with one invariant (most of them) are determined up to sign.</para>
/// <para>With ACE1's function = s_B times ours, the coefficient of ours is s_B times ACE1's, so the prior on our
/// coefficients is Gamma_B = (1 + d_B) / s_B (for a pair function s = sqrt 2 from the radial scale alone).</para>
/// </remarks>
public static class Ace1SmoothnessPrior
{
    /// <summary>ACE1x's default angular weight of the prior (<c>algebraic_smoothness_prior(...; wL = 1.0)</c>).</summary>
    public const double DefaultAngularWeight = 1.0;

    /// <summary>ACE1's radial functions over Ace.Core's (transformed Jacobi, enveloped Legendre): sqrt 2 (see the remarks).</summary>
    public static readonly double Ace1RadialScale = Math.Sqrt(2.0);

    /// <summary>
    /// The degree d_B of ACE1's scaling and the scale s_B of ACE1's normalisation of every column of
    /// <paramref name="basis"/> (column order); see the class description.
    /// </summary>
    /// <param name="basis">The basis (ordinary, pure2b or purified).</param>
    /// <param name="p">The exponent p, at least 1 (<c>acefit!</c>: 4).</param>
    /// <param name="angularWeight">The weight w_L of l^p + |m|^p, positive and finite (ACE1x: 1).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> or <paramref name="angularWeight"/> is out of range.</exception>
    public static Ace1PriorTerms Terms(AceBasis basis, int p = 4, double angularWeight = DefaultAngularWeight)
    {
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 1);
        if (!(angularWeight > 0) || !double.IsFinite(angularWeight))
        {
            throw new ArgumentOutOfRangeException(nameof(angularWeight), angularWeight,
                string.Create(CultureInfo.InvariantCulture, $"the angular weight must be positive and finite, got {angularWeight}"));
        }
        var degrees = new double[basis.FunctionCount];
        var scales = new double[basis.FunctionCount];
        var unit = new double[basis.FunctionCount];
        foreach (var function in basis.Functions)
        {
            if (function.Kind == BasisFunctionKind.Pair)
            {
                var other = function.OneParticleLabels[0];
                var radial = basis.PairRadial(basis.SpeciesIndex(function.CenterElement), basis.SpeciesIndex(other.Element));
                degrees[function.Column] = Math.Pow(other.N, p);
                scales[function.Column] = RadialScale(radial);
                continue;
            }
            int center = basis.SpeciesIndex(function.CenterElement);
            unit[function.Column] = 1;
            var terms = basis.ExpandSiteEnergy(center, unit);
            unit[function.Column] = 0;
            (degrees[function.Column], scales[function.Column]) = ManyBody(basis, center, function.CorrelationOrder, terms, p, angularWeight);
        }
        return new Ace1PriorTerms(degrees, scales);
    }

    /// <summary>The prior Gamma_B = (1 + d_B) / s_B of <see cref="Terms"/> on the coefficients of <paramref name="basis"/>.</summary>
    /// <param name="basis">The basis.</param>
    /// <param name="p">The exponent p, at least 1.</param>
    /// <param name="angularWeight">The weight w_L, positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> or <paramref name="angularWeight"/> is out of range.</exception>
    public static Prior Create(AceBasis basis, int p = 4, double angularWeight = DefaultAngularWeight) => Terms(basis, p, angularWeight).Prior();

    /// <summary>ACE1's radial functions over ours for a radial family: sqrt 2 where ACE1 has the family, else 1.</summary>
    private static double RadialScale(IRadialBasis? radial) =>
        radial is TransformedJacobiBasis or EnvelopedLegendreBasis ? Ace1RadialScale : 1.0;

    private static (double Degree, double Scale) ManyBody(AceBasis basis, int center, int order, IReadOnlyList<ProductTerm> terms,
        int p, double angularWeight)
    {
        var radialScale = new double[basis.Elements.Count];
        for (int z = 0; z < radialScale.Length; z++)
        {
            radialScale[z] = RadialScale(basis.ManyBodyRadial(center, z));
        }
        var monomials = new Dictionary<ComplexMonomial, Complex>();
        foreach (var term in terms)
        {
            double coefficient = term.Coefficient;
            foreach (var f in term.Factors)
            {
                coefficient /= radialScale[f.Species];
            }
            var factors = term.Factors.ToArray();
            CollectComplex(factors, 0, new Complex(coefficient, 0), new int[factors.Length], monomials);
        }
        double weighted = 0, topNorm = 0, stabiliser = 1;
        foreach (var (monomial, value) in monomials)
        {
            double a2 = value.Real * value.Real + value.Imaginary * value.Imaginary;
            double w = 0;
            foreach (var f in monomial.Factors)
            {
                w += Math.Pow(f.N, p) + angularWeight * (Math.Pow(f.L, p) + Math.Pow(Math.Abs(f.M), p));
            }
            weighted += a2 * w * w;
            if (monomial.Factors.Length == order)
            {
                topNorm += a2 * MultiplicityFactorial(monomial.Factors, withM: true);
                stabiliser = MultiplicityFactorial(monomial.Factors, withM: false);
            }
        }
        if (!(topNorm > 0))
        {
            throw new InvalidOperationException($"a correlation-order-{order} function of center {basis.Elements[center]} has no term of its own order");
        }
        double scale = stabiliser / Math.Sqrt(topNorm);
        return (scale * Math.Sqrt(weighted), scale);
    }

    /// <summary>Expands prod_t A_real(factors[t]) (times <paramref name="value"/>) into complex harmonics and collects the products.</summary>
    private static void CollectComplex(OneParticleFunction[] factors, int t, Complex value, int[] mu, Dictionary<ComplexMonomial, Complex> into)
    {
        if (t == factors.Length)
        {
            var key = new OneParticleFunction[factors.Length];
            for (int s = 0; s < key.Length; s++)
            {
                key[s] = factors[s] with { M = mu[s] };
            }
            Array.Sort(key, (a, b) => (a.Species, a.N, a.L, a.M).CompareTo((b.Species, b.N, b.L, b.M)));
            var monomial = new ComplexMonomial(key);
            into[monomial] = into.GetValueOrDefault(monomial) + value;
            return;
        }
        var f = factors[t];
        int a = Math.Abs(f.M);
        for (int sign = -1; sign <= 1; sign += 2)
        {
            if (a == 0 && sign > 0)
            {
                break;
            }
            mu[t] = sign * a;
            CollectComplex(factors, t + 1, value * RealHarmonicTransform.Element(f.L, f.M, mu[t]), mu, into);
        }
    }

    /// <summary>prod over groups of equal factors (equal (z, n, l, m), or equal (z, n, l) without m) of the group size factorial.</summary>
    private static double MultiplicityFactorial(OneParticleFunction[] sorted, bool withM)
    {
        double product = 1;
        int run = 1;
        for (int t = 1; t <= sorted.Length; t++)
        {
            bool same = t < sorted.Length && sorted[t].Species == sorted[t - 1].Species && sorted[t].N == sorted[t - 1].N &&
                sorted[t].L == sorted[t - 1].L && (!withM || sorted[t].M == sorted[t - 1].M);
            if (same)
            {
                run++;
                product *= run;
            }
            else
            {
                run = 1;
            }
        }
        return product;
    }

    /// <summary>A sorted product of complex-harmonic A functions (M is the complex order mu), compared by value.</summary>
    private sealed class ComplexMonomial(OneParticleFunction[] factors) : IEquatable<ComplexMonomial>
    {
        public OneParticleFunction[] Factors { get; } = factors;

        public bool Equals(ComplexMonomial? other) => other is not null && Factors.AsSpan().SequenceEqual(other.Factors);

        public override bool Equals(object? obj) => Equals(obj as ComplexMonomial);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (var f in Factors)
            {
                hash.Add(f);
            }
            return hash.ToHashCode();
        }
    }
}

/// <summary>
/// ACE1's smoothness-prior terms of a basis (<see cref="Ace1SmoothnessPrior.Terms"/>), one entry per column.
/// </summary>
/// <param name="Degrees">d_B: ACE1's scaling of each function in ACE1's normalisation.</param>
/// <param name="Scales">s_B: ACE1's function over ours (ACE1's coefficient is ours divided by s_B).</param>
public sealed record Ace1PriorTerms(IReadOnlyList<double> Degrees, IReadOnlyList<double> Scales)
{
    /// <summary>The prior on our coefficients: Gamma_B = (1 + d_B) / s_B.</summary>
    public Prior Prior()
    {
        var diagonal = new double[Degrees.Count];
        for (int j = 0; j < diagonal.Length; j++)
        {
            diagonal[j] = (1 + Degrees[j]) / Scales[j];
        }
        return Solvers.Prior.FromDiagonal(diagonal);
    }
}
