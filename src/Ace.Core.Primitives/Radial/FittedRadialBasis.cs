using System.Buffers;
using System.Globalization;
using System.Numerics.Tensors;

namespace Ace.Core.Primitives.Radial;

/// <summary>
/// Radial functions fitted over a primitive radial basis g_0 .. g_{K-1} (pacemaker's R_nl = sum_k c_nlk g_k):
/// R_row(r) = sum_k W[row, k] g_k(r), one row per radial channel, then optionally product functions, each the product
/// of some fitted rows (what a purified basis subtracts at one neighbour: <see cref="Products"/>). Same cutoff as the
/// primitive basis (every g_k vanishes there, so every function does). Immutable and thread-safe.
/// </summary>
public sealed class FittedRadialBasis : IRadialBasis
{
    private readonly double[] _coefficients;
    private readonly int[][] _products;

    /// <summary>Creates the fitted functions (no product functions).</summary>
    /// <param name="primitive">The primitive basis g_k (K = its Count functions).</param>
    /// <param name="coefficients">W row-major: W[row, k] at row * primitive.Count + k; its length fixes the number of rows.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The length is not a positive multiple of K, or a coefficient is not finite.</exception>
    public FittedRadialBasis(IRadialBasis primitive, ReadOnlySpan<double> coefficients)
        : this(primitive, coefficients, [])
    {
    }

    /// <summary>Creates the fitted functions followed by product functions of them.</summary>
    /// <param name="primitive">The primitive basis g_k (K = its Count functions).</param>
    /// <param name="coefficients">W row-major: W[row, k] at row * primitive.Count + k; its length fixes the number of rows.</param>
    /// <param name="products">
    /// Function <see cref="FittedCount"/> + i is prod_t R_{products[i][t]}(r): the fitted rows it multiplies (at least two,
    /// repeats allowed).
    /// </param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// The length is not a positive multiple of K, a coefficient is not finite, or a product has fewer than two factors or
    /// names a row that does not exist.
    /// </exception>
    public FittedRadialBasis(IRadialBasis primitive, ReadOnlySpan<double> coefficients, IReadOnlyList<IReadOnlyList<int>> products)
    {
        ArgumentNullException.ThrowIfNull(primitive);
        ArgumentNullException.ThrowIfNull(products);
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
        int rows = coefficients.Length / k;
        _products = new int[products.Count][];
        for (int i = 0; i < products.Count; i++)
        {
            var factors = products[i]?.ToArray() ?? throw new ArgumentNullException(nameof(products), $"product function {i} is null");
            if (factors.Length < 2 || factors.Any(f => (uint)f >= (uint)rows))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"product function {i} multiplies rows [{string.Join(", ", factors)}]; it needs at least two rows, each in 0 .. {rows - 1}"), nameof(products));
            }
            _products[i] = factors;
        }
        Primitive = primitive;
        _coefficients = coefficients.ToArray();
        FittedCount = rows;
        Products = Array.AsReadOnly(_products.Select(p => (IReadOnlyList<int>)Array.AsReadOnly(p)).ToArray());
        Count = rows + _products.Length;
    }

    /// <summary>The primitive basis g_k the functions are expanded in.</summary>
    public IRadialBasis Primitive { get; }

    /// <summary>W row-major (row * Primitive.Count + k), rows 0 .. <see cref="FittedCount"/> - 1.</summary>
    public ReadOnlySpan<double> Coefficients => _coefficients;

    /// <summary>The number of fitted rows (functions 0 .. FittedCount - 1); the product functions follow them.</summary>
    public int FittedCount { get; }

    /// <summary>The product functions: function <see cref="FittedCount"/> + i is the product of the fitted rows Products[i].</summary>
    public IReadOnlyList<IReadOnlyList<int>> Products { get; }

    /// <inheritdoc />
    /// <remarks>The fitted rows and the product functions.</remarks>
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
            for (int row = 0; row < FittedCount; row++)
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
            for (int i = 0; i < _products.Length; i++)
            {
                MultiplyRows(_products[i], values, derivatives, n, FittedCount + i);
            }
        }
        finally
        {
            pool.Return(g);
            pool.Return(dg);
        }
    }

    /// <summary>Row <paramref name="target"/> = prod of the rows <paramref name="factors"/>, and its derivative by the product rule.</summary>
    private static void MultiplyRows(int[] factors, Span<double> values, Span<double> derivatives, int n, int target)
    {
        var v = values.Slice(target * n, n);
        var d = derivatives.Slice(target * n, n);
        values.Slice(factors[0] * n, n).CopyTo(v);
        derivatives.Slice(factors[0] * n, n).CopyTo(d);
        for (int t = 1; t < factors.Length; t++)
        {
            var fv = values.Slice(factors[t] * n, n);
            var fd = derivatives.Slice(factors[t] * n, n);
            // (P f)' = P' f + P f', with the old P: update the derivative before the value.
            TensorPrimitives.Multiply(d, fv, d);
            TensorPrimitives.MultiplyAdd(v, fd, d, d);
            TensorPrimitives.Multiply(v, fv, v);
        }
    }
}
