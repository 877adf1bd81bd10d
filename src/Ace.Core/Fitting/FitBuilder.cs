using System.Diagnostics;
using System.Globalization;
using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Potentials;
using Ace.Core.Solvers;
using LeastSquares = Ace.Core.Solvers.Solvers;

namespace Ace.Core.Fitting;

/// <summary>
/// Fits the coefficients of a basis to reference energies, forces and virials, e.g.
/// <c>Ace.Fit(basis).ReferenceEnergies(("Si", -7881.33)).Weights(energy: 50, forces: 1).Run(training)</c>.
/// Rows per structure with N atoms: one energy row ((E - sum E0)/N by default, see <see cref="EnergyScaling"/>),
/// 3N force rows, and six virial rows when the virial weight is positive; each row and target is multiplied by its
/// weight. Weights come from the structure itself (energy_weight, ...), else its config_type, else the default.
/// Assembly runs in parallel over structures. A builder may be reused; every call copies its settings.
/// </summary>
public sealed class FitBuilder
{
    private readonly AceBasis _basis;
    private readonly Dictionary<string, double> _referenceEnergies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FitWeights> _configTypeWeights = new(StringComparer.Ordinal);
    private FitWeights _defaultWeights = new();
    private EnergyScaling _scaling = EnergyScaling.PerAtom;
    private ILeastSquaresSolver _solver = LeastSquares.BayesianLinearRegression();
    private AssemblyMode _mode = AssemblyMode.Auto;
    private IProgress<AssemblyProgress>? _progress;
    private int _parallelism = Environment.ProcessorCount;
    private double[]? _columnScaledDegrees;

    /// <summary>Starts a fit of <paramref name="basis"/> with weights 1 (energy) and 1 (forces), no virials, BLR.</summary>
    public FitBuilder(AceBasis basis)
    {
        ArgumentNullException.ThrowIfNull(basis);
        _basis = basis;
    }

    /// <summary>The reference one-body energies E0(z) in eV, subtracted from the energies before fitting (elements not given: 0).</summary>
    /// <exception cref="ArgumentException">An element is not in the basis or an energy is not finite.</exception>
    public FitBuilder ReferenceEnergies(params (string Element, double Energy)[] energies)
    {
        ArgumentNullException.ThrowIfNull(energies);
        foreach (var (element, energy) in energies)
        {
            _basis.SpeciesIndex(element);
            if (!double.IsFinite(energy))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"the reference energy of {element} is not finite: {energy}"), nameof(energies));
            }
            _referenceEnergies[element] = energy;
        }
        return this;
    }

    /// <summary>The default weights of the energy, force and virial rows (virial 0: no virial rows).</summary>
    /// <exception cref="ArgumentException">A weight is negative or not finite.</exception>
    public FitBuilder Weights(double energy = 1, double forces = 1, double virial = 0)
    {
        var w = new FitWeights(energy, forces, virial);
        w.Validate("default weights");
        _defaultWeights = w;
        return this;
    }

    /// <summary>The weights of the structures whose config_type is <paramref name="configType"/>.</summary>
    /// <exception cref="ArgumentException">A weight is negative or not finite.</exception>
    public FitBuilder Weights(string configType, double energy = 1, double forces = 1, double virial = 0)
    {
        ArgumentNullException.ThrowIfNull(configType);
        var w = new FitWeights(energy, forces, virial);
        w.Validate($"weights of config_type '{configType}'");
        _configTypeWeights[configType] = w;
        return this;
    }

    /// <summary>How energy and virial residuals are scaled: per atom (default) or per sqrt(atoms) (ACEpotentials.jl).</summary>
    public FitBuilder ScaleEnergy(EnergyScaling scaling)
    {
        if (!Enum.IsDefined(scaling))
        {
            throw new ArgumentOutOfRangeException(nameof(scaling), scaling, "unknown energy scaling");
        }
        _scaling = scaling;
        return this;
    }

    /// <summary>The least-squares solver (default: <c>Solvers.BayesianLinearRegression()</c>).</summary>
    public FitBuilder Solver(ILeastSquaresSolver solver)
    {
        ArgumentNullException.ThrowIfNull(solver);
        _solver = solver;
        _columnScaledDegrees = null;
        return this;
    }

    /// <summary>
    /// Bayesian linear regression with the ACE1x smoothness prior of this basis (<see cref="Fitting.SmoothnessPrior"/>,
    /// exponent <paramref name="p"/>, angular weight <paramref name="angularWeight"/>); replaces the solver. With
    /// <paramref name="scaleByColumnNorms"/> each Gamma_jj is also multiplied by the weighted norm of column j of the
    /// assembled design (<see cref="Fitting.SmoothnessPrior.ScaleByColumnNorms"/>), so functions of very different
    /// magnitude (high correlation orders) are regularised alike; this helps markedly on large bases.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> or <paramref name="angularWeight"/> is out of range.</exception>
    public FitBuilder SmoothnessPrior(int p = 4, double angularWeight = 1.5, bool scaleByColumnNorms = false)
    {
        var degrees = Fitting.SmoothnessPrior.Degrees(_basis, p, angularWeight);
        _solver = LeastSquares.BayesianLinearRegression(prior: Prior.Smoothness(degrees));
        _columnScaledDegrees = scaleByColumnNorms ? degrees : null;
        return this;
    }

    /// <summary>Dense design matrix or streamed normal equations (default <see cref="AssemblyMode.Auto"/>).</summary>
    public FitBuilder Assembly(AssemblyMode mode)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown assembly mode");
        }
        _mode = mode;
        return this;
    }

    /// <summary>Receives an <see cref="AssemblyProgress"/> after every assembled structure (from worker threads).</summary>
    public FitBuilder Progress(IProgress<AssemblyProgress>? progress)
    {
        _progress = progress;
        return this;
    }

    /// <summary>The number of threads the assembly uses (default: all cores).</summary>
    public FitBuilder MaxDegreeOfParallelism(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _parallelism = threads;
        return this;
    }

    /// <summary>Assembles the weighted system and solves it.</summary>
    /// <exception cref="ArgumentException">The training set is empty, or all weights are zero.</exception>
    /// <exception cref="TrainingDataException">A structure cannot be used (element the basis lacks, missing data the weights need); the message names it.</exception>
    public FitResult Run(IEnumerable<Structure> training)
    {
        var assembler = Prepare(training);
        var mode = _mode == AssemblyMode.Auto
            ? (_solver.AcceptsNormalEquations ? AssemblyMode.NormalEquations : AssemblyMode.DenseDesign)
            : _mode;
        if (mode == AssemblyMode.NormalEquations && !_solver.AcceptsNormalEquations)
        {
            throw new InvalidOperationException($"the solver {_solver.Name} needs the design matrix; use AssemblyMode.DenseDesign or Auto");
        }
        var clock = Stopwatch.StartNew();
        LeastSquaresSolution solution;
        TimeSpan assemblyTime;
        if (mode == AssemblyMode.NormalEquations)
        {
            var normal = assembler.Streamed();
            assemblyTime = clock.Elapsed;
            clock.Restart();
            solution = SolverFor(normal).Solve(normal);
        }
        else
        {
            var problem = assembler.Dense();
            assemblyTime = clock.Elapsed;
            clock.Restart();
            solution = (_columnScaledDegrees is { } degrees
                ? LeastSquares.BayesianLinearRegression(prior: Fitting.SmoothnessPrior.ScaleByColumnNorms(degrees, ColumnNorms(problem)))
                : _solver).Solve(problem);
        }
        var solveTime = clock.Elapsed;
        var potential = new LinearAcePotential(_basis, solution.Coefficients, _referenceEnergies);
        return new FitResult(potential, solution, assembler.StructureCount, assembler.RowCount, mode, assemblyTime, solveTime);
    }

    /// <summary>The dense weighted problem (rows per structure as described on the class), for inspection or other solvers.</summary>
    public LeastSquaresProblem AssembleDesign(IEnumerable<Structure> training) => Prepare(training).Dense();

    /// <summary>The normal equations of the weighted problem, assembled without storing the rows.</summary>
    public NormalEquations AssembleNormalEquations(IEnumerable<Structure> training) => Prepare(training).Streamed();

    /// <summary>The solver, with the column-scaled smoothness prior built from the assembled Gram diagonal when asked for.</summary>
    private ILeastSquaresSolver SolverFor(NormalEquations normal)
    {
        if (_columnScaledDegrees is not { } degrees)
        {
            return _solver;
        }
        int n = normal.Columns;
        var norms = new double[n];
        for (int j = 0; j < n; j++)
        {
            norms[j] = Math.Sqrt(normal.Gram[j * n + j]);
        }
        return LeastSquares.BayesianLinearRegression(prior: Fitting.SmoothnessPrior.ScaleByColumnNorms(degrees, norms));
    }

    /// <summary>The weighted norms ||W A_j|| of the columns of a dense problem.</summary>
    private static double[] ColumnNorms(LeastSquaresProblem problem)
    {
        var norms = new double[problem.Columns];
        for (int j = 0; j < norms.Length; j++)
        {
            var column = problem.Design.Slice(j * problem.Rows, problem.Rows);
            double sum = 0;
            for (int i = 0; i < column.Length; i++)
            {
                double v = problem.Weights[i] * column[i];
                sum += v * v;
            }
            norms[j] = Math.Sqrt(sum);
        }
        return norms;
    }

    private DesignAssembler Prepare(IEnumerable<Structure> training)
    {
        ArgumentNullException.ThrowIfNull(training);
        var structures = training as IReadOnlyList<Structure> ?? training.ToList();
        var geometry = new BasisGeometry(_basis);
        var references = new double[_basis.Elements.Count];
        foreach (var (element, energy) in _referenceEnergies)
        {
            references[_basis.SpeciesIndex(element)] = energy;
        }
        var settings = new FitSettings(references, _defaultWeights,
            new Dictionary<string, FitWeights>(_configTypeWeights, StringComparer.Ordinal), _scaling, _parallelism, _progress);
        var plans = StructurePlan.Create(structures, settings, geometry);
        return new DesignAssembler(geometry, settings, plans);
    }
}
