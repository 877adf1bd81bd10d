using System.Globalization;
using Ace.Core.Basis;

namespace Ace.Core.Building;

/// <summary>
/// Builds an <see cref="AceBasis"/> in words, e.g.
/// <c>LinearAce.Basis("Si").Cutoff(6.0).Radial(r0: 2.2).MaxBodyOrder(5).TotalDegree(24, 20, 16, 12).Build()</c>.
/// Defaults: transformed-Jacobi radial basis with r0 = cutoff / 2 when not given, total-degree selection with
/// w_L = 3/2. Each call returns the builder; <see cref="Specification"/> shows what <see cref="Build"/> builds.
/// </summary>
public sealed class BasisBuilder
{
    private readonly string[] _elements;
    private double? _cutoff;
    private double? _r0;
    private RadialBasisSpecification? _radial;
    private int? _maxCorrelationOrder;
    private FunctionSelection? _selection;
    private Rational? _angularWeight;
    private TotalDegreeArithmetic? _arithmetic;
    private readonly List<ElementPairRadial> _pairRadials = [];
    private PairBasisSpecification? _pairBasis;
    private bool _includeOrderOne = true;
    private PurificationOptions? _purification;
    private BasisLimits _limits = BasisLimits.Default;
    private int? _fittedPrimitiveCount;

    /// <summary>Starts a basis for <paramref name="elements"/> (symbols, e.g. "Si", "C"; their order fixes the columns).</summary>
    public BasisBuilder(params string[] elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        if (elements.Length == 0)
        {
            throw new ArgumentException("name at least one element", nameof(elements));
        }
        _elements = [.. elements];
    }

    /// <summary>The cutoff radius in Angstrom of the default radial basis.</summary>
    public BasisBuilder Cutoff(double radius)
    {
        if (!(radius > 0) || !double.IsFinite(radius))
        {
            throw new ArgumentOutOfRangeException(nameof(radius), radius, "the cutoff must be positive and finite");
        }
        _cutoff = radius;
        return this;
    }

    /// <summary>
    /// The transformed-Jacobi radial basis (ace-math 2a) with Agnesi scale <paramref name="r0"/> (typically the
    /// nearest-neighbour distance) and exponents p, q, envelope exponents pIn, pCut; the cutoff comes from <see cref="Cutoff"/>.
    /// </summary>
    public BasisBuilder Radial(double r0, int p = 2, int q = 4, int pIn = 2, int pCut = 2)
    {
        _r0 = r0;
        _radial = new TransformedJacobiRadialSpecification(r0, double.NaN, p, q, pIn, pCut);
        return this;
    }

    /// <summary>Any radial basis specification (its own cutoff is used; <see cref="Cutoff"/> is then ignored).</summary>
    public BasisBuilder Radial(RadialBasisSpecification radial)
    {
        ArgumentNullException.ThrowIfNull(radial);
        _radial = radial;
        _r0 = null;
        return this;
    }

    /// <summary>A radial basis for the unordered element pair (a, b) instead of the default (and so its cutoff).</summary>
    public BasisBuilder Radial(string elementA, string elementB, RadialBasisSpecification radial)
    {
        _pairRadials.Add(new ElementPairRadial(elementA, elementB, radial));
        return this;
    }

    /// <summary>
    /// Fitted radial functions (pacemaker's form, <see cref="FittedRadialSpecification"/>): each channel's R_{z z' n l} is
    /// sum_k W_{z z' n l k} g_k over the first <paramref name="primitiveCount"/> functions of the default radial family
    /// (pacemaker's nradbase), starting from R_nl = g_{n-1}, so the basis starts as the fixed-radial one. W is fitted by
    /// <see cref="Fitting.FitBuilder.FitRadials"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="primitiveCount"/> is less than 1.</exception>
    public BasisBuilder FittedRadials(int primitiveCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(primitiveCount, 1);
        _fittedPrimitiveCount = primitiveCount;
        return this;
    }

    /// <summary>The largest body order (correlation order + 1), at least 2.</summary>
    public BasisBuilder MaxBodyOrder(int bodyOrder)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bodyOrder, 2);
        _maxCorrelationOrder = bodyOrder - 1;
        return this;
    }

    /// <summary>The largest correlation order nu (body order nu + 1), at least 1.</summary>
    public BasisBuilder MaxCorrelationOrder(int correlationOrder)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(correlationOrder, 1);
        _maxCorrelationOrder = correlationOrder;
        return this;
    }

    /// <summary>
    /// The total-degree rule sum_t (n_t + w_L l_t) &lt;= D_nu with one D per correlation order, nu = 1, 2, ...
    /// (body orders 2, 3, ...). Without <see cref="MaxBodyOrder"/> the number of degrees sets the order.
    /// </summary>
    public BasisBuilder TotalDegree(params int[] maxDegreePerCorrelationOrder)
    {
        ArgumentNullException.ThrowIfNull(maxDegreePerCorrelationOrder);
        _selection = new TotalDegreeSelection(maxDegreePerCorrelationOrder.Select(d => (Rational)d).ToArray());
        return this;
    }

    /// <summary>The angular weight w_L of the total-degree rule (default 3/2).</summary>
    public BasisBuilder AngularWeight(Rational weight)
    {
        _angularWeight = weight;
        return this;
    }

    /// <summary>
    /// How the total-degree rule compares: <see cref="TotalDegreeArithmetic.Exact"/> (default) or
    /// <see cref="TotalDegreeArithmetic.Ace1xFloatingPoint"/>, the tuples ACE1.jl selects (the study's basis sizes).
    /// </summary>
    public BasisBuilder DegreeArithmetic(TotalDegreeArithmetic arithmetic)
    {
        _arithmetic = arithmetic;
        return this;
    }

    /// <summary>The pacemaker rule: n_t &lt;= nMax[nu-1] and l_t &lt;= lMax[nu-1] per correlation order nu.</summary>
    public BasisBuilder MaxLabels(int[] nMax, int[] lMax)
    {
        ArgumentNullException.ThrowIfNull(nMax);
        ArgumentNullException.ThrowIfNull(lMax);
        _selection = new MaxLabelSelection([.. nMax], [.. lMax]);
        return this;
    }

    /// <summary>
    /// A separate pair basis of <paramref name="maxDegree"/> functions per element pair, ACE1x's default: Legendre
    /// polynomials of the Agnesi (1, 3) transform times the repulsive envelope in r with exponent 2
    /// (<see cref="EnvelopedLegendreRadialSpecification"/>), with this builder's r0 (from <see cref="Radial(double, int, int, int, int)"/>,
    /// else cutoff / 2) and cutoff.
    /// </summary>
    public BasisBuilder PairBasis(int maxDegree)
    {
        _pairBasis = new PairBasisSpecification(maxDegree, new EnvelopedLegendreRadialSpecification(double.NaN, double.NaN));
        return this;
    }

    /// <summary>A separate pair basis of <paramref name="maxDegree"/> functions per element pair, with the given radial basis.</summary>
    public BasisBuilder PairBasis(int maxDegree, RadialBasisSpecification radial)
    {
        _pairBasis = new PairBasisSpecification(maxDegree, radial);
        return this;
    }

    /// <summary>Drops the many-body functions of correlation order 1 (usual with a separate pair basis).</summary>
    public BasisBuilder WithoutCorrelationOrderOne()
    {
        _includeOrderOne = false;
        return this;
    }

    /// <summary>
    /// Removes the self-interaction (Ho, Gutleb and Ortner 2024): every function of correlation order nu then vanishes
    /// on atoms with fewer than nu neighbours. Needs the transformed-Jacobi radial basis (product-closed) or fitted radials
    /// (<see cref="FittedRadials"/>, over any family); the default options purify fully and keep every order.
    /// </summary>
    public BasisBuilder Purify(PurificationOptions? options = null)
    {
        _purification = options ?? new PurificationOptions();
        return this;
    }

    /// <summary>The specification the builder describes.</summary>
    /// <exception cref="InvalidOperationException">A required part (cutoff, selection) is missing.</exception>
    public AceBasisSpecification Specification()
    {
        var radial = _radial;
        if (radial is null or TransformedJacobiRadialSpecification { CutoffRadius: double.NaN })
        {
            double cutoff = _cutoff ?? throw new InvalidOperationException("give the cutoff radius: .Cutoff(radius)");
            radial = radial is TransformedJacobiRadialSpecification t
                ? t with { CutoffRadius = cutoff }
                : new TransformedJacobiRadialSpecification(_r0 ?? cutoff / 2, cutoff);
        }
        if (_fittedPrimitiveCount is { } primitiveCount)
        {
            radial = radial is FittedRadialSpecification already
                ? already with { PrimitiveCount = primitiveCount }
                : new FittedRadialSpecification(radial, primitiveCount);
        }
        var pairBasis = _pairBasis;
        if (pairBasis?.Radial is EnvelopedLegendreRadialSpecification { CutoffRadius: double.NaN } pending)
        {
            double cutoff = _cutoff ?? throw new InvalidOperationException("give the cutoff radius for the pair basis: .Cutoff(radius)");
            pairBasis = pairBasis with { Radial = pending with { R0 = _r0 ?? cutoff / 2, CutoffRadius = cutoff } };
        }
        var selection = _selection ?? throw new InvalidOperationException("give the selection rule: .TotalDegree(D1, D2, ...) or .MaxLabels(nMax, lMax)");
        if (selection is TotalDegreeSelection total)
        {
            selection = total with { AngularWeight = _angularWeight ?? total.AngularWeight, Arithmetic = _arithmetic ?? total.Arithmetic };
        }
        else if (_arithmetic is not null)
        {
            throw new InvalidOperationException("DegreeArithmetic applies to the total-degree rule only; the selection is " + selection.GetType().Name);
        }
        int order = _maxCorrelationOrder ?? selection.OrderCount;
        return new AceBasisSpecification(_elements, radial, order, selection,
            _pairRadials.Count == 0 ? null : _pairRadials.ToArray(), pairBasis, _includeOrderOne)
        {
            Purification = _purification,
        };
    }

    /// <summary>Builds the basis.</summary>
    /// <exception cref="InvalidOperationException">A required part is missing.</exception>
    /// <exception cref="ArgumentException">The specification is invalid (the message says what).</exception>
    public AceBasis Build() => AceBasis.Build(Specification(), _limits);

    /// <summary>
    /// The size limits <see cref="Build"/> checks before enumerating (default <see cref="BasisLimits.Default"/>); raise
    /// them for a basis that is meant to be larger.
    /// </summary>
    public BasisBuilder Limits(BasisLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        limits.Validate();
        _limits = limits;
        return this;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"BasisBuilder({string.Join(",", _elements)})");
}
