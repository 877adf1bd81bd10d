using System.Globalization;
using System.Text;

namespace Ace.Core.Basis;

/// <summary>What kind of column a basis function is.</summary>
public enum BasisFunctionKind
{
    /// <summary>A many-body (ACE B) function: a rotation-invariant coupling of <c>CorrelationOrder</c> one-particle functions.</summary>
    ManyBody,

    /// <summary>A function of the separate pair basis: 1/2 sum over neighbours of J_n(r) for one unordered element pair.</summary>
    Pair,
}

/// <summary>
/// The readable label of one basis function (one design-matrix column).
/// </summary>
/// <param name="Column">The column of this function in the full basis.</param>
/// <param name="Kind">Many-body or pair.</param>
/// <param name="CenterElement">The center element (for a pair function: the first element of the pair, in basis element order).</param>
/// <param name="CorrelationOrder">The number of neighbours the function couples (1 for pair functions); body order = CorrelationOrder + 1.</param>
/// <param name="OneParticleLabels">The sorted tuple of (element, n, l) labels; for a pair function the single label (other element, n, 0).</param>
/// <param name="IndexInBlock">The index of this function among the independent invariants of its label tuple.</param>
/// <param name="BlockSize">How many independent invariants the label tuple has.</param>
public sealed record BasisFunctionLabel(
    int Column,
    BasisFunctionKind Kind,
    string CenterElement,
    int CorrelationOrder,
    IReadOnlyList<OneParticleLabel> OneParticleLabels,
    int IndexInBlock,
    int BlockSize)
{
    /// <summary>The body order, <see cref="CorrelationOrder"/> + 1.</summary>
    public int BodyOrder => CorrelationOrder + 1;

    /// <summary>E.g. "Si nu=3 (Si,1,0)(Si,2,1)(Si,2,1) #0/1" or "pair Si-C n=3".</summary>
    public override string ToString()
    {
        if (Kind == BasisFunctionKind.Pair)
        {
            var p = OneParticleLabels[0];
            return string.Create(CultureInfo.InvariantCulture, $"pair {CenterElement}-{p.Element} n={p.N}");
        }
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{CenterElement} nu={CorrelationOrder} ");
        foreach (var label in OneParticleLabels)
        {
            sb.Append(label);
        }
        sb.Append(CultureInfo.InvariantCulture, $" #{IndexInBlock}/{BlockSize}");
        return sb.ToString();
    }
}
