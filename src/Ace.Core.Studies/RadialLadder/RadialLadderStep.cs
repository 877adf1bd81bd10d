using Ace.Core.Fitting;

namespace Ace.Core.Studies;

/// <summary>One accepted step of one fit of <see cref="RadialLadderStudy"/>, as it happens.</summary>
/// <param name="Dataset">The training set's name.</param>
/// <param name="Descriptor">The rung being fitted.</param>
/// <param name="Step">The radial fit's step (0: the fixed-radial start).</param>
public sealed record RadialLadderStep(string Dataset, PacemakerDescriptor Descriptor, RadialFitProgress Step);
