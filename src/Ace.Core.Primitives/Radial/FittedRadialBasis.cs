using System.Buffers;
using System.Globalization;
using System.Numerics.Tensors;

namespace Ace.Core.Primitives.Radial;

/// <summary>
/// Radial functions fitted over a primitive radial basis g_0 .. g_{K-1} (pacemaker's R_nl = sum_k c_nlk g_k):
/// R_row(r) = sum_k W[row, k] g_k(r), one row per radial channel. Same cutoff as the primitive basis (every g_k vanishes
/// there, so every R_row does). Immutable and thread-safe.
/// </summary>
public sealed class FittedRadialBasis : IRadialBasis
{
    private readonly double[] _coefficients;

    /// <summary>Creates the fitted functions.</summary>
    /// <param name="primitive">The primitive basis g_k (K = its Count functions).</param>
    /// <param name="coefficients">W row-major: W[row, k] at row * primitive.Count + k; its length fixes the number of rows.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The length is not a positive multiple of K, or a coefficient is not finite.</exception>
    public FittedRadialBasis(IRadialBasis primitive, ReadOnlySpan<double> coefficients)
    {
        ArgumentNullException.ThrowIfNull(primitive);
        int k = primitive.Count;
        if (coefficients.Length == 0 || coefficients.Length % k != 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"the fitted radial coefficients have length {coefficients.Length}, which is not a positive multiple of the {k} primitive functions"), nameof(coefficients));
        }
        for (int i = 0; i < coefficients.Length; i++)
        {
            if (!double.IsFinite(coefficients[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"fitted radial coefficient W[{i / k}, {i % k}] is not finite: {coefficients[i]}"), nameof(coefficients));
            }
        }
        Primitive = primitive;
        _coefficients = coefficients.ToArray();
        Count = coefficients.Length / k;
    }

    /// <summary>The primitive basis g_k the functions are expanded in.</summary>
    public IRadialBasis Primitive { get; }

    /// <summary>W row-major (row * Primitive.Count + k).</summary>
    public ReadOnlySpan<double> Coefficients => _coefficients;

    /// <inheritdoc />
    public int Count { get; }

    /// <inheritdoc />
    public double Cutoff => Primitive.Cutoff;

    /// <inheritdoc />
    public void Evaluate(double r, Span<double> values, Span<double> derivatives)
    {
        Evaluate(new ReadOnlySpan<double>(in r), values, derivatives);
    }

    /// <inheritdoc />
    public void Evaluate(ReadOnlySpan<double> r, Span<double> values, Span<double> derivatives)
    {
        int k = Primitive.Count, n = r.Length;
        RadialBatch.CheckBatch(Count, r, values, derivatives);
        var pool = ArrayPool<double>.Shared;
        var g = pool.Rent(Math.Max(1, k * n));
        var dg = pool.Rent(Math.Max(1, k * n));
        try
        {
            Primitive.Evaluate(r, g.AsSpan(0, k * n), dg.AsSpan(0, k * n));
            for (int row = 0; row < Count; row++)
            {
                var v = values.Slice(row * n, n);
                var d = derivatives.Slice(row * n, n);
                v.Clear();
                d.Clear();
                for (int j = 0; j < k; j++)
                {
                    double w = _coefficients[row * k + j];
                    if (w != 0.0)
                    {
                        TensorPrimitives.MultiplyAdd(g.AsSpan(j * n, n), w, v, v);
                        TensorPrimitives.MultiplyAdd(dg.AsSpan(j * n, n), w, d, d);
                    }
                }
            }
        }
        finally
        {
            pool.Return(g);
            pool.Return(dg);
        }
    }
}
