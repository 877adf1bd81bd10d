using System.Diagnostics;
using System.Globalization;
using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Potentials;
using Ace.Core.Sites;
using Ace.Core.Solvers;

namespace Ace.Core.Fitting;

/// <summary>
/// Fits the coefficients of a basis to reference energies, forces and virials, e.g.
/// <c>LinearAce.Fit(basis).ReferenceEnergies(("Si", -7881.33)).Weights(energy: 50, forces: 1).Run(training)</c>.
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
    private Prior? _prior;
    private int? _ridgeFolds;

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

    /// <summary>The least-squares solver (default: <c>LeastSquares.BayesianLinearRegression()</c>).</summary>
    public FitBuilder Solver(ILeastSquaresSolver solver)
    {
        ArgumentNullException.ThrowIfNull(solver);
        _solver = solver;
        _columnScaledDegrees = null;
        _prior = null;
        _ridgeFolds = null;
        return this;
    }

    /// <summary>
    /// Bayesian linear regression with the ACE1x smoothness prior of this basis (<see cref="Fitting.SmoothnessPrior"/>,
    /// exponent <paramref name="p"/>, angular weight <paramref name="angularWeight"/>, by default the basis's own w_L);
    /// replaces the solver. With
    /// <paramref name="scaleByColumnNorms"/> each Gamma_jj is also multiplied by the weighted norm of column j of the
    /// assembled design (<see cref="Fitting.SmoothnessPrior.ScaleByColumnNorms"/>), so functions of very different
    /// magnitude (high correlation orders) are regularised alike; this helps markedly on large bases.
    /// With <see cref="RidgeByCrossValidation"/> (before or after) the prior is the ridge's Gamma instead.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> or <paramref name="angularWeight"/> is out of range.</exception>
    public FitBuilder SmoothnessPrior(int p = 4, double? angularWeight = null, bool scaleByColumnNorms = false)
    {
        var degrees = Fitting.SmoothnessPrior.Degrees(_basis, p, angularWeight);
        _prior = Prior.Smoothness(degrees);
        _solver = LeastSquares.BayesianLinearRegression(prior: _prior);
        _columnScaledDegrees = scaleByColumnNorms ? degrees : null;
        return this;
    }

    /// <summary>
    /// Ridge (Tikhonov) regression with its strength chosen by <paramref name="folds"/>-fold cross-validation instead of
    /// BLR's evidence maximisation: solves <c>(A^T W^2 A + lambda^2 Gamma^2) c = A^T W^2 y</c> with Gamma the prior of
    /// <see cref="SmoothnessPrior"/> (column-scaled when asked; the identity without it), and lambda minimising the
    /// weighted residual sum of squares of held-out folds (structure s in fold s mod K). Candidates: lambda0 = sqrt(trace
    /// G / trace Gamma^2) times the decades 1e-6 .. 1e3, then quarter decades around the best. The folds are streamed
    /// once (always normal equations); <see cref="FitResult.Ridge"/> holds the choice and the loss curve. Composes with
    /// <see cref="SmoothnessPrior"/> in either order; a later <see cref="Solver"/> replaces it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="folds"/> is less than 2.</exception>
    public FitBuilder RidgeByCrossValidation(int folds = 5)
    {
        CrossValidation.RequireFolds(folds, nameof(folds));
        _ridgeFolds = folds;
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
    /// <exception cref="InvalidOperationException">The assembly mode does not suit the solver (see <see cref="Assembly"/>).</exception>
    public FitResult Run(IEnumerable<Structure> training)
    {
        var assembler = Prepare(training);
        var mode = _mode == AssemblyMode.Auto
            ? (_ridgeFolds is not null || _solver.AcceptsNormalEquations ? AssemblyMode.NormalEquations : AssemblyMode.DenseDesign)
            : _mode;
        if (mode == AssemblyMode.NormalEquations)
        {
            RequireNormalEquationsSolver();
        }
        else if (_ridgeFolds is not null)
        {
            throw new InvalidOperationException("RidgeByCrossValidation assembles normal equations per fold; use AssemblyMode.NormalEquations or Auto");
        }
        var clock = Stopwatch.StartNew();
        LeastSquaresSolution solution;
        RidgeSelection? ridge = null;
        TimeSpan assemblyTime;
        if (_ridgeFolds is { } folds)
        {
            CrossValidation.RequireEnoughStructures(folds, assembler.StructureCount, nameof(training));
            var parts = CrossValidation.AssembleFolds(assembler, folds);
            var normal = CrossValidation.Sum(parts);
            assemblyTime = clock.Elapsed;
            clock.Restart();
            (solution, ridge) = Solve(parts, normal);
        }
        else if (mode == AssemblyMode.NormalEquations)
        {
            var normal = assembler.Streamed();
            assemblyTime = clock.Elapsed;
            clock.Restart();
            (solution, _) = Solve([], normal);
        }
        else
        {
            var problem = assembler.Dense();
            assemblyTime = clock.Elapsed;
            clock.Restart();
            solution = SolverFor(() => ColumnNorms(problem)).Solve(problem);
        }
        var solveTime = clock.Elapsed;
        return new FitResult(PotentialOf(solution), solution, assembler.StructureCount, assembler.RowCount, mode, assemblyTime, solveTime)
        {
            Ridge = ridge,
        };
    }

    /// <summary>
    /// K-fold cross-validation over structures with this builder's settings: structure s (its index in
    /// <paramref name="training"/>) belongs to fold s mod <paramref name="folds"/>. Each fold's rows are streamed once
    /// into their own normal equations; for each fold the model is solved, as <see cref="Run"/> would solve it, from
    /// the sum of the other folds (a column-scaled prior takes its norms from those folds; a cross-validated ridge runs
    /// its inner cross-validation over those folds), and predicts the held-out structures. The assembly mode is not
    /// used: the solver must accept normal equations.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="folds"/> is less than 2 (3 with <see cref="RidgeByCrossValidation"/>) or more than the structures.</exception>
    /// <exception cref="ArgumentException">The training set is empty, or all weights are zero.</exception>
    /// <exception cref="TrainingDataException">A structure cannot be used; the message names it.</exception>
    /// <exception cref="InvalidOperationException">The solver needs the dense design matrix.</exception>
    public CrossValidationResult CrossValidate(IEnumerable<Structure> training, int folds = 5)
    {
        CrossValidation.RequireFolds(folds, nameof(folds));
        if (_ridgeFolds is not null && folds < 3)
        {
            throw new ArgumentOutOfRangeException(nameof(folds), folds,
                "cross-validating a fit with RidgeByCrossValidation needs at least 3 folds (its inner cross-validation uses the other folds)");
        }
        RequireNormalEquationsSolver();
        var assembler = Prepare(training);
        CrossValidation.RequireEnoughStructures(folds, assembler.StructureCount, nameof(folds));
        var parts = CrossValidation.AssembleFolds(assembler, folds);
        return CrossValidation.Run(assembler, parts, Solve, PotentialOf);
    }

    /// <summary>The dense weighted problem (rows per structure as described on the class), for inspection or other solvers.</summary>
    public LeastSquaresProblem AssembleDesign(IEnumerable<Structure> training) => Prepare(training).Dense();

    /// <summary>The normal equations of the weighted problem, assembled without storing the rows.</summary>
    public NormalEquations AssembleNormalEquations(IEnumerable<Structure> training) => Prepare(training).Streamed();

    /// <summary>
    /// Solves normal equations as configured: the cross-validated ridge over <paramref name="folds"/> (which sum to
    /// <paramref name="normal"/>) when asked for, else the solver of <see cref="SolverFor"/>.
    /// </summary>
    private (LeastSquaresSolution Solution, RidgeSelection? Ridge) Solve(IReadOnlyList<NormalEquations> folds, NormalEquations normal)
    {
        if (_ridgeFolds is null)
        {
            return (SolverFor(() => GramColumnNorms(normal)).Solve(normal), null);
        }
        var prior = PriorFor(normal);
        var selection = RidgeCrossValidation.Select(folds, normal, prior, PriorFor);
        var ridge = LeastSquares.NormalEquations(selection.Lambda, prior).Solve(normal);
        var solver = string.Create(CultureInfo.InvariantCulture, $"ridge by {selection.Folds}-fold cross-validation, {ridge.Solver}");
        return (new LeastSquaresSolution(solver, ridge.ToArray(), ridge.ResidualNorm, ridge.EffectiveRank), selection);
    }

    /// <summary>The configured solver, or BLR with the column-scaled smoothness prior when asked for.</summary>
    private ILeastSquaresSolver SolverFor(Func<double[]> columnNorms) => _columnScaledDegrees is null
        ? _solver
        : LeastSquares.BayesianLinearRegression(prior: PriorFor(columnNorms));

    /// <summary>Gamma: the smoothness prior (scaled by the given weighted column norms when asked for), or null.</summary>
    private Prior? PriorFor(Func<double[]> columnNorms) => _columnScaledDegrees is { } degrees
        ? Fitting.SmoothnessPrior.ScaleByColumnNorms(degrees, columnNorms())
        : _prior;

    private Prior? PriorFor(NormalEquations normal) => PriorFor(() => GramColumnNorms(normal));

    private void RequireNormalEquationsSolver()
    {
        if (_ridgeFolds is null && !_solver.AcceptsNormalEquations)
        {
            throw new InvalidOperationException($"the solver {_solver.Name} needs the design matrix; use AssemblyMode.DenseDesign or Auto");
        }
    }

    private LinearAcePotential PotentialOf(LeastSquaresSolution solution) => new(_basis, solution.Coefficients, _referenceEnergies);

    /// <summary>The weighted column norms sqrt(G_jj) from the Gram diagonal.</summary>
    private static double[] GramColumnNorms(NormalEquations normal)
    {
        int n = normal.Columns;
        var norms = new double[n];
        for (int j = 0; j < n; j++)
        {
            norms[j] = Math.Sqrt(normal.Gram[j * n + j]);
        }
        return norms;
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
