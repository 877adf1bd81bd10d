namespace Ace.Core.Basis;

public sealed partial record AceBasisSpecification
{
    /// <summary>
    /// Null for the ordinary (self-interacting) basis. When set, the specification describes the purified basis; build it
    /// with <c>Ace.Core.Purification.PurifiedBasis.Build</c> (<see cref="AceBasis.Build"/> refuses it).
    /// </summary>
    public PurificationOptions? Purification { get; init; }
}
