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
