using System.Globalization;
using Ace.Core.Primitives;
using Ace.Core.Primitives.Angular;
using Ace.Core.Primitives.Radial;

namespace Ace.Core.Basis.Evaluation;

/// <summary>
/// The per-site preparation shared by every evaluation: checks the neighbours, sorts them by species into the
/// workspace, and evaluates the spherical harmonics and the radial functions, batched over neighbours.
/// </summary>
internal static class NeighbourStage
{
    /// <summary>Validates and loads the neighbours of a site of species <paramref name="center"/>.</summary>
    public static void Load(AceBasis basis, int center, ReadOnlySpan<Vec3> displacements, ReadOnlySpan<int> neighbourSpecies, SiteWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (!ReferenceEquals(workspace.Owner, basis))
        {
            throw new ArgumentException("the workspace was created by a different basis; use this basis's CreateWorkspace()", nameof(workspace));
        }
        int speciesCount = basis.Elements.Count;
        if ((uint)center >= (uint)speciesCount)
        {
            throw new ArgumentOutOfRangeException(nameof(center), center, $"the center species index must be in 0 .. {speciesCount - 1} (elements {string.Join(", ", basis.Elements)})");
        }
        if (displacements.Length != neighbourSpecies.Length)
        {
            throw new ArgumentException(
                $"{displacements.Length} displacement(s) but {neighbourSpecies.Length} neighbour species: give one species per neighbour", nameof(neighbourSpecies));
        }
        int count = displacements.Length;
        workspace.EnsureCapacity(count);
        workspace.Count = count;
        var groupStart = workspace.GroupStart;
        var fill = workspace.GroupFill;
        Array.Clear(groupStart);
        for (int j = 0; j < count; j++)
        {
            int z = neighbourSpecies[j];
            if ((uint)z >= (uint)speciesCount)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"neighbour {j} has species index {z}, but the basis knows only {speciesCount} element(s) ({string.Join(", ", basis.Elements)})"), nameof(neighbourSpecies));
            }
            var d = displacements[j];
            double r = d.Norm;
            double cutoff = basis.Cutoff(center, z);
            if (!(r <= cutoff))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"neighbour {j} ({basis.Elements[z]}) is at distance {r} from the {basis.Elements[center]} center, beyond the {basis.Elements[center]}-{basis.Elements[z]} cutoff {cutoff}"), nameof(displacements));
            }
            if (r < AceBasis.MinimumDistance)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"neighbour {j} ({basis.Elements[z]}) is at distance {r} from the center: overlapping atoms (minimum {AceBasis.MinimumDistance} Angstrom)"), nameof(displacements));
            }
            groupStart[z + 1]++;
        }
        for (int z = 0; z < speciesCount; z++)
        {
            groupStart[z + 1] += groupStart[z];
            fill[z] = groupStart[z];
        }
        var perm = workspace.Permutation;
        var x = workspace.X;
        var y = workspace.Y;
        var zz = workspace.Z;
        var rr = workspace.R;
        var ux = workspace.UnitX;
        var uy = workspace.UnitY;
        var uz = workspace.UnitZ;
        for (int j = 0; j < count; j++)
        {
            int p = fill[neighbourSpecies[j]]++;
            perm[p] = j;
            var d = displacements[j];
            double r = d.Norm;
            x[p] = d.X;
            y[p] = d.Y;
            zz[p] = d.Z;
            rr[p] = r;
            ux[p] = d.X / r;
            uy[p] = d.Y / r;
            uz[p] = d.Z / r;
        }
    }

    /// <summary>Real spherical harmonics up to <paramref name="lMax"/> (and their gradients) at every loaded neighbour.</summary>
    public static void Harmonics(SiteWorkspace workspace, int lMax, bool withGradients)
    {
        int count = workspace.Count;
        int size = (lMax + 1) * (lMax + 1) * count;
        var x = workspace.X.AsSpan(0, count);
        var y = workspace.Y.AsSpan(0, count);
        var z = workspace.Z.AsSpan(0, count);
        if (withGradients)
        {
            RealSphericalHarmonics.EvaluateWithGradients(lMax, x, y, z, workspace.Harmonics.AsSpan(0, size),
                workspace.HarmonicsGradX.AsSpan(0, size), workspace.HarmonicsGradY.AsSpan(0, size), workspace.HarmonicsGradZ.AsSpan(0, size));
        }
        else
        {
            RealSphericalHarmonics.Evaluate(lMax, x, y, z, workspace.Harmonics.AsSpan(0, size));
        }
    }

    /// <summary>Many-body radial values and derivatives of every species group with a radial basis, into the workspace's Radial arrays.</summary>
    public static void Radials(SiteWorkspace workspace, IRadialBasis?[] radialBySpecies) =>
        Radials(workspace, radialBySpecies, workspace.Radial, workspace.RadialDerivative, workspace.RadialStride);

    /// <summary>Pair-basis radial values and derivatives of every species group, into the workspace's PairRadial arrays.</summary>
    public static void PairRadials(SiteWorkspace workspace, IRadialBasis?[] radialBySpecies) =>
        Radials(workspace, radialBySpecies, workspace.PairRadial, workspace.PairRadialDerivative, workspace.PairRadialStride);

    /// <summary>Species group z goes to offset stride * GroupStart[z] of <paramref name="values"/> and <paramref name="derivatives"/>, layout [n * groupCount + p].</summary>
    private static void Radials(SiteWorkspace workspace, IRadialBasis?[] radialBySpecies, double[] values, double[] derivatives, int stride)
    {
        var groupStart = workspace.GroupStart;
        for (int z = 0; z < radialBySpecies.Length; z++)
        {
            var radial = radialBySpecies[z];
            int start = groupStart[z], n = groupStart[z + 1] - start;
            if (radial is null || n == 0)
            {
                continue;
            }
            int offset = stride * start;
            int size = radial.Count * n;
            radial.Evaluate(workspace.R.AsSpan(start, n), values.AsSpan(offset, size), derivatives.AsSpan(offset, size));
        }
    }
}
