namespace Ace.Core.Primitives.Transforms;

/// <summary>The identity y(r) = r with derivative 1. Immutable and thread-safe.</summary>
public sealed class IdentityTransform : IDistanceTransform
{
    /// <summary>The shared instance.</summary>
    public static IdentityTransform Instance { get; } = new();

    /// <inheritdoc />
    public double Transform(double r, out double derivative)
    {
        DistanceGuard.RequireFinite(r);
        derivative = 1.0;
        return r;
    }

    /// <inheritdoc />
    public void Transform(ReadOnlySpan<double> r, Span<double> values, Span<double> derivatives)
    {
        DistanceGuard.RequireTransformBatch(r, values, derivatives);
        r.CopyTo(values);
        derivatives[..r.Length].Fill(1.0);
    }
}
