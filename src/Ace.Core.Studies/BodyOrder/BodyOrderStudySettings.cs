using Ace.Core.Analysis;
using Ace.Core.Basis;
using Ace.Core.Fitting;

namespace Ace.Core.Studies;

/// <summary>The inputs of <see cref="BodyOrderStudy"/>: which sets, bases and body orders to fit, and the reference dimer curve.</summary>
/// <param name="Element">The element (the study: "Si").</param>
/// <param name="Datasets">The training/validation sets (e.g. Si23, Si234, Si2345, Si3, Si4, Si5, Si345).</param>
/// <param name="Variants">The basis variants to compare.</param>
/// <param name="Degrees">The maximum total degree per correlation order (index 0 for order 1); a fit of maximum correlation order nu uses the first nu.</param>
/// <param name="ConfigureFit">Configures the fit of a basis (reference energies, weights, solver).</param>
/// <param name="ReferenceDimer">The reference dimer curve (exact SW pair curve or DFT), energies relative to two free atoms.</param>
public sealed record BodyOrderStudySettings(
    string Element,
    IReadOnlyList<StudyDataset> Datasets,
    IReadOnlyList<BasisVariant> Variants,
    IReadOnlyList<int> Degrees,
    Func<AceBasis, FitBuilder> ConfigureFit,
    Curve ReferenceDimer)
{
    /// <summary>The smallest maximum correlation order fitted (default 1: body order 2).</summary>
    public int MinCorrelationOrder { get; init; } = 1;

    /// <summary>The window of the dimer-curve RMS deviation, Angstrom (default 1.9 to 6.0, the study's range).</summary>
    public (double From, double To) DimerWindow { get; init; } = (1.9, 6.0);

    /// <summary>Where the dimer and trimer curves' tails are scored from, Angstrom (default 5.0; see <see cref="BodyOrderFit.DimerTailDrop"/> and <see cref="BodyOrderFit.TrimerTailDrop"/>).</summary>
    public double DimerTailFrom { get; init; } = 5.0;

    /// <summary>The spacing of the dimer and trimer curves, Angstrom (default 0.02), from the reference's first distance to the cutoff.</summary>
    public double CurveStep { get; init; } = 0.02;

    /// <summary>Receives every fit as soon as it is done.</summary>
    public IProgress<BodyOrderFit>? Progress { get; init; }

    /// <summary>The number of fits the study makes.</summary>
    public int FitCount => Datasets.Count * Variants.Count * (Degrees.Count - MinCorrelationOrder + 1);
}
