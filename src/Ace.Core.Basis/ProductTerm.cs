namespace Ace.Core.Basis;

/// <summary>
/// One A function of a center: A_{z n l m} = sum over neighbours j of species z of R_n(r_ij) Y_lm(r_ij / r_ij), with the
/// many-body radial basis of the (center, z) pair and the real orthonormal harmonics of Ace.Core.
/// </summary>
/// <param name="Species">The neighbour species index z.</param>
/// <param name="N">The radial label n (1-based: radial index n - 1).</param>
/// <param name="L">The angular degree l.</param>
/// <param name="M">The real-harmonic order m, -l .. l.</param>
public readonly record struct OneParticleFunction(int Species, int N, int L, int M);

/// <summary>
/// One term of a site energy written as a polynomial in the A functions: <see cref="Coefficient"/> times the product of
/// <see cref="Factors"/> (sorted; repeats allowed). See <see cref="AceBasis.ExpandSiteEnergy"/>.
/// </summary>
/// <param name="Coefficient">The coefficient of the product.</param>
/// <param name="Factors">The A functions multiplied (their count is the correlation order of the term).</param>
public sealed record ProductTerm(double Coefficient, IReadOnlyList<OneParticleFunction> Factors);
