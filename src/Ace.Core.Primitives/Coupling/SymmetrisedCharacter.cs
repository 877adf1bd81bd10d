namespace Ace.Core.Primitives.Coupling;

/// <summary>
/// Characters of symmetrised tensor products of SO(3) irreducible representations as exact Laurent polynomials
/// in q = exp(i w), and the multiplicity of the trivial representation in them.
/// </summary>
/// <remarks>
/// chi_l(q) = sum_{m=-l..l} q^m. For a run of k identical labels of degree l the character of the symmetric
/// power Sym^k(V_l) is given by the cycle index of S_k (Polya):
/// chi = (1/k!) sum over permutations of prod over cycles c of chi_l(q^|c|)
///     = sum over partitions lambda of k of (1/z_lambda) prod_i chi_l(q^lambda_i),
/// evaluated with integer coefficients (multiplied by k!, divided exactly at the end). The block's character is
/// the product over runs. For chi(w) = c_0 + 2 sum_{j&gt;0} c_j cos(j w) the multiplicity of the trivial
/// representation, (1/pi) int_0^pi (1 - cos w) chi(w) dw, is exactly c_0 - c_1 (orthogonality of cos(j w) on [0, pi]).
/// </remarks>
internal static class SymmetrisedCharacter
{
    /// <summary>Multiplicity of the trivial representation in the symmetrised tensor product of the input.</summary>
    public static int TrivialMultiplicity(CouplingInput input)
    {
        var product = LaurentPolynomial.One;
        for (int r = 0; r < input.RunStart.Length; r++)
        {
            product = product.Multiply(SymmetricPower(input.L[input.RunStart[r]], input.RunLength[r]));
        }
        return checked((int)(product.Coefficient(0) - product.Coefficient(1)));
    }

    /// <summary>The character of Sym^k(V_l) as a Laurent polynomial in q.</summary>
    public static LaurentPolynomial SymmetricPower(int l, int k)
    {
        long kFactorial = 1;
        for (int i = 2; i <= k; i++)
        {
            kFactorial *= i;
        }
        var sum = new long[2 * k * l + 1];
        var parts = new int[k];
        AccumulatePartitions(l, k, k, parts, 0, kFactorial, sum);
        for (int i = 0; i < sum.Length; i++)
        {
            if (sum[i] % kFactorial != 0)
            {
                throw new InvalidOperationException("Internal error: the cycle-index sum is not divisible by k!.");
            }
            sum[i] /= kFactorial;
        }
        return new LaurentPolynomial(sum, k * l);
    }

    /// <summary>Adds (k!/z_lambda) prod_i p_(lambda_i) for all partitions lambda of the remaining size.</summary>
    private static void AccumulatePartitions(int l, int remaining, int maxPart, int[] parts, int count, long kFactorial, long[] sum)
    {
        if (remaining == 0)
        {
            var term = LaurentPolynomial.One;
            for (int i = 0; i < count; i++)
            {
                term = term.Multiply(PowerSum(l, parts[i]));
            }
            long weight = kFactorial / CentraliserOrder(parts, count);
            int offset = sum.Length / 2 - term.MaxDegree;
            for (int i = 0; i < term.Coefficients.Length; i++)
            {
                sum[offset + i] += weight * term.Coefficients[i];
            }
            return;
        }
        for (int part = Math.Min(remaining, maxPart); part >= 1; part--)
        {
            parts[count] = part;
            AccumulatePartitions(l, remaining - part, part, parts, count + 1, kFactorial, sum);
        }
    }

    /// <summary>z_lambda = prod_i i^(a_i) a_i! for a partition with a_i parts equal to i.</summary>
    private static long CentraliserOrder(int[] parts, int count)
    {
        long z = 1;
        int i = 0;
        while (i < count)
        {
            int value = parts[i];
            int multiplicity = 0;
            while (i < count && parts[i] == value)
            {
                multiplicity++;
                i++;
                z *= value * multiplicity;
            }
        }
        return z;
    }

    /// <summary>chi_l(q^j) = sum_{m=-l..l} q^(j m).</summary>
    private static LaurentPolynomial PowerSum(int l, int j)
    {
        var c = new long[2 * j * l + 1];
        for (int m = -l; m <= l; m++)
        {
            c[j * (m + l)] = 1;
        }
        return new LaurentPolynomial(c, j * l);
    }
}

/// <summary>An integer Laurent polynomial sum_{e=-D..D} c_e q^e stored as c[e + D].</summary>
internal sealed class LaurentPolynomial
{
    public LaurentPolynomial(long[] coefficients, int maxDegree)
    {
        Coefficients = coefficients;
        MaxDegree = maxDegree;
    }

    /// <summary>The constant polynomial 1.</summary>
    public static LaurentPolynomial One => new([1], 0);

    /// <summary>Coefficients c[e + MaxDegree].</summary>
    public long[] Coefficients { get; }

    /// <summary>D: exponents range over -D..D.</summary>
    public int MaxDegree { get; }

    /// <summary>The coefficient of q^exponent (0 outside the range).</summary>
    public long Coefficient(int exponent) =>
        Math.Abs(exponent) > MaxDegree ? 0 : Coefficients[exponent + MaxDegree];

    /// <summary>The product with another Laurent polynomial.</summary>
    public LaurentPolynomial Multiply(LaurentPolynomial other)
    {
        var c = new long[Coefficients.Length + other.Coefficients.Length - 1];
        for (int i = 0; i < Coefficients.Length; i++)
        {
            long a = Coefficients[i];
            if (a == 0)
            {
                continue;
            }
            for (int j = 0; j < other.Coefficients.Length; j++)
            {
                c[i + j] = checked(c[i + j] + a * other.Coefficients[j]);
            }
        }
        return new LaurentPolynomial(c, MaxDegree + other.MaxDegree);
    }
}
