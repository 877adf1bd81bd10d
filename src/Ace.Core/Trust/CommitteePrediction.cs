using System.Collections.Immutable;
using Ace.Core.Atoms;

namespace Ace.Core.Trust;

/// <summary>
/// The committee's spread on one structure: standard deviations over the K members (1/K normalised, about the
/// members' mean, which is the posterior mean's prediction). A force standard deviation is that of the force vector:
/// sqrt(sum over components of their variances).
/// </summary>
/// <param name="Energy">The posterior mean's energy in eV.</param>
/// <param name="EnergyStandardDeviation">The standard deviation of the total energy in eV.</param>
/// <param name="MemberEnergies">Every member's total energy in eV.</param>
/// <param name="SiteEnergyStandardDeviations">The standard deviation of every atom's site energy in eV.</param>
/// <param name="ForceStandardDeviations">The standard deviation of every atom's force vector in eV/Angstrom.</param>
/// <param name="VirialStandardDeviation">The standard deviation of every virial component in eV.</param>
public sealed record CommitteePrediction(
    double Energy,
    double EnergyStandardDeviation,
    ImmutableArray<double> MemberEnergies,
    ImmutableArray<double> SiteEnergyStandardDeviations,
    ImmutableArray<double> ForceStandardDeviations,
    SymmetricTensor3 VirialStandardDeviation)
{
    /// <summary>The largest force standard deviation of any atom (0 without atoms).</summary>
    public double MaxForceStandardDeviation => ForceStandardDeviations.IsDefaultOrEmpty ? 0 : ForceStandardDeviations.Max();
}
