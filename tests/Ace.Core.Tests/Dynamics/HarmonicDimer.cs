using System.Collections.Immutable;
using Ace.Core.Atoms;
using Ace.Core.Potentials;
using Ace.Core.Primitives;

namespace Ace.Core.Tests.Dynamics;

/// <summary>
/// A test potential outside the library's own: E = k/2 (|r1 - r0| - d)^2 for two atoms. It implements only the
/// members IPotential requires, so dynamics runs it through the interface's default neighbour-list path.
/// </summary>
internal sealed class HarmonicDimer(string element, double springConstant, double restLength) : IPotential
{
    public IReadOnlyList<string> Elements { get; } = [element];

    public double Cutoff => 10.0;

    public PotentialEvaluation Evaluate(Structure structure)
    {
        var d = structure.Positions[1] - structure.Positions[0];
        double r = d.Norm;
        double stretch = r - restLength;
        double energy = 0.5 * springConstant * stretch * stretch;
        var f1 = (-springConstant * stretch / r) * d;
        // Virial -sum r_ij (x) dE/dr_ij for the single pair.
        var g = (springConstant * stretch / r) * d;
        var virial = -1.0 * new SymmetricTensor3(d.X * g.X, d.Y * g.Y, d.Z * g.Z, d.Y * g.Z, d.X * g.Z, d.X * g.Y);
        return new PotentialEvaluation(energy, [energy / 2, energy / 2], [-f1, f1], virial);
    }

    public double Energy(Structure structure) => Evaluate(structure).Energy;
}
