using System.Globalization;

namespace Ace.Core.Basis;

/// <summary>
/// Fitted radial functions (pacemaker's form): for a center element z, a neighbour element z' and a channel (n, l),
/// R_{z z' n l}(r) = sum_k W_{z z' n l k} g_k(r) over the first <see cref="PrimitiveCount"/> functions g_k of the
/// primitive family <see cref="Primitive"/> (pacemaker's nradbase). A channel without an entry in
/// <see cref="Coefficients"/> takes W_{z z' n l k} = delta(k, n - 1), i.e. R_nl = g_{n-1}: the fixed radial basis of
/// the primitive family, reproduced exactly. Not product-closed, yet purifiable: a purified basis evaluates the
/// one-neighbour products of fitted radials it subtracts as functions of their own (docs/purification.md).
/// </summary>
/// <param name="Primitive">The family g_k (any non-fitted radial specification; its cutoff is the cutoff).</param>
/// <param name="PrimitiveCount">K, the number of primitive functions (pacemaker's nradbase); every channel needs n &lt;= K unless it has coefficients.</param>
/// <param name="Coefficients">The fitted rows; null or empty for the starting point delta(k, n - 1).</param>
public sealed record FittedRadialSpecification(
    RadialBasisSpecification Primitive, int PrimitiveCount, IReadOnlyList<RadialChannelCoefficients>? Coefficients = null)
    : RadialBasisSpecification
{
    /// <inheritdoc/>
    public override double Cutoff => Primitive.Cutoff;

    /// <inheritdoc/>
    public override bool IsProductClosed => false;

    internal override void Validate(string where)
    {
        if (Primitive is null)
        {
            throw new ArgumentException($"{where}: the fitted radial functions need a primitive radial family", nameof(Primitive));
        }
        if (Primitive is FittedRadialSpecification)
        {
            throw new ArgumentException($"{where}: the primitive family of fitted radial functions cannot itself be fitted", nameof(Primitive));
        }
        Primitive.Validate($"{where} (primitive family)");
        if (PrimitiveCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(PrimitiveCount), PrimitiveCount, $"{where}: the fitted radial functions need at least one primitive function");
        }
        var seen = new HashSet<(string, string, int, int)>();
        foreach (var row in Coefficients ?? [])
        {
            if (row is null || row.Center is null || row.Neighbour is null || row.Values is null)
            {
                throw new ArgumentException($"{where}: a fitted radial coefficient row is null or incomplete", nameof(Coefficients));
            }
            string name = string.Create(CultureInfo.InvariantCulture, $"{where}: the coefficients of {row.Center}-{row.Neighbour} (n = {row.N}, l = {row.L})");
            if (row.N < 1 || row.L < 0)
            {
                throw new ArgumentException($"{name}: n must be at least 1 and l at least 0", nameof(Coefficients));
            }
            if (row.Values.Count != PrimitiveCount)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{name} have {row.Values.Count} values; expected one per primitive function ({PrimitiveCount})"), nameof(Coefficients));
            }
            foreach (var v in row.Values)
            {
                if (!double.IsFinite(v))
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} contain a non-finite value {v}"), nameof(Coefficients));
                }
            }
            if (!seen.Add((row.Center, row.Neighbour, row.N, row.L)))
            {
                throw new ArgumentException($"{name} are given twice", nameof(Coefficients));
            }
        }
    }

    /// <summary>The coefficients W_{z z' n l k} (k = 0 .. K-1) of one channel: the given row, else delta(k, n - 1).</summary>
    /// <exception cref="ArgumentException">The channel has no row and n exceeds K.</exception>
    internal double[] RowOf(string center, string neighbour, int n, int l)
    {
        foreach (var row in Coefficients ?? [])
        {
            if (row.N == n && row.L == l && string.Equals(row.Center, center, StringComparison.Ordinal)
                && string.Equals(row.Neighbour, neighbour, StringComparison.Ordinal))
            {
                return row.Values.ToArray();
            }
        }
        if (n > PrimitiveCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"the fitted radial channel {center}-{neighbour} n = {n}, l = {l} has no coefficients and n exceeds the {PrimitiveCount} primitive functions: raise PrimitiveCount to at least {n} or give its coefficients"));
        }
        var delta = new double[PrimitiveCount];
        delta[n - 1] = 1.0;
        return delta;
    }
}

/// <summary>The fitted coefficients of one radial channel: R_{z z' n l}(r) = sum_k Values[k] g_k(r).</summary>
/// <param name="Center">The center element z.</param>
/// <param name="Neighbour">The neighbour element z'.</param>
/// <param name="N">The radial label n (&gt;= 1).</param>
/// <param name="L">The angular label l.</param>
/// <param name="Values">W_{z z' n l k} for k = 0 .. K-1.</param>
public sealed record RadialChannelCoefficients(string Center, string Neighbour, int N, int L, IReadOnlyList<double> Values);
