using Ace.Core.Basis.Evaluation;
using Ace.Core.Primitives;

namespace Ace.Core.Basis;

/// <summary>
/// A linear ACE site energy E_i = sum_f c_f B_f(i) (plus the pair part) for fixed coefficients, with forces by one
/// adjoint sweep. Immutable; thread-safe with one <see cref="SiteWorkspace"/> per thread. Create it with
/// <see cref="AceBasis.CreateEnergyModel"/>.
/// </summary>
public sealed class SiteEnergyModel
{
    private readonly double[][] _nodeCoefficients;
    private readonly double[] _pairCoefficients;

    internal SiteEnergyModel(AceBasis basis, double[][] nodeCoefficients, double[] pairCoefficients)
    {
        Basis = basis;
        _nodeCoefficients = nodeCoefficients;
        _pairCoefficients = pairCoefficients;
    }

    /// <summary>The basis the coefficients refer to.</summary>
    public AceBasis Basis { get; }

    /// <summary>The site energy of one atom (no forces).</summary>
    public double EvaluateSiteEnergy(int center, ReadOnlySpan<Vec3> displacements, ReadOnlySpan<int> neighbourSpecies, SiteWorkspace workspace) =>
        Evaluate(center, displacements, neighbourSpecies, [], workspace, withForces: false);

    /// <summary>
    /// The site energy E_i and dE_i/d(r_j - r_i) for every neighbour j (caller's order) in
    /// <paramref name="dEdDisplacement"/>: the force contribution on neighbour j is -dE_i/dr_ij and on the center
    /// +sum_j dE_i/dr_ij.
    /// </summary>
    public double EvaluateSiteEnergy(int center, ReadOnlySpan<Vec3> displacements, ReadOnlySpan<int> neighbourSpecies,
        Span<Vec3> dEdDisplacement, SiteWorkspace workspace)
    {
        if (dEdDisplacement.Length != displacements.Length)
        {
            throw new ArgumentException($"dEdDisplacement has length {dEdDisplacement.Length}; expected one entry per neighbour ({displacements.Length})", nameof(dEdDisplacement));
        }
        return Evaluate(center, displacements, neighbourSpecies, dEdDisplacement, workspace, withForces: true);
    }

    /// <summary>
    /// The derivatives of Lambda_i = energyWeight E_i + sum_j directions[j] . dE_i/d(r_j - r_i) with respect to the
    /// coefficients (added to <paramref name="coefficientGradient"/>, length <see cref="AceBasis.FunctionCount"/>) and to
    /// the fitted radial parameters (added to <paramref name="radialGradient"/>, length
    /// <see cref="FittedRadialParameters.Count"/>, empty without fitted radials), by one forward-over-reverse sweep. Summed
    /// over sites with the weighted residuals (energy: energyWeight; forces and virials: directions) this is the gradient
    /// of a least-squares loss. Returns the site energy E_i.
    /// </summary>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public double AccumulateParameterGradient(int center, ReadOnlySpan<Vec3> displacements, ReadOnlySpan<int> neighbourSpecies,
        double energyWeight, ReadOnlySpan<Vec3> directions, Span<double> coefficientGradient, Span<double> radialGradient, SiteWorkspace workspace)
    {
        if (directions.Length != displacements.Length)
        {
            throw new ArgumentException($"directions has length {directions.Length}; expected one entry per neighbour ({displacements.Length})", nameof(directions));
        }
        if (coefficientGradient.Length != Basis.FunctionCount)
        {
            throw new ArgumentException($"coefficientGradient has length {coefficientGradient.Length}; expected {Basis.FunctionCount}", nameof(coefficientGradient));
        }
        var parameters = Basis.FittedRadialParameters;
        if (radialGradient.Length != (parameters?.Count ?? 0))
        {
            throw new ArgumentException($"radialGradient has length {radialGradient.Length}; expected {parameters?.Count ?? 0}", nameof(radialGradient));
        }
        var c = Basis.Load(center, displacements, neighbourSpecies, workspace, withGradients: true);
        int count = workspace.Count;
        var perm = workspace.Permutation;
        for (int p = 0; p < count; p++)
        {
            var v = directions[perm[p]];
            workspace.DirectionX[p] = v.X;
            workspace.DirectionY[p] = v.Y;
            workspace.DirectionZ[p] = v.Z;
        }
        int species = Basis.Elements.Count;
        Span<int> offsets = stackalloc int[species];
        for (int z = 0; z < species; z++)
        {
            offsets[z] = parameters?.Offset(center, z) ?? -1;
        }
        double energy = ParameterGradientKernel.Accumulate(c, workspace, _nodeCoefficients[center], energyWeight,
            coefficientGradient.Slice(c.ColumnStart, c.FunctionCount), radialGradient, offsets);
        if (Basis.Pair is { } pair)
        {
            energy += pair.Energy(center, workspace, _pairCoefficients, withForces: false);
            pair.AccumulateCoefficientGradient(center, workspace, energyWeight, coefficientGradient.Slice(pair.ColumnStart, pair.FunctionCount));
        }
        return energy;
    }

    private double Evaluate(int center, ReadOnlySpan<Vec3> displacements, ReadOnlySpan<int> neighbourSpecies,
        Span<Vec3> dEdDisplacement, SiteWorkspace workspace, bool withForces)
    {
        var c = Basis.Load(center, displacements, neighbourSpecies, workspace, withForces);
        int count = workspace.Count;
        if (withForces)
        {
            Array.Clear(workspace.ForceX, 0, count);
            Array.Clear(workspace.ForceY, 0, count);
            Array.Clear(workspace.ForceZ, 0, count);
        }
        double energy = ManyBodyKernels.Energy(c, workspace, _nodeCoefficients[center], withForces);
        if (Basis.Pair is { } pair)
        {
            energy += pair.Energy(center, workspace, _pairCoefficients, withForces);
        }
        if (withForces)
        {
            var perm = workspace.Permutation;
            for (int p = 0; p < count; p++)
            {
                dEdDisplacement[perm[p]] = new Vec3(workspace.ForceX[p], workspace.ForceY[p], workspace.ForceZ[p]);
            }
        }
        return energy;
    }
}
