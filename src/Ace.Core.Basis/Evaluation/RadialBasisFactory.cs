using Ace.Core.Primitives.Radial;
using Ace.Core.Primitives.Transforms;

namespace Ace.Core.Basis.Evaluation;

/// <summary>Creates the primitive radial basis that a <see cref="RadialBasisSpecification"/> describes.</summary>
internal static class RadialBasisFactory
{
    public static IRadialBasis Create(RadialBasisSpecification specification, int count) => specification switch
    {
        TransformedJacobiRadialSpecification t => new TransformedJacobiBasis(
            new AgnesiTransform(t.R0, t.CutoffRadius, t.P, t.Q), count, t.PIn, t.PCut),
        EnvelopedLegendreRadialSpecification e => new EnvelopedLegendreBasis(
            new AgnesiTransform(e.R0, e.CutoffRadius, e.P, e.Q), count, e.EnvelopeExponent),
        ChebExpCosRadialSpecification c => new ChebExpCosBasis(new ScaledExponentialTransform(c.Lambda, c.CutoffRadius), count),
        FittedRadialSpecification => throw new ArgumentException(
            "fitted radial functions are per channel of the many-body basis; the pair basis needs a fixed radial family", nameof(specification)),
        _ => throw new ArgumentException($"unsupported radial basis specification {specification.GetType().Name}", nameof(specification)),
    };
}
