using Ace.Core.Basis;

namespace Ace.Core.Sites;

/// <summary>
/// What a basis needs from a structure: the species index of every element the basis knows and the per-pair
/// cutoffs of its neighbour lists (see <see cref="SpeciesGeometry"/>). Built once per basis; immutable.
/// </summary>
internal sealed class BasisGeometry(AceBasis basis) : SpeciesGeometry(basis.Elements, basis.Cutoff, "the basis")
{
    public AceBasis Basis { get; } = basis;
}
