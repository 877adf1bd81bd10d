using Ace.Core.Atoms;
using Ace.Core.Primitives;

namespace Ace.Core.Studies;

/// <summary>
/// The Stillinger-Weber energy, forces and virial shared by the single-element and the binary potential: the pair
/// term of each pair uses that pair's parameters; the three-body term of neighbours j, k of center i uses the (i, j)
/// parameters for the j factor, the (i, k) parameters for the k factor and the geometric mean of their lambda eps as
/// strength (the usual mixing of multi-component Stillinger-Weber models).
/// </summary>
internal static class StillingerWeberEvaluation
{
    /// <summary>The parameters of the pair of elements, or null when the pair does not interact (an element not covered).</summary>
    public delegate StillingerWeberParameters? PairParameters(Element a, Element b);

    /// <summary>Energy (and, with <paramref name="withForces"/>, forces and virial) of <paramref name="structure"/>.</summary>
    /// <param name="structure">The structure.</param>
    /// <param name="parameters">The parameters of an element pair; must not be null for any pair in the structure.</param>
    /// <param name="cutoff">The largest cutoff of all pairs (for the neighbour list).</param>
    /// <param name="withForces">Whether to compute forces and virial.</param>
    public static ReferenceResult Compute(Structure structure, PairParameters parameters, double cutoff, bool withForces)
    {
        var list = NeighbourList.Build(structure, cutoff);
        var forces = new Vec3[structure.AtomCount];
        var virial = SymmetricTensor3.Zero;
        double energy = 0;
        int maxNeighbours = 0;
        for (int i = 0; i < list.AtomCount; i++)
        {
            maxNeighbours = Math.Max(maxNeighbours, list.NeighbourCount(i));
        }
        // dE/dd summed per neighbour a of the current atom (d = r_j - r_i), for the virial.
        var gradients = new Vec3[withForces ? maxNeighbours : 0];
        var pairs = new StillingerWeberParameters[maxNeighbours];
        void Accumulate(int i, int j, int a, Vec3 g)
        {
            // g = dE/dd: force -g on j, +g on i.
            forces[j] -= g;
            forces[i] += g;
            gradients[a] += g;
        }
        for (int i = 0; i < structure.AtomCount; i++)
        {
            var neighbours = list.Neighbours(i);
            var displacements = list.Displacements(i);
            var distances = list.Distances(i);
            for (int a = 0; a < neighbours.Length; a++)
            {
                pairs[a] = parameters(structure.Elements[i], structure.Elements[neighbours[a]])
                    ?? throw new ArgumentException($"no Stillinger-Weber parameters for the pair {structure.Elements[i]}-{structure.Elements[neighbours[a]]} (atoms {i} and {neighbours[a]})", nameof(structure));
            }
            if (withForces)
            {
                Array.Clear(gradients, 0, neighbours.Length);
            }
            for (int a = 0; a < neighbours.Length; a++)
            {
                // Each pair appears from both sides: half the pair energy per side.
                energy += 0.5 * Pair(pairs[a], distances[a], out double dphi);
                if (withForces)
                {
                    Accumulate(i, neighbours[a], a, 0.5 * dphi / distances[a] * displacements[a]);
                }
                for (int b = a + 1; b < neighbours.Length; b++)
                {
                    energy += Triplet(pairs[a], pairs[b], displacements[a], displacements[b], out var gj, out var gk);
                    if (withForces)
                    {
                        Accumulate(i, neighbours[a], a, gj);
                        Accumulate(i, neighbours[b], b, gk);
                    }
                }
            }
            if (withForces)
            {
                virial += SymmetricTensor3.Virial(displacements, gradients.AsSpan(0, neighbours.Length));
            }
        }
        return new ReferenceResult(energy, [.. forces], virial);
    }

    /// <summary>The pair energy phi2(r) of <paramref name="p"/> and its derivative.</summary>
    public static double Pair(StillingerWeberParameters p, double r, out double derivative)
    {
        double cut = p.Cutoff;
        if (!(r < cut))
        {
            derivative = 0;
            return 0;
        }
        double s = p.Sigma / r;
        double sp = Math.Pow(s, p.P), sq = Math.Pow(s, p.Q);
        double gap = r - cut;
        double e = Math.Exp(p.Sigma / gap);
        double poly = p.B * sp - sq;
        double dpoly = (-p.P * p.B * sp + p.Q * sq) / r;
        double de = -p.Sigma / (gap * gap);
        double pre = p.A * p.Epsilon;
        derivative = pre * (dpoly + poly * de) * e;
        return pre * poly * e;
    }

    /// <summary>
    /// The three-body energy of a center with neighbours at <paramref name="dj"/> (pair parameters <paramref name="pj"/>)
    /// and <paramref name="dk"/> (<paramref name="pk"/>), and its gradients with respect to both displacements.
    /// </summary>
    public static double Triplet(StillingerWeberParameters pj, StillingerWeberParameters pk, Vec3 dj, Vec3 dk, out Vec3 gradJ, out Vec3 gradK)
    {
        double cutJ = pj.Cutoff, cutK = pk.Cutoff;
        double rj = dj.Norm, rk = dk.Norm;
        if (!(rj < cutJ) || !(rk < cutK))
        {
            gradJ = gradK = Vec3.Zero;
            return 0;
        }
        double gsJ = pj.Gamma * pj.Sigma, gsK = pk.Gamma * pk.Sigma;
        double gapJ = rj - cutJ, gapK = rk - cutK;
        double fj = Math.Exp(gsJ / gapJ), fk = Math.Exp(gsK / gapK);
        double cos = Vec3.Dot(dj, dk) / (rj * rk);
        double delta = cos - pj.CosTheta0;
        double pre = ReferenceEquals(pj, pk) || pj == pk
            ? pj.Lambda * pj.Epsilon
            : Math.Sqrt(pj.Lambda * pj.Epsilon * pk.Lambda * pk.Epsilon);
        double radial = fj * fk;
        // d cos / d dj = dk/(rj rk) - cos dj / rj^2; d f / d r = -gs / gap^2 f.
        var dCosJ = dk / (rj * rk) - cos / (rj * rj) * dj;
        var dCosK = dj / (rj * rk) - cos / (rk * rk) * dk;
        double angular = pre * 2 * delta * radial;
        double decay = pre * delta * delta * radial;
        gradJ = angular * dCosJ + decay * (-gsJ / (gapJ * gapJ)) / rj * dj;
        gradK = angular * dCosK + decay * (-gsK / (gapK * gapK)) / rk * dk;
        return pre * delta * delta * radial;
    }
}
