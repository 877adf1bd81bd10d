using System.Text.Json.Serialization;

namespace Ace.Core.Basis;

/// <summary>Which one-particle label tuples ((z, n, l) per neighbour) a correlation order keeps.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(TotalDegreeSelection), "TotalDegree")]
[JsonDerivedType(typeof(MaxLabelSelection), "MaxLabel")]
public abstract record FunctionSelection
{
    /// <summary>The number of correlation orders this rule covers (orders 1 .. OrderCount).</summary>
    [JsonIgnore]
    public abstract int OrderCount { get; }

    /// <summary>True when a single label (n, l) (n &gt;= 1) can appear in some tuple of <paramref name="correlationOrder"/>.</summary>
    internal abstract bool AdmitsLabel(int correlationOrder, int n, int l);

    /// <summary>True when a partial tuple (sums and maxima of its n and l so far) can still be completed into a selected tuple
    /// with <paramref name="remaining"/> more entries (each at least n = 1, l = 0); with none remaining, whether it is selected.</summary>
    internal abstract bool AdmitsPartial(int correlationOrder, int nSum, int lSum, int nMaxSoFar, int lMaxSoFar, int remaining);

    internal abstract void Validate(int maxCorrelationOrder);
}

/// <summary>How the total-degree rule compares a tuple's degree with its bound.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TotalDegreeArithmetic>))]
public enum TotalDegreeArithmetic
{
    /// <summary>sum_t (n_t + w_L l_t) &lt;= D_nu in exact rational arithmetic (the default).</summary>
    Exact,

    /// <summary>
    /// The tuples ACE1.jl selects (ACE1x 0.1.11, ACEpotentials.jl 0.6.7, the study's code): its floating-point scaled rule and
    /// its enumeration order, which miss a few tuples on the boundary (for D = 24, 20 one order-2 function: 273 instead of 274).
    /// A subset of <see cref="Exact"/>; the one-particle functions of several elements are taken in the specification's order
    /// (ACE1 orders them by atomic number).
    /// </summary>
    Ace1xFloatingPoint,
}

/// <summary>
/// The total-degree rule (ACE1x): a tuple of correlation order nu is kept when sum_t (n_t + w_L l_t) &lt;= D_nu,
/// compared exactly (or as ACE1.jl does, see <see cref="TotalDegreeArithmetic"/>). Radial labels start at n = 1.
/// </summary>
/// <param name="MaxDegrees">D_nu for nu = 1, 2, ... (index 0 holds the bound for correlation order 1).</param>
/// <param name="AngularWeight">w_L; null means the default 3/2.</param>
/// <param name="Arithmetic">Exact comparison (default) or ACE1.jl's floating-point selection.</param>
public sealed record TotalDegreeSelection(
    IReadOnlyList<Rational> MaxDegrees, Rational? AngularWeight = null, TotalDegreeArithmetic Arithmetic = TotalDegreeArithmetic.Exact)
    : FunctionSelection
{
    /// <summary>The default angular weight w_L = 3/2.</summary>
    public static Rational DefaultAngularWeight { get; } = new(3, 2);

    /// <summary>The angular weight in use.</summary>
    [JsonIgnore]
    public Rational EffectiveAngularWeight => AngularWeight ?? DefaultAngularWeight;

    /// <inheritdoc/>
    public override int OrderCount => MaxDegrees?.Count ?? 0;

    internal override bool AdmitsLabel(int correlationOrder, int n, int l) =>
        Degree(n + (correlationOrder - 1), l) <= MaxDegrees[correlationOrder - 1];

    internal override bool AdmitsPartial(int correlationOrder, int nSum, int lSum, int nMaxSoFar, int lMaxSoFar, int remaining) =>
        Degree(nSum + remaining, lSum) <= MaxDegrees[correlationOrder - 1];

    private Rational Degree(int nSum, int lSum) => (Rational)nSum + EffectiveAngularWeight * lSum;

    internal override void Validate(int maxCorrelationOrder)
    {
        if (MaxDegrees is null)
        {
            throw new ArgumentException("the total-degree selection needs a list of maximum degrees", nameof(MaxDegrees));
        }
        if (MaxDegrees.Count < maxCorrelationOrder)
        {
            throw new ArgumentException(
                $"the total-degree selection lists {MaxDegrees.Count} maximum degree(s) but the maximum correlation order is {maxCorrelationOrder}: give one degree per order",
                nameof(MaxDegrees));
        }
        if (EffectiveAngularWeight.Numerator < 0)
        {
            throw new ArgumentException($"the angular weight w_L must be non-negative, got {EffectiveAngularWeight}", nameof(AngularWeight));
        }
        if (!Enum.IsDefined(Arithmetic))
        {
            throw new ArgumentOutOfRangeException(nameof(Arithmetic), Arithmetic, "the total-degree arithmetic must be Exact or Ace1xFloatingPoint");
        }
        if (EffectiveAngularWeight.Numerator == 0)
        {
            throw new ArgumentException("the angular weight w_L = 0 would admit unboundedly many l; give a positive weight", nameof(AngularWeight));
        }
    }
}

/// <summary>
/// The pacemaker rule: a tuple of correlation order nu is kept when every n_t &lt;= NMax[nu-1] and every l_t &lt;= LMax[nu-1].
/// </summary>
/// <param name="NMax">The largest radial label (n &gt;= 1) per correlation order (index 0 for order 1).</param>
/// <param name="LMax">The largest angular label per correlation order (index 0 for order 1).</param>
public sealed record MaxLabelSelection(IReadOnlyList<int> NMax, IReadOnlyList<int> LMax) : FunctionSelection
{
    /// <inheritdoc/>
    public override int OrderCount => Math.Min(NMax?.Count ?? 0, LMax?.Count ?? 0);

    internal override bool AdmitsLabel(int correlationOrder, int n, int l) =>
        n <= NMax[correlationOrder - 1] && l <= LMax[correlationOrder - 1];

    internal override bool AdmitsPartial(int correlationOrder, int nSum, int lSum, int nMaxSoFar, int lMaxSoFar, int remaining) =>
        nMaxSoFar <= NMax[correlationOrder - 1] && lMaxSoFar <= LMax[correlationOrder - 1];

    internal override void Validate(int maxCorrelationOrder)
    {
        if (NMax is null || LMax is null)
        {
            throw new ArgumentException("the n_max / l_max selection needs both lists", NMax is null ? nameof(NMax) : nameof(LMax));
        }
        if (NMax.Count < maxCorrelationOrder || LMax.Count < maxCorrelationOrder)
        {
            throw new ArgumentException(
                $"the n_max / l_max selection lists {NMax.Count} n_max and {LMax.Count} l_max value(s) but the maximum correlation order is {maxCorrelationOrder}: give one per order",
                NMax.Count < maxCorrelationOrder ? nameof(NMax) : nameof(LMax));
        }
        for (int i = 0; i < maxCorrelationOrder; i++)
        {
            if (NMax[i] < 0 || LMax[i] < 0)
            {
                throw new ArgumentException($"n_max and l_max must be non-negative; order {i + 1} has n_max = {NMax[i]}, l_max = {LMax[i]}", nameof(NMax));
            }
        }
    }
}
