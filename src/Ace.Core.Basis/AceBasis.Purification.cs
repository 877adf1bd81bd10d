namespace Ace.Core.Basis;

public sealed partial class AceBasis
{
    /// <summary>True when this is a purified (self-interaction-free) basis; see <see cref="Purification"/>.</summary>
    public bool IsPurified => Specification.Purification is not null;

    /// <summary>The purification this basis was built with, or null for the ordinary basis.</summary>
    public PurificationOptions? Purification => Specification.Purification;

    private static AceBasisSpecification RequireSelfInteracting(AceBasisSpecification specification)
    {
        if (specification?.Purification is { } options)
        {
            throw new ArgumentException(
                $"the specification asks for a purified basis ({options}); AceBasis.Build builds only ordinary bases: use Ace.Core.Purification.PurifiedBasis.Build(specification)",
                nameof(specification));
        }
        return specification!;
    }
}
