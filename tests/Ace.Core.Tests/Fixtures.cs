using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Potentials;
using Ace.Core.Primitives;

namespace Ace.Core.Tests;

/// <summary>Small bases, structures and potentials shared by the tests.</summary>
internal static class Fixtures
{
    public const double SiliconEnergy = -158.5;
    public const double CarbonEnergy = -246.0;

    /// <summary>A Si-C basis of body order 4 with a pair basis and a separate Si-C radial basis (a few hundred functions).</summary>
    public static AceBasis SiliconCarbon { get; } = LinearAce.Basis("Si", "C").Cutoff(4.5).Radial(r0: 2.0)
        .Radial("Si", "C", new TransformedJacobiRadialSpecification(1.9, 4.0))
        .PairBasis(4, new TransformedJacobiRadialSpecification(2.0, 4.5, P: 1, Q: 3))
        .MaxBodyOrder(4).TotalDegree(6, 6, 4).Build();

    /// <summary>A small one-element basis of body order 3.</summary>
    public static AceBasis Silicon { get; } = LinearAce.Basis("Si").Cutoff(4.0).Radial(r0: 2.3).MaxBodyOrder(3).TotalDegree(6, 5).Build();

    /// <summary>
    /// A Si-C basis of body order 4 with fitted radials over ChebExpCos (pacemaker's n_max / l_max rule) whose radial
    /// parameters are moved off the delta start, and a pair basis.
    /// </summary>
    public static AceBasis FittedSiliconCarbon { get; } = PerturbRadials(LinearAce.Basis("Si", "C")
        .Radial(new ChebExpCosRadialSpecification(4.5)).FittedRadials(6)
        .PairBasis(3, new TransformedJacobiRadialSpecification(2.0, 4.5, P: 1, Q: 3))
        .MaxBodyOrder(4).MaxLabels([5, 3, 2], [0, 2, 1]).Build(), seed: 1, size: 0.3);

    /// <summary>The basis of <see cref="FittedSiliconCarbon"/> purified with pure2b (ACE1x's default), its radials moved off the delta start.</summary>
    public static AceBasis FittedSiliconCarbonPure2b { get; } = PerturbRadials(LinearAce.Basis("Si", "C")
        .Radial(new ChebExpCosRadialSpecification(4.5)).FittedRadials(6)
        .PairBasis(3, new TransformedJacobiRadialSpecification(2.0, 4.5, P: 1, Q: 3))
        .MaxBodyOrder(4).MaxLabels([5, 3, 2], [0, 2, 1]).Purify(new PurificationOptions(PurificationKind.Pure2b)).Build(), seed: 1, size: 0.3);

    /// <summary>The same basis with every fitted radial parameter moved by a uniform random amount in [-size/2, size/2].</summary>
    public static AceBasis PerturbRadials(AceBasis basis, int seed, double size)
    {
        var random = new Random(seed);
        var parameters = basis.FittedRadialParameters!;
        var w = parameters.Values().Select(x => x + size * (random.NextDouble() - 0.5)).ToArray();
        return AceBasis.Build(parameters.Specification(w));
    }

    /// <summary>Coefficients decaying with the column, with random signs.</summary>
    public static double[] RandomCoefficients(AceBasis basis, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, basis.FunctionCount).Select(k => (random.NextDouble() - 0.5) / (1 + 0.05 * k)).ToArray();
    }

    public static LinearAcePotential RandomPotential(AceBasis basis, int seed) =>
        new(basis, RandomCoefficients(basis, seed), basis.Elements.Contains("C")
            ? new Dictionary<string, double> { ["Si"] = SiliconEnergy, ["C"] = CarbonEnergy }
            : new Dictionary<string, double> { ["Si"] = SiliconEnergy });

    /// <summary>A random open cluster of <paramref name="atoms"/> atoms with nearest distances above 1.6 A.</summary>
    public static Structure Cluster(Random random, int atoms, params string[] elements)
    {
        var positions = new List<Vec3>();
        while (positions.Count < atoms)
        {
            var p = new Vec3(3.5 * random.NextDouble(), 3.5 * random.NextDouble(), 3.5 * random.NextDouble());
            if (positions.All(q => (q - p).Norm > 1.6))
            {
                positions.Add(p);
            }
        }
        var species = Enumerable.Range(0, atoms).Select(i => Element.FromSymbol(elements[i % elements.Length]));
        return Structure.Isolated(species, positions);
    }

    /// <summary>A rattled, sheared diamond cell of 8 atoms (elements alternating from <paramref name="elements"/>).</summary>
    public static Structure RattledCrystal(Random random, double a, params string[] elements)
    {
        var diamond = Crystals.Diamond(Element.FromSymbol("Si"), a);
        var cell = new Cell(diamond.Cell.A, diamond.Cell.B + new Vec3(0.3, 0, 0), diamond.Cell.C + new Vec3(0, -0.2, 0.1));
        var positions = diamond.Positions.Select(p => p + new Vec3(random.NextDouble() - 0.5, random.NextDouble() - 0.5, random.NextDouble() - 0.5) * 0.3);
        var species = Enumerable.Range(0, diamond.AtomCount).Select(i => Element.FromSymbol(elements[i % elements.Length]));
        return Structure.Periodic(species, positions, cell);
    }

    /// <summary>Structures labelled with the energies and forces of <paramref name="potential"/> (optionally the virial).</summary>
    public static Structure Label(Structure s, LinearAcePotential potential, string? configType = null, bool virial = false)
    {
        var e = potential.Evaluate(s);
        var labelled = s.WithReferenceData(e.Energy, e.Forces, virial ? e.Virial : null);
        return configType is null ? labelled : new Structure(labelled.Elements, labelled.Positions, labelled.Cell, labelled.Pbc)
        {
            Energy = labelled.Energy,
            Forces = labelled.Forces,
            Virial = labelled.Virial,
            ConfigType = configType,
        };
    }

    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int k = 0; k < a.Length; k++)
        {
            s += a[k] * b[k];
        }
        return s;
    }
}
