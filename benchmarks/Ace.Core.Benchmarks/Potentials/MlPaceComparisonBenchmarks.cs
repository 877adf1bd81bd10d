using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Primitives;
using BenchmarkDotNet.Attributes;

namespace Ace.Core.Benchmarks.Potentials;

/// <summary>
/// Energy + forces per atom on one thread for the Ace.Core / ML-PACE comparison (<see cref="MlPaceComparisonCase"/>),
/// measured the way LAMMPS <c>pair_style pace</c> works: the neighbour list is built once (outside the measurement),
/// then every atom's site energy and its gradient with respect to the neighbour displacements are evaluated and the
/// pair forces accumulated into the atoms. ML-PACE's side is timed by a driver outside the repository on the same
/// potential exported to .yace and the same structure (docs/benchmarks.md).
/// </summary>
[MemoryDiagnoser]
public class MlPaceComparisonBenchmarks
{
    private SiteEnergyModel _model = null!;
    private SiteWorkspace _workspace = null!;
    private Vec3[][] _displacements = null!;
    private int[][] _neighbours = null!;
    private int[][] _species = null!;
    private Vec3[] _siteGradient = null!;
    private Vec3[] _forces = null!;

    /// <summary>The basis family (<see cref="MlPaceComparisonCase.BasisFamilies"/>).</summary>
    [Params("TotalDegree", "Pacemaker")]
    public string Basis { get; set; } = "TotalDegree";

    /// <summary>The target neighbour count (<see cref="MlPaceComparisonCase.NeighbourTargets"/>).</summary>
    [Params(40, 140)]
    public int Neighbours { get; set; } = 40;

    /// <summary>Builds the potential, the structure and its neighbour list.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var potential = MlPaceComparisonCase.Potential(Basis, Neighbours);
        var structure = MlPaceComparisonCase.Structure();
        var basis = potential.Basis;
        _model = basis.CreateEnergyModel(potential.Coefficients);
        var list = NeighbourList.Build(structure, potential.Cutoff);
        int atoms = structure.AtomCount;
        _displacements = new Vec3[atoms][];
        _neighbours = new int[atoms][];
        _species = new int[atoms][];
        int maxNeighbours = 0;
        for (int i = 0; i < atoms; i++)
        {
            _displacements[i] = list.Displacements(i).ToArray();
            _neighbours[i] = list.Neighbours(i).ToArray();
            _species[i] = new int[_neighbours[i].Length];
            maxNeighbours = Math.Max(maxNeighbours, _neighbours[i].Length);
        }
        _workspace = basis.CreateWorkspace(maxNeighbours);
        _siteGradient = new Vec3[maxNeighbours];
        _forces = new Vec3[atoms];
    }

    /// <summary>Energy and forces of the 64-atom cell; reported per atom.</summary>
    [Benchmark(OperationsPerInvoke = MlPaceComparisonCase.AtomCount)]
    public double EnergyAndForces()
    {
        Array.Clear(_forces);
        double energy = 0;
        for (int i = 0; i < _displacements.Length; i++)
        {
            var gradient = _siteGradient.AsSpan(0, _displacements[i].Length);
            energy += _model.EvaluateSiteEnergy(0, _displacements[i], _species[i], gradient, _workspace);
            var neighbours = _neighbours[i];
            for (int k = 0; k < neighbours.Length; k++)
            {
                // dE_i/d(r_j - r_i): atom j feels -gradient, atom i +gradient.
                _forces[i] += gradient[k];
                _forces[neighbours[k]] -= gradient[k];
            }
        }
        return energy;
    }
}
