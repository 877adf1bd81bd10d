using Ace.Core.Basis.Enumeration;

namespace Ace.Core.Basis.Purification.Expansion;

/// <summary>
/// The one-neighbour products of the radial functions of one (center, neighbour species) pair, as
/// <see cref="PureProductExpander"/> needs them: prod_t R_{labels[t]}(r) as a sparse combination of radial functions of the
/// extended basis. A product-closed family expands it exactly in its own functions (<see cref="RadialProductTable"/>);
/// fitted radials make it a function of its own, a product channel (<see cref="FittedRadialProducts"/>).
/// </summary>
internal interface IRadialProducts
{
    /// <summary>
    /// The product of the radial functions of <paramref name="blockLabels"/> (one species, any order; a single label is its
    /// own function) as Values[i] times radial function Indices[i] + 1 of the extended basis (its label n).
    /// </summary>
    SparseExpansion Product(ReadOnlySpan<LabelIndex> blockLabels);
}
