using System.Collections.Immutable;
using Ace.Core.Atoms;
using Ace.Core.Primitives;

namespace Ace.Core.Studies;

/// <summary>
/// A single-element Stillinger-Weber potential: E = sum_{i&lt;j} phi2(r_ij) + sum_i sum_{j&lt;k} phi3(r_ij, r_ik, theta_jik),
/// exactly two- plus three-body, so its dimer curve is phi2 and its trimer excess is the three-body term. Energies,
/// forces and virials for isolated and periodic structures (through <see cref="NeighbourList"/>). Immutable and thread-safe.
/// </summary>
public sealed class StillingerWeber
{
    /// <summary>A potential with the given parameters for atoms of <paramref name="element"/>.</summary>
    /// <exception cref="ArgumentException">A parameter is not usable.</exception>
    public StillingerWeber(StillingerWeberParameters parameters, Element element)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        if (element.AtomicNumber == 0)
        {
            throw new ArgumentException("the element is the default (invalid) element", nameof(element));
        }
        Parameters = parameters;
        Element = element;
    }

    /// <summary>Stillinger-Weber silicon with the standard parameters.</summary>
    public static StillingerWeber Silicon { get; } = new(StillingerWeberParameters.Silicon, Element.FromSymbol("Si"));

    /// <summary>The parameters.</summary>
    public StillingerWeberParameters Parameters { get; }

    /// <summary>The element every atom must be.</summary>
    public Element Element { get; }

    /// <summary>The cutoff radius a sigma in Angstrom.</summary>
    public double Cutoff => Parameters.Cutoff;

    /// <summary>The exact pair energy phi2(r) in eV (the dimer curve: the energy of two atoms at distance r).</summary>
    public double PairEnergy(double r) => Pair(r, out _);

    /// <summary>The derivative d phi2 / dr in eV/Angstrom.</summary>
    public double PairEnergyDerivative(double r)
    {
        Pair(r, out double d);
        return d;
    }

    /// <summary>
    /// The three-body energy phi3 of a center with two neighbours at displacements <paramref name="toJ"/> and
    /// <paramref name="toK"/> (neighbour minus center, Angstrom). The energy of an isolated trimer is the sum of the
    /// three pair energies and the three-body energies of its three centers.
    /// </summary>
    public double ThreeBodyEnergy(Vec3 toJ, Vec3 toK) => Triplet(toJ, toK, out _, out _);

    /// <summary>The total energy of <paramref name="structure"/> in eV.</summary>
    /// <exception cref="ArgumentException">An atom is not of <see cref="Element"/>.</exception>
    public double Energy(Structure structure) => Compute(structure, withForces: false).Energy;

    /// <summary>The total energy, forces and virial of <paramref name="structure"/>.</summary>
    /// <exception cref="ArgumentException">An atom is not of <see cref="Element"/>.</exception>
    public ReferenceResult Evaluate(Structure structure) => Compute(structure, withForces: true);

    /// <summary>
    /// A copy of <paramref name="structure"/> labelled with this potential's energy, forces and (for periodic
    /// structures) virial, and with the given configuration type.
    /// </summary>
    public Structure Label(Structure structure, string? configType = null)
    {
        ArgumentNullException.ThrowIfNull(structure);
        var typed = configType is null ? structure : new Structure(structure.Elements, structure.Positions, structure.Cell, structure.Pbc)
        {
            ConfigType = configType,
            Info = structure.Info,
            AtomProperties = structure.AtomProperties,
        };
        var result = Evaluate(typed);
        return typed.WithReferenceData(result.Energy, result.Forces, structure.Pbc.Any ? result.Virial : null);
    }

    private ReferenceResult Compute(Structure structure, bool withForces)
    {
        ArgumentNullException.ThrowIfNull(structure);
        for (int i = 0; i < structure.AtomCount; i++)
        {
            if (structure.Elements[i] != Element)
            {
                throw new ArgumentException($"atom {i} is {structure.Elements[i]}; this Stillinger-Weber potential is for {Element} only", nameof(structure));
            }
        }
        var list = NeighbourList.Build(structure, Cutoff);
        var forces = new Vec3[structure.AtomCount];
        var virial = SymmetricTensor3.Zero;
        double energy = 0;
        // dE/dd summed per neighbour a of the current atom (d = r_j - r_i), for the virial.
        var gradients = new Vec3[withForces ? MaxNeighbourCount(list) : 0];
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
            if (withForces)
            {
                Array.Clear(gradients, 0, neighbours.Length);
            }
            for (int a = 0; a < neighbours.Length; a++)
            {
                // Each pair appears from both sides: half the pair energy per side.
                energy += 0.5 * Pair(distances[a], out double dphi);
                if (withForces)
                {
                    Accumulate(i, neighbours[a], a, 0.5 * dphi / distances[a] * displacements[a]);
                }
                for (int b = a + 1; b < neighbours.Length; b++)
                {
                    energy += Triplet(displacements[a], displacements[b], out var gj, out var gk);
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

    private static int MaxNeighbourCount(NeighbourList list)
    {
        int max = 0;
        for (int i = 0; i < list.AtomCount; i++)
        {
            max = Math.Max(max, list.NeighbourCount(i));
        }
        return max;
    }

    private double Pair(double r, out double derivative)
    {
        var p = Parameters;
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

    private double Triplet(Vec3 dj, Vec3 dk, out Vec3 gradJ, out Vec3 gradK)
    {
        var p = Parameters;
        double cut = p.Cutoff;
        double rj = dj.Norm, rk = dk.Norm;
        if (!(rj < cut) || !(rk < cut))
        {
            gradJ = gradK = Vec3.Zero;
            return 0;
        }
        double gs = p.Gamma * p.Sigma;
        double gapJ = rj - cut, gapK = rk - cut;
        double fj = Math.Exp(gs / gapJ), fk = Math.Exp(gs / gapK);
        double cos = Vec3.Dot(dj, dk) / (rj * rk);
        double delta = cos - p.CosTheta0;
        double pre = p.Lambda * p.Epsilon;
        double radial = fj * fk;
        // d cos / d dj = dk/(rj rk) - cos dj / rj^2; d f / d r = -gs / gap^2 f.
        var dCosJ = dk / (rj * rk) - cos / (rj * rj) * dj;
        var dCosK = dj / (rj * rk) - cos / (rk * rk) * dk;
        double angular = pre * 2 * delta * radial;
        double decay = pre * delta * delta * radial;
        gradJ = angular * dCosJ + decay * (-gs / (gapJ * gapJ)) / rj * dj;
        gradK = angular * dCosK + decay * (-gs / (gapK * gapK)) / rk * dk;
        return pre * delta * delta * radial;
    }
}
