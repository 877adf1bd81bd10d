using System.Collections.Immutable;
using Ace.Core.Atoms;
using Ace.Core.Primitives;

namespace Ace.Core.Potentials;

/// <summary>
/// Everything a potential predicts for one structure.
/// </summary>
/// <param name="Energy">The total energy in eV, including the reference one-body energies.</param>
/// <param name="SiteEnergies">E0(z_i) + E_i for every atom, in eV; they sum to <paramref name="Energy"/>.</param>
/// <param name="Forces">The force on every atom, -dE/dr_i, in eV/Angstrom.</param>
/// <param name="Virial">
/// The virial in eV, W = -sum_i sum_j r_ij (x) dE_i/dr_ij (symmetrised), which equals minus the derivative of the
/// energy with respect to a homogeneous strain (ASE: virial = -stress * volume).
/// </param>
public sealed record PotentialEvaluation(
    double Energy,
    ImmutableArray<double> SiteEnergies,
    ImmutableArray<Vec3> Forces,
    SymmetricTensor3 Virial);
