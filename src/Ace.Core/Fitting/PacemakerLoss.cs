using System.Globalization;
using Ace.Core.Atoms;
using Ace.Core.Sites;

namespace Ace.Core.Fitting;

/// <summary>
/// pacemaker's loss as row weights: L = (1 - kappa) sum_s w_s (dE_s / N_s)^2 + kappa sum_s sum_i w_si |dF_si|^2, where
/// the structure weights w_s (the squared energy weights of <see cref="FitSettings.WeightsOf"/>) are normalised to sum 1
/// over the training set and the atom weights w_si (the squared force weights, one per atom) likewise; with the default
/// weights 1 that is pacemaker's uniform weighting (1 / structures, 1 / atoms). kappa "auto" is pacemaker's
/// Var(E / N) / (Var(E / N) + Var(|F|)) over the training set (energies less the reference energies, population variances).
/// </summary>
internal static class PacemakerLoss
{
    /// <summary>
    /// <paramref name="settings"/> with the energy and force weights scaled to pacemaker's normalisation over
    /// <paramref name="structures"/>; <paramref name="kappa"/> null: the automatic kappa.
    /// </summary>
    /// <exception cref="ArgumentException">A structure has a positive virial weight (pacemaker's loss has no virial term), or the automatic kappa lacks data.</exception>
    /// <exception cref="InvalidOperationException">The energies are not scaled per atom.</exception>
    public static FitSettings Normalise(FitSettings settings, IReadOnlyList<Structure> structures, BasisGeometry geometry, double? kappa)
    {
        if (settings.Scaling != EnergyScaling.PerAtom)
        {
            throw new InvalidOperationException("PacemakerLoss weights energies per atom, as pacemaker does; ScaleEnergy(EnergyScaling.PerSqrtAtom) contradicts it");
        }
        double energySum = 0, forceSum = 0;
        for (int s = 0; s < structures.Count; s++)
        {
            if (structures[s] is not { AtomCount: > 0 } structure)
            {
                continue; // named by StructurePlan.Create
            }
            var (we, wf, wv) = settings.WeightsOf(structure, s);
            if (wv > 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"structure {s} ({StructurePlan.Describe(structure)}) has virial weight {wv}, but pacemaker's loss has no virial term: set the virial weight to 0 with PacemakerLoss"));
            }
            energySum += we * we;
            forceSum += wf * wf * structure.AtomCount;
        }
        double k = kappa ?? AutoKappa(structures, settings, geometry);
        double energyScale = energySum > 0 ? Math.Sqrt((1 - k) / energySum) : 0;
        double forceScale = forceSum > 0 ? Math.Sqrt(k / forceSum) : 0;
        return settings with { WeightScale = (energyScale, forceScale) };
    }

    /// <summary>Var(E / N) / (Var(E / N) + Var(|F|)) over the structures with energies and the atoms with forces.</summary>
    private static double AutoKappa(IReadOnlyList<Structure> structures, FitSettings settings, BasisGeometry geometry)
    {
        var energies = new List<double>();
        var forces = new List<double>();
        foreach (var structure in structures)
        {
            if (structure is not { AtomCount: > 0 })
            {
                continue;
            }
            if (structure.Energy is { } e && structure.Elements.All(element => geometry.SpeciesOf(element) >= 0))
            {
                energies.Add((e - settings.ReferenceEnergyOf(structure, geometry)) / structure.AtomCount);
            }
            if (structure.Forces is { } f)
            {
                foreach (var force in f)
                {
                    forces.Add(force.Norm);
                }
            }
        }
        if (energies.Count < 2 || forces.Count < 2)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"PacemakerLoss with the automatic kappa needs at least two structures with energies and two atoms with forces (the training set has {energies.Count} and {forces.Count})"));
        }
        double energyVariance = Variance(energies), forceVariance = Variance(forces);
        return energyVariance + forceVariance > 0 ? energyVariance / (energyVariance + forceVariance) : 0.5;
    }

    private static double Variance(List<double> values)
    {
        double mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / values.Count;
    }
}
