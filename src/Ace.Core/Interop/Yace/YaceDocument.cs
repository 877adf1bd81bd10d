namespace Ace.Core.Interop.Yace;

/// <summary>
/// The content of a .yace file, the C-tilde potential format of ML-PACE (lammps-user-pace, `pair_style pace`) as pacemaker,
/// ACEpotentials.jl and Ace.Core write it: elements, one-body energies, embeddings, radial functions per ordered element pair
/// ("bonds") and the C-tilde functions per center element. Species indices are positions in <see cref="Elements"/>.
/// Read with <see cref="YaceReader"/>, written with <see cref="YaceWriter"/>, evaluated by <see cref="YacePotential"/>.
/// </summary>
/// <param name="Elements">The element symbols.</param>
/// <param name="E0">The one-body energy of each element (eV), added to every site energy.</param>
/// <param name="DeltaSplineBins">The bin width (Angstrom) of the cubic radial tables ML-PACE builds for analytic radial bases.</param>
/// <param name="Embeddings">The embedding of each center species.</param>
/// <param name="Bonds">The radial functions of each ordered (center, neighbour) species pair.</param>
/// <param name="Functions">The C-tilde functions of each center species (rank 1 and higher, in file order).</param>
/// <param name="LMax">The top-level "lmax" (required by the ACE.jl radial forms; null when absent).</param>
public sealed record YaceDocument(
    IReadOnlyList<string> Elements,
    IReadOnlyList<double> E0,
    double DeltaSplineBins,
    IReadOnlyDictionary<int, YaceEmbedding> Embeddings,
    IReadOnlyDictionary<YaceBondKey, YaceBond> Bonds,
    IReadOnlyDictionary<int, IReadOnlyList<YaceFunction>> Functions,
    int? LMax = null);

/// <summary>An ordered species pair: the center's species and the neighbour's.</summary>
/// <param name="Center">The species index of the center atom.</param>
/// <param name="Neighbour">The species index of the neighbour.</param>
public readonly record struct YaceBondKey(int Center, int Neighbour);

/// <summary>
/// The embedding of one center species: E_i = sum_p w_p F_m_p(rho_p) (times the core cutoff), with
/// <see cref="FsParameters"/> = [w_1, m_1, w_2, m_2, ...]. "FinnisSinclairShiftedScaled" with [1, 1] and one density is
/// the linear embedding F(rho) = rho.
/// </summary>
/// <param name="Ndensity">The number of densities rho_p.</param>
/// <param name="FsParameters">The weights and exponents, two per density.</param>
/// <param name="Npoti">"FinnisSinclair" or "FinnisSinclairShiftedScaled".</param>
/// <param name="RhoCoreCutoff">The core density at which the ACE energy is switched off.</param>
/// <param name="DrhoCoreCutoff">The width of that switch.</param>
public sealed record YaceEmbedding(int Ndensity, IReadOnlyList<double> FsParameters, string Npoti, double RhoCoreCutoff, double DrhoCoreCutoff);

/// <summary>The radial functions of one ordered species pair.</summary>
public abstract record YaceBond
{
    /// <summary>The cutoff (Angstrom): neighbours at r &gt;= Rcut do not contribute.</summary>
    public abstract double Rcut { get; }
}

/// <summary>
/// ML-PACE's analytic radial form: a radial basis g_k (k = 0 .. Nradbasemax-1) of the family <see cref="Radbasename"/>
/// (ChebExpCos, ChebPow, ChebLinear, SBessel), radial functions R_nl = sum_k crad[n][l][k] g_k, and the core repulsion.
/// </summary>
/// <param name="Nradmax">The number of radial functions R_nl per l.</param>
/// <param name="Lmax">The largest l with radial coefficients.</param>
/// <param name="Nradbasemax">The number of basis functions g_k.</param>
/// <param name="Radbasename">The family of g_k.</param>
/// <param name="Radparameters">The family's parameters (lambda first).</param>
/// <param name="Radcoefficients">crad[n][l][k].</param>
/// <param name="Prehc">The prefactor of the core repulsion (0 for none).</param>
/// <param name="Lambdahc">The exponent of the core repulsion.</param>
/// <param name="CutoffRadius">The cutoff rcut.</param>
/// <param name="Dcut">The width of the extra cosine taper of ChebExpCos before rcut (0 for none).</param>
/// <param name="RcutIn">The inner cutoff (distance type; 0 for none).</param>
/// <param name="DcutIn">The width of the inner cutoff.</param>
/// <param name="InnerCutoffType">"density" (default when absent), "distance" or "zbl".</param>
public sealed record YaceAnalyticBond(
    int Nradmax, int Lmax, int Nradbasemax, string Radbasename, IReadOnlyList<double> Radparameters,
    IReadOnlyList<IReadOnlyList<IReadOnlyList<double>>> Radcoefficients, double Prehc, double Lambdahc,
    double CutoffRadius, double Dcut, double RcutIn = 0, double DcutIn = 0, string InnerCutoffType = "density") : YaceBond
{
    /// <inheritdoc/>
    public override double Rcut => CutoffRadius;
}

/// <summary>
/// The tabulated radial form (radbasename "ACE.jl", as ACEpotentials.jl writes it and the ACE.jl-enabled ML-PACE reads it):
/// functions R_k (used for every l and as the rank-1 basis) given by values and derivatives at Nbins + 1 equally spaced
/// nodes r_i = i Rcut / Nbins, interpolated by cubic Hermite polynomials; zero from the last node on.
/// </summary>
/// <param name="CutoffRadius">The cutoff rcut (the last node).</param>
/// <param name="Nradial">The number of functions.</param>
/// <param name="Nbins">The number of bins.</param>
/// <param name="NodalValues">NodalValues[k][i] = R_k(r_i).</param>
/// <param name="NodalDerivatives">NodalDerivatives[k][i] = R_k'(r_i).</param>
public sealed record YaceSplineBond(
    double CutoffRadius, int Nradial, int Nbins, IReadOnlyList<IReadOnlyList<double>> NodalValues,
    IReadOnlyList<IReadOnlyList<double>> NodalDerivatives) : YaceBond
{
    /// <summary>The radbasename this form is written with.</summary>
    public const string Name = "ACE.jl";

    /// <inheritdoc/>
    public override double Rcut => CutoffRadius;
}

/// <summary>
/// One C-tilde function of center species <see cref="Mu0"/>: for every density p,
/// rho_p += sum over m-combinations s of Ctildes[s * Ndensity + p] Re(prod_t A(Mus[t], Ns[t], Ls[t], MsCombs[s * Rank + t])),
/// with A(mu, n, l, m) = sum_j R_nl(r_ij) Yhat_lm, Yhat = sqrt(4 pi) times the orthonormal Condon-Shortley harmonics
/// (Yhat_00 = 1). Rank 1 uses the radial basis directly: A(mu, n) = sum_j g_(n-1)(r_ij).
/// </summary>
/// <param name="Mu0">The center species.</param>
/// <param name="Rank">The number of A factors.</param>
/// <param name="Ndensity">The number of densities the coefficients are given for.</param>
/// <param name="Mus">The neighbour species of each factor.</param>
/// <param name="Ns">The radial index of each factor (1-based).</param>
/// <param name="Ls">The degree of each factor.</param>
/// <param name="MsCombs">The m-combinations, Rank values each, flattened.</param>
/// <param name="Ctildes">The coefficients, Ndensity per m-combination, flattened.</param>
public sealed record YaceFunction(
    int Mu0, int Rank, int Ndensity, IReadOnlyList<int> Mus, IReadOnlyList<int> Ns, IReadOnlyList<int> Ls,
    IReadOnlyList<int> MsCombs, IReadOnlyList<double> Ctildes)
{
    /// <summary>The number of m-combinations.</summary>
    public int MsCombinationCount => Rank == 0 ? 0 : MsCombs.Count / Rank;
}
