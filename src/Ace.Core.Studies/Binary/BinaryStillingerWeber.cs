using Ace.Core.Atoms;
using Ace.Core.Primitives;

namespace Ace.Core.Studies;

/// <summary>
/// A two-element Stillinger-Weber potential: every element pair has its own two-body term and cutoff
/// (<see cref="StillingerWeberParameters"/> for A-A, B-B and A-B), and the three-body term of a center i with
/// neighbours j and k is lambda_ijk eps_ijk (cos theta_jik - cos theta0)^2 exp(gamma_ij sigma_ij / (r_ij - a_ij sigma_ij))
/// exp(gamma_ik sigma_ik / (r_ik - a_ik sigma_ik)) with lambda_ijk eps_ijk = sqrt(lambda_ij eps_ij lambda_ik eps_ik).
/// Exactly two- plus three-body, so its dimer curves are the three pair terms. Immutable and thread-safe.
/// </summary>
public sealed class BinaryStillingerWeber
{
    /// <summary>A potential for elements <paramref name="first"/> and <paramref name="second"/>.</summary>
    /// <param name="first">The first element A.</param>
    /// <param name="second">The second element B (different from A).</param>
    /// <param name="firstPair">The A-A parameters.</param>
    /// <param name="secondPair">The B-B parameters.</param>
    /// <param name="mixedPair">The A-B parameters.</param>
    /// <exception cref="ArgumentException">The elements are equal or invalid, a parameter is not usable, the three
    /// parameter sets prefer different angles or a three-body strength lambda is negative.</exception>
    public BinaryStillingerWeber(Element first, Element second,
        StillingerWeberParameters firstPair, StillingerWeberParameters secondPair, StillingerWeberParameters mixedPair)
    {
        ArgumentNullException.ThrowIfNull(firstPair);
        ArgumentNullException.ThrowIfNull(secondPair);
        ArgumentNullException.ThrowIfNull(mixedPair);
        if (first.AtomicNumber == 0 || second.AtomicNumber == 0 || first == second)
        {
            throw new ArgumentException($"need two different valid elements, got {first} and {second}", nameof(second));
        }
        foreach (var (p, name) in new[] { (firstPair, nameof(firstPair)), (secondPair, nameof(secondPair)), (mixedPair, nameof(mixedPair)) })
        {
            p.Validate();
            if (p.Lambda < 0)
            {
                throw new ArgumentException($"{name}: lambda must not be negative (the mixed three-body strength is a geometric mean), got {p.Lambda}", name);
            }
            if (p.CosTheta0 != firstPair.CosTheta0)
            {
                throw new ArgumentException($"{name}: CosTheta0 {p.CosTheta0} differs from the first pair's {firstPair.CosTheta0}; all pairs must prefer the same angle", name);
            }
        }
        First = first;
        Second = second;
        FirstPair = firstPair;
        SecondPair = secondPair;
        MixedPair = mixedPair;
        Cutoff = Math.Max(firstPair.Cutoff, Math.Max(secondPair.Cutoff, mixedPair.Cutoff));
    }

    /// <summary>
    /// Illustrative silicon-germanium: Si-Si the standard parameters of Stillinger and Weber (PRB 31, 5262 (1985)); Ge-Ge
    /// eps 1.93 eV, sigma 2.181 Angstrom, lambda 31 after Ding and Andersen (PRB 34, 6987 (1986)), the other reduced
    /// parameters as for silicon; Si-Ge by the mixing rules of Laradji, Landau and Duenweg (PRB 51, 4894 (1995)):
    /// eps and lambda geometric, sigma arithmetic means. Meant as a reproducible two-element reference, not a fitted model.
    /// </summary>
    public static BinaryStillingerWeber SiliconGermanium { get; } = CreateSiliconGermanium();

    /// <summary>The first element A.</summary>
    public Element First { get; }

    /// <summary>The second element B.</summary>
    public Element Second { get; }

    /// <summary>The A-A parameters.</summary>
    public StillingerWeberParameters FirstPair { get; }

    /// <summary>The B-B parameters.</summary>
    public StillingerWeberParameters SecondPair { get; }

    /// <summary>The A-B parameters.</summary>
    public StillingerWeberParameters MixedPair { get; }

    /// <summary>The largest of the three pair cutoffs in Angstrom.</summary>
    public double Cutoff { get; }

    /// <summary>The parameters of the unordered pair (a, b).</summary>
    /// <exception cref="ArgumentException">An element is neither A nor B.</exception>
    public StillingerWeberParameters ParametersOf(Element a, Element b) =>
        Lookup(a, b) ?? throw new ArgumentException($"the pair {a}-{b} is not covered; this potential is for {First} and {Second}");

    /// <summary>The exact pair energy of a dimer a-b at distance <paramref name="r"/> in eV (the dimer curve).</summary>
    public double PairEnergy(Element a, Element b, double r) => StillingerWeberEvaluation.Pair(ParametersOf(a, b), r, out _);

    /// <summary>The total energy of <paramref name="structure"/> in eV.</summary>
    /// <exception cref="ArgumentException">An atom is neither <see cref="First"/> nor <see cref="Second"/>.</exception>
    public double Energy(Structure structure) => Compute(structure, withForces: false).Energy;

    /// <summary>The total energy, forces and virial of <paramref name="structure"/>.</summary>
    /// <exception cref="ArgumentException">An atom is neither <see cref="First"/> nor <see cref="Second"/>.</exception>
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
            if (structure.Elements[i] != First && structure.Elements[i] != Second)
            {
                throw new ArgumentException($"atom {i} is {structure.Elements[i]}; this Stillinger-Weber potential is for {First} and {Second} only", nameof(structure));
            }
        }
        return StillingerWeberEvaluation.Compute(structure, Lookup, Cutoff, withForces);
    }

    private StillingerWeberParameters? Lookup(Element a, Element b) =>
        a == First && b == First ? FirstPair
        : a == Second && b == Second ? SecondPair
        : (a == First && b == Second) || (a == Second && b == First) ? MixedPair
        : null;

    private static BinaryStillingerWeber CreateSiliconGermanium()
    {
        var si = StillingerWeberParameters.Silicon;
        var ge = si with { Epsilon = 1.93, Sigma = 2.181, Lambda = 31.0 };
        var mixed = si with
        {
            Epsilon = Math.Sqrt(si.Epsilon * ge.Epsilon),
            Sigma = 0.5 * (si.Sigma + ge.Sigma),
            Lambda = Math.Sqrt(si.Lambda * ge.Lambda),
        };
        return new BinaryStillingerWeber(Element.FromSymbol("Si"), Element.FromSymbol("Ge"), si, ge, mixed);
    }
}
