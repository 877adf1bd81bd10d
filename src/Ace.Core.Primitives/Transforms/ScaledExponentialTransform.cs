using System.Globalization;

namespace Ace.Core.Primitives.Transforms;

/// <summary>
/// Pacemaker's scaled exponential transform (ace-math section 2b):
/// x(r) = 1 - 2 (exp(-lambda r / r_c) - exp(-lambda)) / (1 - exp(-lambda)), so that x(0) = -1 and x(r_c) = +1.
/// Immutable and thread-safe.
/// </summary>
public sealed class ScaledExponentialTransform : IDistanceTransform
{
    private readonly double _expMinusLambda;
    private readonly double _twoOverDenominator; // 2 / (1 - exp(-lambda))

    /// <summary>Creates the transform.</summary>
    /// <param name="lambda">The decay parameter lambda; positive and finite.</param>
    /// <param name="cutoff">The cutoff distance r_c (Angstrom); positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public ScaledExponentialTransform(double lambda, double cutoff)
    {
        if (!(lambda > 0 && double.IsFinite(lambda)))
        {
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda,
                string.Create(CultureInfo.InvariantCulture, $"lambda = {lambda:R} must be positive and finite."));
        }

        if (!(cutoff > 0 && double.IsFinite(cutoff)))
        {
            throw new ArgumentOutOfRangeException(nameof(cutoff), cutoff,
                string.Create(CultureInfo.InvariantCulture, $"cutoff = {cutoff:R} must be positive and finite."));
        }

        Lambda = lambda;
        Cutoff = cutoff;
        _expMinusLambda = Math.Exp(-lambda);
        _twoOverDenominator = 2.0 / (1.0 - _expMinusLambda);
    }

    /// <summary>The decay parameter lambda.</summary>
    public double Lambda { get; }

    /// <summary>The cutoff distance r_c (Angstrom), mapped to x = +1.</summary>
    public double Cutoff { get; }

    /// <inheritdoc />
    public double Transform(double r, out double derivative)
    {
        DistanceGuard.RequireFinite(r);
        return TransformUnchecked(r, out derivative);
    }

    /// <inheritdoc />
    public void Transform(ReadOnlySpan<double> r, Span<double> values, Span<double> derivatives)
    {
        DistanceGuard.RequireTransformBatch(r, values, derivatives);
        for (int j = 0; j < r.Length; j++)
        {
            values[j] = TransformUnchecked(r[j], out derivatives[j]);
        }
    }

    /// <summary>The transform without argument checks (r finite and non-negative).</summary>
    internal double TransformUnchecked(double r, out double derivative)
    {
        double e = Math.Exp(-Lambda * r / Cutoff);
        derivative = _twoOverDenominator * Lambda / Cutoff * e;
        return 1.0 - _twoOverDenominator * (e - _expMinusLambda);
    }
}
