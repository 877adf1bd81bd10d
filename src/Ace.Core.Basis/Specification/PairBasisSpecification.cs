namespace Ace.Core.Basis;

/// <summary>
/// The optional separate two-body basis (ace-math.md 2c): V = 1/2 sum_{i != j} sum_n c_n^{z_i z_j} J_n(r_ij) with
/// n = 1 .. <paramref name="MaxDegree"/> per unordered element pair.
/// </summary>
/// <param name="MaxDegree">The number of pair radial functions per element pair (n = 1 .. MaxDegree).</param>
/// <param name="Radial">The radial basis of every pair without an override (its cutoff is the pair cutoff).</param>
/// <param name="PairRadials">Per-pair overrides of <paramref name="Radial"/>; null or empty for none.</param>
public sealed record PairBasisSpecification(
    int MaxDegree, RadialBasisSpecification Radial, IReadOnlyList<ElementPairRadial>? PairRadials = null);
