using Ace.Core.Basis;
using Ace.Core.Primitives;
using BenchmarkDotNet.Attributes;

namespace Ace.Core.Benchmarks.Purification;

/// <summary>
/// Per-atom evaluation cost of the purified silicon basis (orders 1-4, D = 24, 20, 16, 12) relative to the ordinary basis,
/// for values, values + gradients (design-matrix rows) and energy + forces (adjoint sweep), 30 neighbours per atom.
/// Each invocation evaluates <see cref="Sites"/> environments; results are per atom. Ratios are against OrdinaryValues.
/// </summary>
[MemoryDiagnoser]
public class PurifiedEvaluationBenchmarks
{
    private const int Sites = 16;
    private const int Neighbours = 30;

    private Site _ordinary = null!;
    private Site _pure = null!;
    private Vec3[][] _displacements = null!;
    private int[][] _species = null!;

    /// <summary>Which purification the "Pure" benchmarks use.</summary>
    [Params(PurificationKind.Full, PurificationKind.Pure2b)]
    public PurificationKind Kind { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var spec = PurificationBenchmarkBases.Silicon();
        var ordinary = AceBasis.Build(spec);
        _ordinary = new Site(ordinary);
        _pure = new Site(AceBasis.Build(spec with { Purification = new PurificationOptions(Kind) }));
        var random = new Random(42);
        _displacements = new Vec3[Sites][];
        _species = new int[Sites][];
        for (int s = 0; s < Sites; s++)
        {
            _displacements[s] = new Vec3[Neighbours];
            _species[s] = new int[Neighbours];
            for (int j = 0; j < Neighbours; j++)
            {
                Vec3 v;
                do
                {
                    v = new Vec3(2 * random.NextDouble() - 1, 2 * random.NextDouble() - 1, 2 * random.NextDouble() - 1) * PurificationBenchmarkBases.Cutoff;
                }
                while (v.Norm >= PurificationBenchmarkBases.Cutoff || v.Norm < 0.6 * PurificationBenchmarkBases.R0);
                _displacements[s][j] = v;
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Sites)]
    public void OrdinaryValues() => _ordinary.Values(_displacements, _species);

    [Benchmark(OperationsPerInvoke = Sites)]
    public void PureValues() => _pure.Values(_displacements, _species);

    [Benchmark(OperationsPerInvoke = Sites)]
    public void OrdinaryValuesAndGradients() => _ordinary.ValuesAndGradients(_displacements, _species);

    [Benchmark(OperationsPerInvoke = Sites)]
    public void PureValuesAndGradients() => _pure.ValuesAndGradients(_displacements, _species);

    [Benchmark(OperationsPerInvoke = Sites)]
    public double OrdinaryEnergyAndForces() => _ordinary.EnergyAndForces(_displacements, _species);

    [Benchmark(OperationsPerInvoke = Sites)]
    public double PureEnergyAndForces() => _pure.EnergyAndForces(_displacements, _species);

    /// <summary>One basis with its workspace, outputs and an energy model with fixed random coefficients.</summary>
    private sealed class Site
    {
        private readonly AceBasis _basis;
        private readonly SiteEnergyModel _model;
        private readonly SiteWorkspace _workspace;
        private readonly double[] _values;
        private readonly Vec3[] _gradients;
        private readonly Vec3[] _forces;

        public Site(AceBasis basis)
        {
            _basis = basis;
            var random = new Random(7);
            _model = basis.CreateEnergyModel(Enumerable.Range(0, basis.FunctionCount).Select(_ => random.NextDouble() - 0.5).ToArray());
            _workspace = basis.CreateWorkspace(Neighbours);
            _values = new double[basis.FunctionCount];
            _gradients = new Vec3[basis.FunctionCount * Neighbours];
            _forces = new Vec3[Neighbours];
        }

        public void Values(Vec3[][] displacements, int[][] species)
        {
            for (int s = 0; s < displacements.Length; s++)
            {
                _basis.EvaluateSite(0, displacements[s], species[s], _values, _workspace);
            }
        }

        public void ValuesAndGradients(Vec3[][] displacements, int[][] species)
        {
            for (int s = 0; s < displacements.Length; s++)
            {
                _basis.EvaluateSiteWithGradients(0, displacements[s], species[s], _values, _gradients, _workspace);
            }
        }

        public double EnergyAndForces(Vec3[][] displacements, int[][] species)
        {
            double e = 0;
            for (int s = 0; s < displacements.Length; s++)
            {
                e += _model.EvaluateSiteEnergy(0, displacements[s], species[s], _forces, _workspace);
            }
            return e;
        }
    }
}
