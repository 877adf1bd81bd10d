using Ace.Core.Analysis;
using Ace.Core.Basis;
using Ace.Core.Fitting;

namespace Ace.Core.Studies;

/// <summary>The inputs of <see cref="RadialLadderStudy"/>: sets, rungs, the start fit and the radial fit's budget.</summary>
/// <param name="Element">The element ("C" for the carbon study).</param>
/// <param name="Datasets">The training/validation sets; the validation sets are only evaluated, never used to choose a step.</param>
/// <param name="Descriptors">The rungs (<see cref="PacemakerDescriptor.StudyLadder"/> for the study's ladder).</param>
/// <param name="Radial">The primitive radial family (the study: ChebExpCos, r_cut 5 A, lambda 5.25).</param>
/// <param name="ConfigureFit">Configures the start fit of a basis (reference energies, weights, solver; no FitRadials).</param>
/// <param name="ReferenceDimer">The reference dimer curve, energies relative to two free atoms.</param>
public sealed record RadialLadderSettings(
    string Element,
    IReadOnlyList<StudyDataset> Datasets,
    IReadOnlyList<PacemakerDescriptor> Descriptors,
    RadialBasisSpecification Radial,
    Func<AceBasis, FitBuilder> ConfigureFit,
    Curve ReferenceDimer)
{
    /// <summary>The L-BFGS iteration limit of every radial fit (default 50).</summary>
    public int MaxIterations { get; init; } = 50;

    /// <summary>The wall-time limit of every radial fit (checked after each iteration; null: none).</summary>
    public TimeSpan? MaxDuration { get; init; }

    /// <summary>The window of the dimer-curve RMS deviation, Angstrom.</summary>
    public (double From, double To) DimerWindow { get; init; } = (1.9, 6.0);

    /// <summary>The spacing of the dimer curves, Angstrom (default 0.02), from the reference's first distance to the cutoff.</summary>
    public double CurveStep { get; init; } = 0.02;

    /// <summary>Receives every fit as soon as it is done.</summary>
    public IProgress<RadialLadderFit>? Progress { get; init; }

    /// <summary>Receives every accepted step of every radial fit.</summary>
    public IProgress<RadialLadderStep>? StepProgress { get; init; }

    /// <summary>The number of fits the study makes.</summary>
    public int FitCount => Datasets.Count * Descriptors.Count;
}
