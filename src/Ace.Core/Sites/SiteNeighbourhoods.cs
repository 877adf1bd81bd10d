using System.Collections.Immutable;
using Ace.Core.Atoms;
using Ace.Core.Potentials;
using Ace.Core.Primitives;

namespace Ace.Core.Sites;

/// <summary>
/// The neighbourhood of every atom of one structure in the form the basis evaluates: displacements r_j - r_i,
/// neighbour indices and species indices, in the CSR order of a <see cref="NeighbourList"/>.
/// </summary>
internal sealed class SiteNeighbourhoods
{
    private readonly NeighbourList? _list;
    private readonly int[] _neighbourSpecies;

    public SiteNeighbourhoods(NeighbourList? list, int[] atomSpecies, int[] neighbourSpecies)
    {
        _list = list;
        AtomSpecies = atomSpecies;
        _neighbourSpecies = neighbourSpecies;
    }

    public int AtomCount => AtomSpecies.Length;

    /// <summary>The total number of (atom, neighbour) entries.</summary>
    public int PairCount => _list?.PairCount ?? 0;

    /// <summary>The species index of every atom.</summary>
    public int[] AtomSpecies { get; }

    /// <summary>The first entry of atom i in the flat pair arrays.</summary>
    public int Offset(int i) => _list!.Offsets[i];

    public int NeighbourCount(int i) => _list!.NeighbourCount(i);

    public ReadOnlySpan<int> Neighbours(int i) => _list!.Neighbours(i);

    public ReadOnlySpan<Vec3> Displacements(int i) => _list!.Displacements(i);

    public ReadOnlySpan<int> NeighbourSpecies(int i) => _neighbourSpecies.AsSpan(_list!.Offsets[i], _list.NeighbourCount(i));

    /// <summary>The largest neighbour count of any atom.</summary>
    public int MaxNeighbourCount()
    {
        int max = 0;
        for (int i = 0; i < AtomCount; i++)
        {
            max = Math.Max(max, NeighbourCount(i));
        }
        return max;
    }

    /// <summary>
    /// The structure's evaluation from its site energies and, with forces, the derivatives dE_i/dr_ij of every site
    /// energy with respect to its neighbour displacements (flat, in this CSR order): forces -dE/dr_i summed over sites in
    /// a fixed order, and the virial -sum r_ij (x) dE_i/dr_ij.
    /// </summary>
    public PotentialEvaluation Assemble(double[] siteEnergies, Vec3[] dEdr, bool withForces)
    {
        int n = AtomCount;
        double energy = 0;
        for (int i = 0; i < n; i++)
        {
            energy += siteEnergies[i];
        }
        var forces = new Vec3[withForces ? n : 0];
        var virial = SymmetricTensor3.Zero;
        if (withForces)
        {
            for (int i = 0; i < n; i++)
            {
                var neighbours = Neighbours(i);
                var g = dEdr.AsSpan(Offset(i), neighbours.Length);
                for (int k = 0; k < neighbours.Length; k++)
                {
                    forces[neighbours[k]] -= g[k];
                    forces[i] += g[k];
                }
                virial += SymmetricTensor3.Virial(Displacements(i), g);
            }
        }
        return new PotentialEvaluation(energy, ImmutableArray.Create(siteEnergies), ImmutableArray.Create(forces), virial);
    }
}
