using Ace.Core.Analysis;
using Ace.Core.Errors;
using Ace.Core.Fitting;
using Ace.Core.Potentials;

namespace Ace.Core.Studies;

/// <summary>One fit of <see cref="RadialLadderStudy"/>: a rung on a set, at its fixed-radial start and after the radial fit.</summary>
/// <param name="Dataset">The training set's name.</param>
/// <param name="Descriptor">The rung.</param>
/// <param name="FunctionCount">The number of basis functions.</param>
/// <param name="StartTrain">Training errors of the start (fixed radials R_nl = g_{n-1}, the linear fit).</param>
/// <param name="StartValidation">Validation errors of the start (null without a validation set).</param>
/// <param name="Train">Training errors after the radial fit.</param>
/// <param name="Validation">Validation errors after the radial fit (null without a validation set).</param>
/// <param name="Report">The radial fit's steps, stop reason, lambda and number of radial parameters.</param>
/// <param name="StartTime">Wall time of the start (assembly and linear solve).</param>
/// <param name="RadialTime">Wall time of the radial fit.</param>
/// <param name="Dimer">The fitted potential's dimer curve E - 2 E0 from the reference's first distance to the cutoff.</param>
/// <param name="StartDimer">The start's dimer curve over the same distances.</param>
/// <param name="Potential">The fitted potential.</param>
public sealed record RadialLadderFit(
    string Dataset, PacemakerDescriptor Descriptor, int FunctionCount,
    ErrorRow StartTrain, ErrorRow? StartValidation, ErrorRow Train, ErrorRow? Validation,
    RadialFitReport Report, TimeSpan StartTime, TimeSpan RadialTime, Curve Dimer, Curve StartDimer, LinearAcePotential Potential)
{
    /// <summary>The RMS deviation (eV) of <see cref="Dimer"/> from the reference dimer curve over the settings' window.</summary>
    public double DimerRms { get; init; }

    /// <summary>The same for <see cref="StartDimer"/>.</summary>
    public double StartDimerRms { get; init; }

    /// <summary>The number of radial parameters W.</summary>
    public int RadialParameterCount => Report.ParameterCount;

    /// <summary>The number of L-BFGS iterations made (0 when the fit stopped at the start).</summary>
    public int Iterations => Report.Steps[^1].Iteration;

    /// <summary>The number of loss evaluations made.</summary>
    public int Evaluations => Report.Steps[^1].Evaluations;

    /// <summary>The reduced training loss at the start (step 0).</summary>
    public double StartLoss => Report.Steps[0].Loss;

    /// <summary>The reduced training loss of the kept step.</summary>
    public double FinalLoss => Report.Steps.First(s => s.Iteration == Report.BestIteration).Loss;
}
