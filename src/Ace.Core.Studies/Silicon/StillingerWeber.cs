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
    public Structure Label(Structure structure, string? configType = null) => ReferenceLabel.Apply(structure, configType, Evaluate);

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
        return StillingerWeberEvaluation.Compute(structure, (_, _) => Parameters, Cutoff, withForces);
    }

    private double Pair(double r, out double derivative) => StillingerWeberEvaluation.Pair(Parameters, r, out derivative);

    private double Triplet(Vec3 dj, Vec3 dk, out Vec3 gradJ, out Vec3 gradK) =>
        StillingerWeberEvaluation.Triplet(Parameters, Parameters, dj, dk, out gradJ, out gradK);
}
