using System.Globalization;

namespace Ace.Core.Basis;

/// <summary>
/// The label (z, n, l) of a one-particle function phi_{z n l m}: the neighbour's element, the radial label n
/// (starting at 1, as in the math and the degree rule; radial index n - 1 in code) and the angular degree l.
/// </summary>
/// <param name="Element">The neighbour element symbol z.</param>
/// <param name="N">The radial label, n &gt;= 1.</param>
/// <param name="L">The angular degree, l &gt;= 0.</param>
public sealed record OneParticleLabel(string Element, int N, int L)
{
    /// <summary>"(Si,2,1)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"({Element},{N},{L})");
}
