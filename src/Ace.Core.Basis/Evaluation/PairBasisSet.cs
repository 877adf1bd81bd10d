using Ace.Core.Primitives;
using Ace.Core.Primitives.Radial;

namespace Ace.Core.Basis.Evaluation;

/// <summary>
/// The separate pair basis: per unordered element pair (a, b), functions n = 1 .. MaxDegree. A site of element a
/// contributes 1/2 sum over neighbours j of element b of J_n(r_j) to column (a, b, n), so the site values summed over
/// all atoms give the energy row of V = 1/2 sum_{i != j} sum_n c_n J_n(r_ij).
/// </summary>
internal sealed class PairBasisSet
{
    private readonly int[,] _pairIndex;

    public PairBasisSet(int speciesCount, int maxDegree, int columnStart, IRadialBasis[,] radial)
    {
        SpeciesCount = speciesCount;
        MaxDegree = maxDegree;
        ColumnStart = columnStart;
        _pairIndex = new int[speciesCount, speciesCount];
        RadialByCenter = new IRadialBasis?[speciesCount][];
        int index = 0;
        for (int a = 0; a < speciesCount; a++)
        {
            RadialByCenter[a] = new IRadialBasis?[speciesCount];
            for (int b = a; b < speciesCount; b++)
            {
                _pairIndex[a, b] = _pairIndex[b, a] = index++;
            }
        }
        for (int a = 0; a < speciesCount; a++)
        {
            for (int b = 0; b < speciesCount; b++)
            {
                RadialByCenter[a][b] = radial[a, b];
            }
        }
        PairCount = index;
    }

    public int SpeciesCount { get; }

    public int MaxDegree { get; }

    public int ColumnStart { get; }

    public int PairCount { get; }

    public int FunctionCount => PairCount * MaxDegree;

    /// <summary>RadialByCenter[a][b]: the pair radial basis of (a, b), indexed for the neighbour stage.</summary>
    public IRadialBasis?[][] RadialByCenter { get; }

    /// <summary>The index of the unordered pair (a, b) among the pairs (0,0), (0,1), ..., (1,1), ...</summary>
    public int PairIndex(int a, int b) => _pairIndex[a, b];

    /// <summary>Site values (relative to <see cref="ColumnStart"/>) and, when non-empty, gradients[f * count + j]; pair radials must be loaded.</summary>
    public void Evaluate(int center, SiteWorkspace ws, Span<double> values, Span<Vec3> gradients)
    {
        int count = ws.Count;
        values.Clear();
        gradients.Clear();
        for (int z = 0; z < SpeciesCount; z++)
        {
            int gs = ws.GroupStart[z], gn = ws.GroupStart[z + 1] - gs;
            if (gn == 0)
            {
                continue;
            }
            int offset = ws.PairRadialOffset(z);
            int column0 = PairIndex(center, z) * MaxDegree;
            for (int n = 0; n < MaxDegree; n++)
            {
                var row = new ReadOnlySpan<double>(ws.PairRadial, offset + n * gn, gn);
                double sum = 0;
                foreach (var v in row)
                {
                    sum += v;
                }
                values[column0 + n] += 0.5 * sum;
                if (!gradients.IsEmpty)
                {
                    var g = gradients.Slice((column0 + n) * count, count);
                    for (int q = 0; q < gn; q++)
                    {
                        int p = gs + q;
                        double d = 0.5 * ws.PairRadialDerivative[offset + n * gn + q];
                        g[ws.Permutation[p]] = new Vec3(d * ws.UnitX[p], d * ws.UnitY[p], d * ws.UnitZ[p]);
                    }
                }
            }
        }
    }

    /// <summary>The pair part of the site energy, adding dE/dr to the workspace force accumulators when <paramref name="withForces"/>; pair radials must be loaded.</summary>
    public double Energy(int center, SiteWorkspace ws, ReadOnlySpan<double> pairCoefficients, bool withForces)
    {
        double energy = 0;
        for (int z = 0; z < SpeciesCount; z++)
        {
            int gs = ws.GroupStart[z], gn = ws.GroupStart[z + 1] - gs;
            if (gn == 0)
            {
                continue;
            }
            int offset = ws.PairRadialOffset(z);
            var c = pairCoefficients.Slice(PairIndex(center, z) * MaxDegree, MaxDegree);
            for (int q = 0; q < gn; q++)
            {
                double e = 0, de = 0;
                for (int n = 0; n < MaxDegree; n++)
                {
                    e += c[n] * ws.PairRadial[offset + n * gn + q];
                    de += c[n] * ws.PairRadialDerivative[offset + n * gn + q];
                }
                energy += 0.5 * e;
                if (withForces)
                {
                    int p = gs + q;
                    ws.ForceX[p] += 0.5 * de * ws.UnitX[p];
                    ws.ForceY[p] += 0.5 * de * ws.UnitY[p];
                    ws.ForceZ[p] += 0.5 * de * ws.UnitZ[p];
                }
            }
        }
        return energy;
    }

    /// <summary>
    /// Adds d/dc of (energyWeight * E_pair + sum_p v_p . dE_pair/dr_p) to <paramref name="gradient"/> (relative to
    /// <see cref="ColumnStart"/>), with v_p in the workspace's sorted direction arrays; pair radials must be loaded.
    /// </summary>
    public void AccumulateCoefficientGradient(int center, SiteWorkspace ws, double energyWeight, Span<double> gradient)
    {
        for (int z = 0; z < SpeciesCount; z++)
        {
            int gs = ws.GroupStart[z], gn = ws.GroupStart[z + 1] - gs;
            if (gn == 0)
            {
                continue;
            }
            int offset = ws.PairRadialOffset(z);
            int column0 = PairIndex(center, z) * MaxDegree;
            for (int n = 0; n < MaxDegree; n++)
            {
                double sum = 0;
                for (int q = 0; q < gn; q++)
                {
                    int p = gs + q;
                    double radialDirection = ws.UnitX[p] * ws.DirectionX[p] + ws.UnitY[p] * ws.DirectionY[p] + ws.UnitZ[p] * ws.DirectionZ[p];
                    sum += energyWeight * ws.PairRadial[offset + n * gn + q] + ws.PairRadialDerivative[offset + n * gn + q] * radialDirection;
                }
                gradient[column0 + n] += 0.5 * sum;
            }
        }
    }
}
