using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Benchmarks.Atoms;
using Ace.Core.Fitting;
using Ace.Core.Potentials;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Ace.Core.Benchmarks.Fitting;

/// <summary>The carbon set Tr1k_n.xyz and the study's body-order-5 basis (r_cut 5 A, r0 1.287 A, D = 24, 20, 16, 12).</summary>
internal static class CarbonFitData
{
    public const double ReferenceEnergy = -245.44385736;

    private static readonly Lazy<IReadOnlyList<Structure>> All = new(() =>
        ExtendedXyzReadBenchmarks.Files().FirstOrDefault() is { } path
            ? ExtendedXyz.ReadAll(path, new ExtendedXyzOptions { ForcesKey = "force" })
            : []);

    /// <summary>The structures (empty without the shared data).</summary>
    public static IReadOnlyList<Structure> Structures => All.Value;

    public static AceBasis Basis(int bodyOrder) =>
        LinearAce.Basis("C").Cutoff(5.0).Radial(r0: 1.287).MaxBodyOrder(bodyOrder).TotalDegree(new[] { 24, 20, 16, 12 }[..(bodyOrder - 1)]).Build();

    /// <summary>
    /// The 2,798-function basis of docs/results-carbon.md: body order 5, D = 36, 28, 20, 15 (w_L 3/2) plus a separate
    /// pair basis of 30 transformed-Jacobi functions (r0 1.287 A, PIn = 0).
    /// </summary>
    public static AceBasis LargeBasis() =>
        LinearAce.Basis("C").Cutoff(5.0).Radial(r0: 1.287).MaxBodyOrder(5).TotalDegree(36, 28, 20, 15)
            .PairBasis(30, new TransformedJacobiRadialSpecification(1.287, 5.0, PIn: 0)).Build();

    public static FitBuilder Fit(AceBasis basis, int threads) =>
        LinearAce.Fit(basis).ReferenceEnergies(("C", ReferenceEnergy)).Weights(energy: 50, forces: 1).MaxDegreeOfParallelism(threads);
}

/// <summary>
/// Assembly throughput: energy and force rows of the first 100 structures of Tr1k_n.xyz (about 1,800 atoms) at body
/// order 5 (930 functions), streamed into normal equations, on one core and on all cores. Time per structure
/// (OperationsPerInvoke = 100); the console line gives the atom count for atoms per second.
/// </summary>
public class AssemblyBenchmarks
{
    private const int StructureCount = 100;
    private IReadOnlyList<Structure> _structures = [];
    private FitBuilder? _fit;

    /// <summary>Worker threads: 1 and all cores.</summary>
    [ParamsSource(nameof(ThreadCounts))]
    public int Threads { get; set; }

    /// <summary>1 and <see cref="Environment.ProcessorCount"/>.</summary>
    public static IEnumerable<int> ThreadCounts() => Environment.ProcessorCount > 1 ? [1, Environment.ProcessorCount] : [1];

    /// <summary>Loads the data and builds the basis.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _structures = CarbonFitData.Structures.Take(StructureCount).ToList();
        if (_structures.Count < StructureCount)
        {
            throw new InvalidOperationException("AssemblyBenchmarks needs ../shared/data/carbon/Tr1k_n.xyz (set ACE_SHARED_DATA)");
        }
        _fit = CarbonFitData.Fit(CarbonFitData.Basis(5), Threads);
        Console.WriteLine($"AssemblyBenchmarks: {StructureCount} structures, {_structures.Sum(s => s.AtomCount)} atoms");
    }

    /// <summary>Energy and force rows into normal equations.</summary>
    [Benchmark(OperationsPerInvoke = StructureCount)]
    public long Assemble() => _fit!.AssembleNormalEquations(_structures).RowCount;
}

/// <summary>Whole fits of Tr1k_n.xyz at body order 5 (assembly on all cores + BLR), two basis sizes; a few single runs.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class CarbonFitBenchmarks
{
    private AceBasis? _basis;
    private AceBasis? _largeBasis;

    /// <summary>Builds the basis.</summary>
    [GlobalSetup]
    public void Setup()
    {
        if (CarbonFitData.Structures.Count == 0)
        {
            throw new InvalidOperationException("CarbonFitBenchmarks needs ../shared/data/carbon/Tr1k_n.xyz (set ACE_SHARED_DATA)");
        }
        _basis = CarbonFitData.Basis(5);
        _largeBasis = CarbonFitData.LargeBasis();
        Console.WriteLine($"CarbonFitBenchmarks: {_basis.FunctionCount} and {_largeBasis.FunctionCount} functions, {CarbonFitData.Structures.Count} structures");
    }

    /// <summary>Assembly and solve.</summary>
    [Benchmark]
    public double FitBodyOrder5() => CarbonFitData.Fit(_basis!, Environment.ProcessorCount).Run(CarbonFitData.Structures).Solution.ResidualNorm;

    /// <summary>The fit of issue 17's aim: all of Tr1k_n, the 2,798-function basis (<see cref="CarbonFitData.LargeBasis"/>),
    /// energy weight 60 per atom, forces 1, BLR; assembly on all cores.</summary>
    [Benchmark]
    public double FitLargeBasis() =>
        CarbonFitData.Fit(_largeBasis!, Environment.ProcessorCount).Weights(energy: 60, forces: 1).Run(CarbonFitData.Structures).Solution.ResidualNorm;
}

/// <summary>Energy, forces and virial of the Tr1k_n structures with a body-order-5 potential; time per atom.</summary>
public class PotentialEvaluationBenchmarks
{
    private const int StructureCount = 20;
    private LinearAcePotential? _potential;
    private Structure[] _structures = [];

    /// <summary>A potential with fixed pseudo-random coefficients on the body-order-5 basis.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var basis = CarbonFitData.Basis(5);
        var random = new Random(1);
        _potential = new LinearAcePotential(basis, Enumerable.Range(0, basis.FunctionCount).Select(_ => random.NextDouble() - 0.5).ToArray());
        _structures = CarbonFitData.Structures.Take(StructureCount).ToArray();
        if (_structures.Length < StructureCount)
        {
            throw new InvalidOperationException("PotentialEvaluationBenchmarks needs ../shared/data/carbon/Tr1k_n.xyz (set ACE_SHARED_DATA)");
        }
        Console.WriteLine($"PotentialEvaluationBenchmarks: {_structures.Sum(s => s.AtomCount)} atoms per invocation");
    }

    /// <summary>Evaluates every structure once.</summary>
    [Benchmark]
    public double Evaluate()
    {
        double sum = 0;
        foreach (var s in _structures)
        {
            sum += _potential!.Evaluate(s).Energy;
        }
        return sum;
    }
}
