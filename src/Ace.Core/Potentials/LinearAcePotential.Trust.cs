using System.Collections.Immutable;
using Ace.Core.Atoms;
using Ace.Core.Fitting;
using Ace.Core.Trust;

namespace Ace.Core.Potentials;

/// <summary>The trust part of a potential: its optional active set (extrapolation grade) and committee (uncertainty).</summary>
public sealed partial class LinearAcePotential
{
    private ActiveSet? _activeSet;
    private PotentialCommittee? _committee;
    private Lazy<LinearAcePotential[]>? _committeeModels;

    /// <summary>The active set of the extrapolation grade, or null when the potential has none.</summary>
    public ActiveSet? ActiveSet => _activeSet;

    /// <summary>The posterior committee, or null when the potential has none.</summary>
    public PotentialCommittee? Committee => _committee;

    /// <summary>This potential with <paramref name="activeSet"/> (null: without one); the committee is kept.</summary>
    /// <exception cref="ArgumentException">The active set was built for a different basis.</exception>
    public LinearAcePotential WithActiveSet(ActiveSet? activeSet)
    {
        activeSet?.RequireBasis(Basis, nameof(WithActiveSet));
        return Copy(activeSet, _committee, Provenance);
    }

    /// <summary>This potential with <paramref name="committee"/> (null: without one); the active set is kept.</summary>
    /// <exception cref="ArgumentException">The committee's members have a different number of coefficients.</exception>
    public LinearAcePotential WithCommittee(PotentialCommittee? committee)
    {
        if (committee is not null && committee.FunctionCount != Basis.FunctionCount)
        {
            throw new ArgumentException($"the committee has {committee.FunctionCount} coefficients per member, the basis {Basis.FunctionCount}", nameof(committee));
        }
        return Copy(_activeSet, committee, Provenance);
    }

    /// <summary>The extrapolation grade gamma of every atom of <paramref name="structure"/> (see <see cref="Trust.ActiveSet"/>).</summary>
    /// <exception cref="InvalidOperationException">The potential has no active set.</exception>
    public ExtrapolationGrades Grade(Structure structure) => RequireActiveSet().Grade(structure);

    /// <summary>The largest extrapolation grade of any atom of <paramref name="structure"/>: the cheap per-step check of a simulation.</summary>
    /// <exception cref="InvalidOperationException">The potential has no active set.</exception>
    public double MaxGrade(Structure structure) => RequireActiveSet().MaxGrade(structure);

    /// <summary>
    /// The committee's standard deviations of the energy, site energies, forces and virial of <paramref name="structure"/>
    /// (K extra force evaluations).
    /// </summary>
    /// <exception cref="InvalidOperationException">The potential has no committee.</exception>
    public CommitteePrediction Uncertainty(Structure structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        var models = (_committeeModels ?? throw new InvalidOperationException(
            "the potential has no committee; fit it with LinearAce.Fit(basis).Committee(...) (ace fit --committee K) or attach one with WithCommittee")).Value;
        var mean = Evaluate(structure);
        int k = models.Length, n = structure.AtomCount;
        var deviations = models.Select(m => m.Evaluate(structure)).ToArray();
        double averageEnergy = deviations.Average(d => d.Energy);
        double energyVariance = deviations.Sum(d => Square(d.Energy - averageEnergy)) / k;
        var siteSd = new double[n];
        var forceSd = new double[n];
        for (int i = 0; i < n; i++)
        {
            double siteMean = 0;
            var forceMean = default(Ace.Core.Primitives.Vec3);
            foreach (var d in deviations)
            {
                siteMean += d.SiteEnergies[i] / k;
                forceMean += d.Forces[i] * (1.0 / k);
            }
            double siteVariance = 0, forceVariance = 0;
            foreach (var d in deviations)
            {
                siteVariance += Square(d.SiteEnergies[i] - siteMean) / k;
                var delta = d.Forces[i] - forceMean;
                forceVariance += (delta.X * delta.X + delta.Y * delta.Y + delta.Z * delta.Z) / k;
            }
            siteSd[i] = Math.Sqrt(siteVariance);
            forceSd[i] = Math.Sqrt(forceVariance);
        }
        var virialMean = new double[6];
        var voigt = new double[6];
        foreach (var d in deviations)
        {
            d.Virial.CopyToVoigt(voigt);
            for (int c = 0; c < 6; c++)
            {
                virialMean[c] += voigt[c] / k;
            }
        }
        var virialVariance = new double[6];
        foreach (var d in deviations)
        {
            d.Virial.CopyToVoigt(voigt);
            for (int c = 0; c < 6; c++)
            {
                virialVariance[c] += Square(voigt[c] - virialMean[c]) / k;
            }
        }
        var virialSd = SymmetricTensor3.FromVoigt(virialVariance.Select(Math.Sqrt).ToArray());
        return new CommitteePrediction(mean.Energy, Math.Sqrt(energyVariance),
            deviations.Select(d => mean.Energy + d.Energy).ToImmutableArray(),
            ImmutableArray.Create(siteSd), ImmutableArray.Create(forceSd), virialSd);
    }

    private static double Square(double x) => x * x;

    private ActiveSet RequireActiveSet() => _activeSet ?? throw new InvalidOperationException(
        "the potential has no active set; build one with LinearAce.ActiveSet(potential.Basis).Build(training) and attach it with WithActiveSet (ace activeset), or fit with FitBuilder.ActiveSet()");

    /// <summary>A copy of this potential with the given trust parts.</summary>
    private LinearAcePotential Copy(ActiveSet? activeSet, PotentialCommittee? committee, FitProvenance? provenance)
    {
        var copy = new LinearAcePotential(Basis, _coefficients, ReferenceEnergies) { Provenance = provenance };
        copy._activeSet = activeSet;
        copy._committee = committee;
        if (committee is not null)
        {
            var basis = Basis;
            copy._committeeModels = new Lazy<LinearAcePotential[]>(() =>
                Enumerable.Range(0, committee.Size).Select(m => new LinearAcePotential(basis, committee.Deviation(m))).ToArray());
        }
        return copy;
    }
}
