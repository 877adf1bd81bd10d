using Ace.Core.Primitives.Transforms;

namespace Ace.Core.Primitives.Radial;

/// <summary>Argument checks and sizes shared by the radial bases.</summary>
internal static class RadialBatch
{
    /// <summary>Points per chunk of the batched kernels (their scratch lives on the stack).</summary>
    public const int ChunkSize = 256;

    /// <summary>Checks a single-point call.</summary>
    public static void CheckPoint(int count, double r, Span<double> values, Span<double> derivatives)
    {
        DistanceGuard.RequireNonNegative(r, nameof(r));
        DistanceGuard.RequireOutputs(values, derivatives, count);
    }

    /// <summary>Checks a batched call.</summary>
    public static void CheckBatch(int count, ReadOnlySpan<double> r, Span<double> values, Span<double> derivatives)
    {
        long required = (long)count * r.Length;
        if (required > int.MaxValue)
        {
            throw new ArgumentException("The batch is too large for one output span.", nameof(r));
        }

        DistanceGuard.RequireOutputs(values, derivatives, (int)required);
        DistanceGuard.RequireAllNonNegative(r, nameof(r));
    }

    /// <summary>One point of a batch with the given stride: zeros at and beyond the cutoff, else the basis's values.</summary>
    public static void EvaluatePoint<TBasis>(TBasis basis, double r, Span<double> values, Span<double> derivatives, int stride)
        where TBasis : IPointwiseRadialBasis
    {
        if (r >= basis.Cutoff)
        {
            Zero(basis.Count, values, derivatives, stride);
            return;
        }

        basis.EvaluateInside(r, values, derivatives, stride);
    }

    /// <summary>The scalar reference for a batched evaluation: checks the call, then evaluates point by point (same layout).</summary>
    public static void EvaluateReference<TBasis>(TBasis basis, ReadOnlySpan<double> r, Span<double> values, Span<double> derivatives)
        where TBasis : IPointwiseRadialBasis
    {
        CheckBatch(basis.Count, r, values, derivatives);
        for (int j = 0; j < r.Length; j++)
        {
            EvaluatePoint(basis, r[j], values.Slice(j), derivatives.Slice(j), r.Length);
        }
    }

    /// <summary>Writes zeros for function n = 0 .. count - 1 at one point of a batch with the given stride.</summary>
    public static void Zero(int count, Span<double> values, Span<double> derivatives, int stride)
    {
        for (int n = 0; n < count; n++)
        {
            values[n * stride] = 0.0;
            derivatives[n * stride] = 0.0;
        }
    }

    /// <summary>Checks that a count is at least 1.</summary>
    public static void RequireCount(int count, string name)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(name, count,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name} = {count} must be at least 1."));
        }
    }
}
