using Ace.Core.Basis;
using Ace.Core.Primitives;
using BenchmarkDotNet.Attributes;

namespace Ace.Core.Benchmarks.Basis;

/// <summary>
/// Per-atom site evaluation of the ACE basis for the three configurations: values only (the baseline),
/// values + gradients (design-matrix rows) and energy + forces with given coefficients (the adjoint sweep), on one
/// thread and on all cores. Each invocation evaluates <see cref="Sites"/> different environments; results are per atom.
/// </summary>
[MemoryDiagnoser]
public class SiteEvaluationBenchmarks
{
    private const int Sites = 16;

    private AceBasis _basis = null!;
    private SiteEnergyModel _model = null!;
    private Vec3[][] _displacements = null!;
    private int[][] _species = null!;
    private double[] _values = null!;
    private Vec3[] _gradients = null!;
    private Vec3[] _forces = null!;
    private SiteWorkspace _workspace = null!;
    private ThreadLocal<(SiteWorkspace Workspace, Vec3[] Forces)> _perThread = null!;

    /// <summary>
    /// Si4: silicon, correlation orders 1-4 with D = 24, 20, 16, 12 (930 functions), 30 neighbours.
    /// C4: carbon, orders 1-4 with D = 20, 18, 14, 11 (568 functions), 50 neighbours.
    /// Large: orders 1-4 with D = 30, 28, 22, 17 (4366 functions), 120 neighbours.
    /// Pace: silicon comparable to an ML-PACE potential, orders 1-4 with D = 22, 19, 15, 12 (757 functions),
    /// cutoff 8.7 Angstrom and 140 neighbours (about the density of crystalline silicon, 0.05 per cubic Angstrom).
    /// </summary>
    [Params("Si4", "C4", "Large", "Pace")]
    public string Configuration { get; set; } = "Si4";

    [GlobalSetup]
    public void Setup()
    {
        var (element, r0, cutoff, degrees, neighbours) = Configuration switch
        {
            "Si4" => ("Si", 2.35, 5.5, new[] { 24, 20, 16, 12 }, 30),
            "C4" => ("C", 1.54, 4.5, new[] { 20, 18, 14, 11 }, 50),
            "Large" => ("Si", 2.35, 6.5, new[] { 30, 28, 22, 17 }, 120),
            "Pace" => ("Si", 2.35, 8.7, new[] { 22, 19, 15, 12 }, 140),
            _ => throw new ArgumentException($"unknown configuration {Configuration}"),
        };
        var spec = new AceBasisSpecification([element], new TransformedJacobiRadialSpecification(r0, cutoff), degrees.Length,
            new TotalDegreeSelection(degrees.Select(d => (Rational)d).ToArray()));
        _basis = AceBasis.Build(spec);
        var random = new Random(42);
        var coefficients = Enumerable.Range(0, _basis.FunctionCount).Select(_ => random.NextDouble() - 0.5).ToArray();
        _model = _basis.CreateEnergyModel(coefficients);
        _displacements = new Vec3[Sites][];
        _species = new int[Sites][];
        for (int s = 0; s < Sites; s++)
        {
            _displacements[s] = new Vec3[neighbours];
            _species[s] = new int[neighbours];
            for (int j = 0; j < neighbours; j++)
            {
                Vec3 v;
                do
                {
                    v = new Vec3(2 * random.NextDouble() - 1, 2 * random.NextDouble() - 1, 2 * random.NextDouble() - 1) * cutoff;
                }
                while (v.Norm >= cutoff || v.Norm < 0.6 * r0);
                _displacements[s][j] = v;
            }
        }
        _values = new double[_basis.FunctionCount];
        _gradients = new Vec3[_basis.FunctionCount * neighbours];
        _forces = new Vec3[neighbours];
        _workspace = _basis.CreateWorkspace(neighbours);
        _perThread = new ThreadLocal<(SiteWorkspace, Vec3[])>(() => (_basis.CreateWorkspace(neighbours), new Vec3[neighbours]));
    }

    [GlobalCleanup]
    public void Cleanup() => _perThread.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Sites)]
    public void Values()
    {
        for (int s = 0; s < Sites; s++)
        {
            _basis.EvaluateSite(0, _displacements[s], _species[s], _values, _workspace);
        }
    }

    [Benchmark(OperationsPerInvoke = Sites)]
    public void ValuesAndGradients()
    {
        for (int s = 0; s < Sites; s++)
        {
            _basis.EvaluateSiteWithGradients(0, _displacements[s], _species[s], _values, _gradients, _workspace);
        }
    }

    [Benchmark(OperationsPerInvoke = Sites)]
    public double EnergyAndForces()
    {
        double e = 0;
        for (int s = 0; s < Sites; s++)
        {
            e += _model.EvaluateSiteEnergy(0, _displacements[s], _species[s], _forces, _workspace);
        }
        return e;
    }

    [Benchmark(OperationsPerInvoke = Sites)]
    public void EnergyAndForcesAllCores() =>
        Parallel.For(0, Sites, s =>
        {
            var (workspace, forces) = _perThread.Value;
            _model.EvaluateSiteEnergy(0, _displacements[s], _species[s], forces, workspace);
        });
}
