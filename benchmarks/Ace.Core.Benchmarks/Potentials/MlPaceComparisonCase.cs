using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Potentials;
using Ace.Core.Primitives;

namespace Ace.Core.Benchmarks.Potentials;

/// <summary>
/// The potentials and the structure of the Ace.Core / ML-PACE comparison (docs/benchmarks.md): silicon, one element,
/// a total-degree basis or a pacemaker-style basis (maximum labels), both on pacemaker's ChebExpCos radial basis (which
/// ML-PACE reads natively, so the exported file is the same potential; ML-PACE tabulates every radial family anyway),
/// with the cutoff chosen for about 40 or 140 neighbours per atom in a jittered 64-atom diamond cell. Coefficients
/// are seeded random numbers shrinking with the correlation order. Deterministic, so that the same potential can be
/// exported to .yace and the same structure written to extended XYZ for ML-PACE's evaluator.
/// </summary>
public static class MlPaceComparisonCase
{
    /// <summary>Atoms in <see cref="Structure"/>.</summary>
    public const int AtomCount = 64;

    /// <summary>The basis families: "TotalDegree" (D = 22, 19, 15, 12; 757 functions) and "Pacemaker"
    /// (n_max = 15, 6, 4, 3, 2; l_max = 0, 4, 4, 3, 2; 1799 functions).</summary>
    public static readonly IReadOnlyList<string> BasisFamilies = ["TotalDegree", "Pacemaker"];

    /// <summary>The target neighbour counts: cutoff 5.92 A gives about 40, 8.7 A about 140 in diamond silicon.</summary>
    public static readonly IReadOnlyList<int> NeighbourTargets = [40, 140];

    /// <summary>The cutoff radius (Angstrom) for a target neighbour count.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The target is not one of <see cref="NeighbourTargets"/>.</exception>
    public static double Cutoff(int neighbours) => neighbours switch
    {
        40 => 5.92,
        140 => 8.7,
        _ => throw new ArgumentOutOfRangeException(nameof(neighbours), neighbours, "the neighbour target must be 40 or 140"),
    };

    /// <summary>The potential of one case (reference energy -1.5 eV for Si).</summary>
    /// <exception cref="ArgumentException">Unknown basis family or neighbour target.</exception>
    public static LinearAcePotential Potential(string basisFamily, int neighbours)
    {
        double cutoff = Cutoff(neighbours);
        var builder = basisFamily switch
        {
            "TotalDegree" => LinearAce.Basis("Si").Radial(new ChebExpCosRadialSpecification(cutoff, 5.25)).TotalDegree(22, 19, 15, 12),
            "Pacemaker" => LinearAce.Basis("Si").Radial(new ChebExpCosRadialSpecification(cutoff, 5.25))
                .MaxLabels(nMax: [15, 6, 4, 3, 2], lMax: [0, 4, 4, 3, 2]),
            _ => throw new ArgumentException($"unknown basis family '{basisFamily}' (TotalDegree or Pacemaker)", nameof(basisFamily)),
        };
        var basis = builder.Build();
        var random = new Random(42);
        var coefficients = new double[basis.FunctionCount];
        for (int k = 0; k < coefficients.Length; k++)
        {
            coefficients[k] = Math.Pow(0.3, basis.Functions[k].CorrelationOrder) * (2 * random.NextDouble() - 1);
        }
        return new LinearAcePotential(basis, coefficients, new Dictionary<string, double> { ["Si"] = -1.5 });
    }

    /// <summary>The structure: diamond silicon, a = 5.43 A, 2 x 2 x 2 conventional cells (64 atoms), every atom
    /// displaced by a seeded random vector of at most 0.1 A per component; periodic.</summary>
    public static Structure Structure()
    {
        var ideal = Crystals.Diamond(Element.FromSymbol("Si"), 5.43, repeats: 2);
        var random = new Random(7);
        var positions = ideal.Positions.Select(p =>
            p + new Vec3(0.2 * random.NextDouble() - 0.1, 0.2 * random.NextDouble() - 0.1, 0.2 * random.NextDouble() - 0.1));
        return ideal.WithPositions(positions);
    }
}
