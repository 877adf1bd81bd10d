using System.Text.Json.Serialization;

namespace Ace.Core.Basis;

/// <summary>
/// The parameters of a radial basis for one element pair (ace-math.md section 2a, 2b). The number of radial
/// functions is not part of it: the basis builder asks for as many as the selected functions need.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(TransformedJacobiRadialSpecification), "TransformedJacobi")]
[JsonDerivedType(typeof(ChebExpCosRadialSpecification), "ChebExpCos")]
[JsonDerivedType(typeof(EnvelopedLegendreRadialSpecification), "EnvelopedLegendre")]
[JsonDerivedType(typeof(FittedRadialSpecification), "Fitted")]
public abstract record RadialBasisSpecification
{
    /// <summary>The cutoff radius in Angstrom: every radial function and its derivative vanish for r &gt;= Cutoff.</summary>
    [JsonIgnore]
    public abstract double Cutoff { get; }

    /// <summary>True when products of two radial functions are exact finite sums of radial functions (needed by purification).</summary>
    [JsonIgnore]
    public abstract bool IsProductClosed { get; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad parameter; <paramref name="where"/> says which pair.</summary>
    internal abstract void Validate(string where);
}

/// <summary>
/// The transformed-Jacobi radial basis (the default): Agnesi transform x(r) with parameters (r0, p, q), affine map
/// to y in [-1, 1], R_n = (1+y)^PIn (1-y)^PCut P_{n-1}(y) with orthonormal Jacobi polynomials.
/// </summary>
/// <param name="R0">The Agnesi scale r0 in Angstrom (where |x'| peaks), typically the nearest-neighbour distance.</param>
/// <param name="CutoffRadius">The cutoff radius in Angstrom.</param>
/// <param name="P">The Agnesi exponent p (default 2).</param>
/// <param name="Q">The Agnesi exponent q (default 4).</param>
/// <param name="PIn">The envelope exponent at r = 0 (default 2).</param>
/// <param name="PCut">The envelope exponent at the cutoff (default 2).</param>
public sealed record TransformedJacobiRadialSpecification(
    double R0, double CutoffRadius, int P = 2, int Q = 4, int PIn = 2, int PCut = 2) : RadialBasisSpecification
{
    /// <inheritdoc/>
    public override double Cutoff => CutoffRadius;

    /// <inheritdoc/>
    public override bool IsProductClosed => true;

    internal override void Validate(string where)
    {
        if (!(R0 > 0) || !double.IsFinite(R0))
        {
            throw new ArgumentException($"{where}: the Agnesi scale R0 must be positive and finite, got {R0}", nameof(R0));
        }
        if (!(CutoffRadius > R0) || !double.IsFinite(CutoffRadius))
        {
            throw new ArgumentException($"{where}: the cutoff must be finite and larger than R0 = {R0}, got {CutoffRadius}", nameof(CutoffRadius));
        }
        if (P < 1 || Q <= P)
        {
            throw new ArgumentException($"{where}: the Agnesi exponents need 1 <= p < q, got p = {P}, q = {Q}", nameof(P));
        }
        if (PIn < 0 || PCut < 1)
        {
            throw new ArgumentException($"{where}: the envelope exponents need PIn >= 0 and PCut >= 1 (smooth cutoff), got {PIn}, {PCut}", nameof(PCut));
        }
    }
}

/// <summary>
/// The pacemaker-style ChebExpCos radial basis: x = 1 - 2 (exp(-lambda r/rc) - exp(-lambda)) / (1 - exp(-lambda)),
/// g_0 = 1, g_k = (1 - T_k(x))/2, each times the cosine cutoff 0.5 (1 + cos(pi r/rc)). Not product-closed.
/// </summary>
/// <param name="CutoffRadius">The cutoff radius rc in Angstrom.</param>
/// <param name="Lambda">The exponential scale lambda (pacemaker's default 5.25).</param>
public sealed record ChebExpCosRadialSpecification(double CutoffRadius, double Lambda = 5.25) : RadialBasisSpecification
{
    /// <inheritdoc/>
    public override double Cutoff => CutoffRadius;

    /// <inheritdoc/>
    public override bool IsProductClosed => false;

    internal override void Validate(string where)
    {
        if (!(CutoffRadius > 0) || !double.IsFinite(CutoffRadius))
        {
            throw new ArgumentException($"{where}: the cutoff must be positive and finite, got {CutoffRadius}", nameof(CutoffRadius));
        }
        if (!(Lambda > 0) || !double.IsFinite(Lambda))
        {
            throw new ArgumentException($"{where}: lambda must be positive and finite, got {Lambda}", nameof(Lambda));
        }
    }
}

/// <summary>
/// ACE1x's default pair basis (ace-math.md 2c): Legendre polynomials in y(r) from the Agnesi transform (p, q) = (1, 3)
/// times the envelope in r, e(r) = (r/r0)^-p_e - (rc/r0)^-p_e + p_e (rc/r0)^-(p_e+1) (r/r0 - rc/r0) with p_e = 2, which is
/// repulsive towards r = 0 and whose value and slope vanish at the cutoff. Not product-closed (it is for the pair basis).
/// </summary>
/// <param name="R0">The scale r0 in Angstrom of the transform and the envelope (ACE1x: the bond length).</param>
/// <param name="CutoffRadius">The cutoff radius in Angstrom.</param>
/// <param name="P">The Agnesi exponent p (default 1).</param>
/// <param name="Q">The Agnesi exponent q (default 3).</param>
/// <param name="EnvelopeExponent">The envelope exponent p_e (default 2).</param>
public sealed record EnvelopedLegendreRadialSpecification(
    double R0, double CutoffRadius, int P = 1, int Q = 3, int EnvelopeExponent = 2) : RadialBasisSpecification
{
    /// <inheritdoc/>
    public override double Cutoff => CutoffRadius;

    /// <inheritdoc/>
    public override bool IsProductClosed => false;

    internal override void Validate(string where)
    {
        if (!(R0 > 0) || !double.IsFinite(R0))
        {
            throw new ArgumentException($"{where}: the scale R0 must be positive and finite, got {R0}", nameof(R0));
        }
        if (!(CutoffRadius > R0) || !double.IsFinite(CutoffRadius))
        {
            throw new ArgumentException($"{where}: the cutoff must be finite and larger than R0 = {R0}, got {CutoffRadius}", nameof(CutoffRadius));
        }
        if (P < 1 || Q <= P)
        {
            throw new ArgumentException($"{where}: the Agnesi exponents need 1 <= p < q, got p = {P}, q = {Q}", nameof(P));
        }
        if (EnvelopeExponent < 1)
        {
            throw new ArgumentException($"{where}: the envelope exponent must be at least 1, got {EnvelopeExponent}", nameof(EnvelopeExponent));
        }
    }
}

/// <summary>A radial basis for one unordered element pair, overriding the default.</summary>
/// <param name="ElementA">One element symbol.</param>
/// <param name="ElementB">The other element symbol (may equal <paramref name="ElementA"/>).</param>
/// <param name="Radial">The radial basis for this pair (and its cutoff).</param>
public sealed record ElementPairRadial(string ElementA, string ElementB, RadialBasisSpecification Radial);
