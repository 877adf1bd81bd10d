using System.Diagnostics;
using System.Globalization;
using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Fitting.Radials;
using Ace.Core.Potentials;
using Ace.Core.Sites;
using Ace.Core.Solvers;
using Ace.Core.Trust;

namespace Ace.Core.Fitting;

/// <summary>
/// Fits the coefficients of a basis to reference energies, forces and virials, e.g.
/// <c>LinearAce.Fit(basis).ReferenceEnergies(("Si", -7881.33)).Weights(energy: 50, forces: 1).Run(training)</c>.
/// Rows per structure with N atoms: one energy row ((E - sum E0)/N by default, see <see cref="EnergyScaling"/>),
/// 3N force rows, and six virial rows when the virial weight is positive; each row and target is multiplied by its
/// weight. Each weight comes from the structure's own info (keys energy_weight, force_weight, virial_weight, see
/// <see cref="WeightKeys"/>), else its config_type's (<see cref="Weights(string, double, double, double)"/>), else the
/// default (<see cref="Weights(double, double, double)"/>).
/// Assembly runs in parallel over structures. A builder may be reused; every call copies its settings.
/// </summary>
public sealed class FitBuilder
{
    private readonly AceBasis _basis;
    private readonly Dictionary<string, double> _referenceEnergies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FitWeights> _configTypeWeights = new(StringComparer.Ordinal);
    private FitWeights _defaultWeights = new();
    private WeightOverrideKeys _overrideKeys = WeightOverrideKeys.Default;
    private EnergyScaling _scaling = EnergyScaling.PerAtom;
    private SolveStrategy _strategy = SolveStrategy.Default;
    private AssemblyMode _mode = AssemblyMode.Auto;
    private IProgress<AssemblyProgress>? _progress;
    private int _parallelism = Environment.ProcessorCount;
    private (int Size, int Seed)? _committee;
    private Func<ActiveSetBuilder, ActiveSetBuilder>? _activeSet;
    private double _minimumSeparation = Structure.DefaultMinimumSeparation;
    private int? _batchRows;
    private ShardPlan? _shards;
    private RadialFitSettings? _radialFit;
    private (bool On, double? Kappa) _pacemakerLoss;

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

    /// <summary>
    /// The <see cref="Structure.Info"/> keys of a structure's own weights, which override its config_type's and the
    /// default (extended XYZ header keys land in the info, so <c>energy_weight=30</c> in a frame's header applies).
    /// A value must be a finite non-negative number, else <see cref="Run"/> throws a <see cref="TrainingDataException"/>
    /// naming the structure, key and value.
    /// </summary>
    /// <exception cref="ArgumentException">A key is null, empty or white space.</exception>
    public FitBuilder WeightKeys(string energy = "energy_weight", string forces = "force_weight", string virial = "virial_weight")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(energy);
        ArgumentException.ThrowIfNullOrWhiteSpace(forces);
        ArgumentException.ThrowIfNullOrWhiteSpace(virial);
        _overrideKeys = new WeightOverrideKeys(energy, forces, virial);
        return this;
    }

    /// <summary>
    /// pacemaker's loss, L = (1 - kappa) sum_s w_s (dE_s / N_s)^2 + kappa sum_i w_i |dF_i|^2: the energy and force weights
    /// (from <see cref="Weights(double, double, double)"/>, config_type and per-structure keys as usual) are rescaled so
    /// that their squares sum to 1 over the structures (energies) and over the atoms (forces) of the training set given to
    /// <see cref="Run"/>, <see cref="CrossValidate(IEnumerable{Structure}, int)"/> or <see cref="Loss"/>, then by
    /// 1 - kappa and kappa. With the default weights that is pacemaker's uniform weighting. Energies stay per atom; the
    /// virial weight must be 0 (pacemaker's loss has no virial term). <paramref name="kappa"/> null: pacemaker's
    /// "auto", Var(E / N) / (Var(E / N) + Var(|F|)) over the training set (energies less the reference energies).
    /// Only the ratio of the two weights changes a Bayesian fit; a fixed ridge strength sees the normalisation too.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kappa"/> is outside [0, 1].</exception>
    public FitBuilder PacemakerLoss(double? kappa = null)
    {
        if (kappa is { } k && !(k >= 0 && k <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(kappa), k, "kappa must lie in [0, 1] (0: energies only, 1: forces only)");
        }
        _pacemakerLoss = (true, kappa);
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

    /// <summary>
    /// An explicit least-squares solver with its own settings (default: Bayesian linear regression without a prior, see
    /// <see cref="SmoothnessPrior"/>). A later call replaces an earlier one.
    /// </summary>
    /// <exception cref="InvalidOperationException"><see cref="SmoothnessPrior"/>, <see cref="Ridge"/> or
    /// <see cref="RidgeByCrossValidation"/> was called (the solver would silently drop them; give the solver its own
    /// prior instead), or <see cref="Assembly"/> chose normal equations and the solver needs the design matrix.</exception>
    public FitBuilder Solver(ILeastSquaresSolver solver)
    {
        ArgumentNullException.ThrowIfNull(solver);
        return Choose(_strategy.WithSolver(solver));
    }

    /// <summary>
    /// The ACE1x smoothness prior Gamma of this basis (<see cref="SmoothnessPriors"/>, exponent <paramref name="p"/>,
    /// angular weight <paramref name="angularWeight"/>, by default the basis's own w_L) for the solve: Bayesian linear
    /// regression by default, or the ridge of <see cref="Ridge"/> or <see cref="RidgeByCrossValidation"/> (in either
    /// order). With <paramref name="scaleByColumnNorms"/> each Gamma_jj is also multiplied by the weighted norm of column
    /// j of the data solved (<see cref="SmoothnessPriors.ScaleByColumnNorms"/>), so functions of very different magnitude
    /// (high correlation orders) are regularised alike; this helps markedly on large bases. A later call replaces an
    /// earlier one.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> or <paramref name="angularWeight"/> is out of range.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Solver"/> was called: an explicit solver takes no prior from the fit.</exception>
    public FitBuilder SmoothnessPrior(int p = 4, double? angularWeight = null, bool scaleByColumnNorms = false)
    {
        var degrees = SmoothnessPriors.Degrees(_basis, p, angularWeight);
        double wL = angularWeight ?? SmoothnessPriors.DefaultAngularWeight(_basis);
        var call = string.Create(CultureInfo.InvariantCulture,
            $"SmoothnessPrior(p: {p}, angularWeight: {wL:G6}, scaleByColumnNorms: {(scaleByColumnNorms ? "true" : "false")})");
        var prior = scaleByColumnNorms ? FitPrior.ColumnScaled(degrees, call) : FitPrior.Fixed(Prior.Smoothness(degrees), call);
        return Choose(_strategy.WithPrior(prior));
    }

    /// <summary>
    /// ACE1x's algebraic smoothness prior exactly as ACEpotentials.jl's <c>acefit!</c> builds it
    /// (<see cref="Fitting.Ace1SmoothnessPrior"/>: ACE1's scaling of the coupled basis, pure2b and purification corrections
    /// included, in ACE1's normalisation) for the solve: BLR by default, or the ridge of <see cref="Ridge"/> or
    /// <see cref="RidgeByCrossValidation"/>. <see cref="SmoothnessPrior"/> is the simpler prior from the labels alone. A
    /// later call of either replaces an earlier one.
    /// </summary>
    /// <param name="p">The exponent, at least 1 (<c>acefit!</c>: 4).</param>
    /// <param name="angularWeight">w_L of l^p + |m|^p, positive (ACE1x: 1).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> or <paramref name="angularWeight"/> is out of range.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Solver"/> was called: an explicit solver takes no prior from the fit.</exception>
    public FitBuilder Ace1SmoothnessPrior(int p = 4, double angularWeight = Fitting.Ace1SmoothnessPrior.DefaultAngularWeight)
    {
        var prior = Fitting.Ace1SmoothnessPrior.Create(_basis, p, angularWeight);
        return Choose(_strategy.WithPrior(FitPrior.Fixed(prior, string.Create(CultureInfo.InvariantCulture,
            $"Ace1SmoothnessPrior(p: {p}, angularWeight: {angularWeight:G6})"))));
    }

    /// <summary>
    /// Ridge (Tikhonov) regression with the fixed strength <paramref name="lambda"/> instead of BLR's evidence
    /// maximisation: solves <c>(A^T W^2 A + lambda^2 Gamma^2) c = A^T W^2 y</c> with Gamma the prior of
    /// <see cref="SmoothnessPrior"/> (the identity without it), from normal equations (Cholesky) or, with
    /// <see cref="AssemblyMode.DenseDesign"/>, by QR of the design. A later call replaces an earlier one.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lambda"/> is not positive and finite.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Solver"/> or <see cref="RidgeByCrossValidation"/> was called.</exception>
    public FitBuilder Ridge(double lambda)
    {
        if (!(lambda > 0) || !double.IsFinite(lambda))
        {
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "the ridge strength lambda must be positive and finite");
        }
        return Choose(_strategy.WithRidge(lambda));
    }

    /// <summary>
    /// Ridge (Tikhonov) regression with its strength chosen by <paramref name="folds"/>-fold cross-validation instead of
    /// BLR's evidence maximisation: solves <c>(A^T W^2 A + lambda^2 Gamma^2) c = A^T W^2 y</c> with Gamma the prior of
    /// <see cref="SmoothnessPrior"/> (column-scaled when asked; the identity without it), and lambda minimising the
    /// weighted residual sum of squares of held-out folds (structure s in fold s mod K). Candidates: lambda0 = sqrt(trace
    /// G / trace Gamma^2) times the decades 1e-6 .. 1e3, then quarter decades around the best. The folds are streamed
    /// once (always normal equations); <see cref="FitResult.Ridge"/> holds the choice and the loss curve. Composes with
    /// <see cref="SmoothnessPrior"/> in either order; a later call replaces an earlier one.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="folds"/> is less than 2.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Solver"/> or <see cref="Ridge"/> was called, or
    /// <see cref="Assembly"/> chose the dense design.</exception>
    public FitBuilder RidgeByCrossValidation(int folds = 5)
    {
        CrossValidation.RequireFolds(folds, nameof(folds));
        return Choose(_strategy.WithRidgeByCrossValidation(folds));
    }

    /// <summary>
    /// Dense design matrix or streamed normal equations (default <see cref="AssemblyMode.Auto"/>: normal equations
    /// unless the solver needs the design matrix).
    /// </summary>
    /// <exception cref="InvalidOperationException">The mode does not suit the solve strategy (an explicit solver that
    /// needs the design matrix, or <see cref="RidgeByCrossValidation"/> with the dense design).</exception>
    public FitBuilder Assembly(AssemblyMode mode)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown assembly mode");
        }
        _strategy.RequireAssembly(mode, AssemblyCall(mode));
        _mode = mode;
        return this;
    }

    /// <summary>
    /// The rows of each rank-k update when normal equations are assembled (streamed): consecutive structures are
    /// batched until their rows would exceed <paramref name="rows"/> (a structure with more rows is one batch). Larger
    /// batches run the update at the BLAS's arithmetic rate; memory grows as about 16 x rows x functions bytes.
    /// Default: the rows of 64 MiB (8 bytes x functions each), at least 512 and at most 4096 (2,998 rows for 2,798
    /// functions). The result is the same for any batch size up to rounding, and bitwise the same for any thread count.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> is less than 1.</exception>
    public FitBuilder AssemblyBatchRows(int rows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        _batchRows = rows;
        return this;
    }

    /// <summary>Receives an <see cref="AssemblyProgress"/> after every assembled structure (from worker threads).</summary>
    public FitBuilder Progress(IProgress<AssemblyProgress>? progress)
    {
        _progress = progress;
        return this;
    }

    /// <summary>
    /// Training structures with two atoms (or an atom and a periodic image) closer than <paramref name="angstrom"/> are
    /// rejected before assembly with a <see cref="TrainingDataException"/> naming the structure and the pair (default
    /// <see cref="Structure.DefaultMinimumSeparation"/>; 0 turns the check off).
    /// </summary>
    public FitBuilder MinimumSeparation(double angstrom)
    {
        if (!(angstrom >= 0) || !double.IsFinite(angstrom))
        {
            throw new ArgumentOutOfRangeException(nameof(angstrom), angstrom, "the minimum separation must be a finite non-negative distance in Angstrom");
        }
        _minimumSeparation = angstrom;
        return this;
    }

    /// <summary>The number of threads the assembly uses (default: all cores).</summary>
    public FitBuilder MaxDegreeOfParallelism(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _parallelism = threads;
        return this;
    }

    /// <summary>
    /// Attaches the posterior committee of <paramref name="size"/> members (seeded by <paramref name="seed"/>) to the
    /// fitted potential (<see cref="PotentialCommittee.FromPosterior"/>); the solve must be Bayesian (the default).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is below 2.</exception>
    public FitBuilder Committee(int size = 8, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 2);
        _committee = (size, seed);
        return this;
    }

    /// <summary>
    /// Builds the extrapolation grade's active set of the training structures after the solve and attaches it to the
    /// fitted potential; <paramref name="configure"/> may set the builder's options (batch size, tolerance).
    /// </summary>
    public FitBuilder ActiveSet(Func<ActiveSetBuilder, ActiveSetBuilder>? configure = null)
    {
        _activeSet = configure ?? (builder => builder);
        return this;
    }

    /// <summary>
    /// Fits the radial functions too (the basis must have fitted radials, <see cref="Building.BasisBuilder.FittedRadials"/>):
    /// variable projection. The start is the ordinary linear fit of this builder (its solve strategy: BLR, ridge or
    /// cross-validated ridge), which fixes lambda and Gamma; then for radial parameters W the coefficients are the ridge
    /// solution c(W) = argmin ||w (Phi(W) c - y)||^2 + lambda^2 ||Gamma c||^2, and W is optimised by L-BFGS on that
    /// reduced loss plus <paramref name="smoothness"/> times the roughness the fit adds to the radial functions
    /// (integral of (R'_nl - R'^0_nl)^2). The loss never rises above the start's. With <paramref name="validation"/>
    /// structures the step with the lowest weighted validation loss is kept and the run stops after
    /// <paramref name="patience"/> iterations without improvement. Deterministic (unless <paramref name="maxDuration"/>, a
    /// wall-time limit checked after each iteration, ends the run); parallel over structures.
    /// <see cref="FitResult.RadialFit"/> records the steps.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An iteration count, the patience or the smoothness is out of range.</exception>
    public FitBuilder FitRadials(int maxIterations = 100, IEnumerable<Structure>? validation = null, int patience = 10, double smoothness = 0,
        IProgress<RadialFitProgress>? progress = null, TimeSpan? maxDuration = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxIterations);
        if (maxDuration is { } limit && limit <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDuration), limit, "the time limit must be positive");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(patience, 1);
        if (!(smoothness >= 0) || !double.IsFinite(smoothness))
        {
            throw new ArgumentOutOfRangeException(nameof(smoothness), smoothness, "the radial smoothness must be finite and non-negative");
        }
        _radialFit = new RadialFitSettings(maxIterations, validation?.ToList(), patience, smoothness, progress, maxDuration);
        return this;
    }

    /// <summary>Assembles the weighted system and solves it with the solve strategy (BLR by default).</summary>
    /// <exception cref="ArgumentException">The training set is empty, or all weights are zero, or the <see cref="Shards"/> plan does not cover it.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A cross-validated ridge has more folds than structures.</exception>
    /// <exception cref="TrainingDataException">A structure cannot be used (element the basis lacks, missing data the weights need); the message names it.</exception>
    public FitResult Run(IEnumerable<Structure> training)
    {
        ArgumentNullException.ThrowIfNull(training);
        var structures = training as IReadOnlyList<Structure> ?? training.ToList();
        if (_radialFit is { } radialFit)
        {
            return RunRadialFit(structures, radialFit);
        }
        var assembler = Prepare(structures);
        var mode = _mode == AssemblyMode.Auto ? _strategy.PreferredAssembly : _mode;
        var clock = Stopwatch.StartNew();
        if (mode == AssemblyMode.NormalEquations)
        {
            RequireFoldsFit(_strategy.AssembledFolds, structures.Count);
            var assembled = AssembleLocally(assembler, _strategy.AssembledFolds);
            return SolveAssembled(assembled, clock.Elapsed, structures);
        }
        var problem = assembler.Dense();
        var assemblyTime = clock.Elapsed;
        clock.Restart();
        var solution = _strategy.Solve(problem);
        return Finish(solution, null, assembler.StructureCount, assembler.RowCount, mode, assemblyTime, clock.Elapsed, structures,
            structures.Sum(s => (long)s.AtomCount));
    }

    /// <summary>
    /// Solves, as <see cref="Run"/> would, from normal equations assembled elsewhere (shard by shard with
    /// <see cref="AssembleShard"/> and merged in shard order, e.g. on a cluster): <paramref name="assembled"/> must cover
    /// the whole training set from structure 0 with <see cref="RunFolds"/> folds. <paramref name="training"/> is needed
    /// only by <see cref="ActiveSet"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The folds do not match <see cref="RunFolds"/>, the structures do not start at 0, or <paramref name="training"/> does not match.</exception>
    /// <exception cref="InvalidOperationException">The solve strategy needs the dense design, or <see cref="ActiveSet"/> was asked for without the training structures.</exception>
    public FitResult Solve(PartialNormalEquations assembled, IReadOnlyList<Structure>? training = null)
    {
        ArgumentNullException.ThrowIfNull(assembled);
        _strategy.RequireAssembly(AssemblyMode.NormalEquations, "Solve(PartialNormalEquations)");
        RequireWhole(assembled, _strategy.AssembledFolds, training, nameof(assembled));
        RequireFoldsFit(assembled.FoldCount, assembled.Structures.Count);
        return SolveAssembled(assembled, TimeSpan.Zero, training);
    }

    /// <summary>
    /// The folds <see cref="Run"/> assembles separately, i.e. what <see cref="AssembleShard"/> must be given for
    /// <see cref="Solve"/>: 1, or the folds of <see cref="RidgeByCrossValidation"/>.
    /// </summary>
    public int RunFolds => _strategy.AssembledFolds;

    /// <summary>
    /// Assembles in shards: each shard of <paramref name="plan"/> is streamed into its own normal equations and the
    /// shards are merged in order, exactly as a cluster fit with the same plan does, so both give the same bits (null:
    /// one shard, the default). The plan must cover the training set given to <see cref="Run"/> or <see cref="CrossValidate(IEnumerable{Structure}, int)"/>.
    /// </summary>
    public FitBuilder Shards(ShardPlan? plan)
    {
        _shards = plan;
        return this;
    }

    /// <summary>
    /// The normal equations of one shard: <paramref name="structures"/> are structures <paramref name="firstStructure"/>
    /// onwards of the training set (their indices name them in errors and pick their folds), split into
    /// <paramref name="folds"/> folds (structure s in fold s mod folds). The bits depend only on the structures and
    /// this builder's settings, not on the number of threads; merge shards in order with <see cref="PartialNormalEquations.Append"/>.
    /// </summary>
    /// <exception cref="ArgumentException">There are no structures (all weights zero is allowed: the shard then adds nothing).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="firstStructure"/> is negative or <paramref name="folds"/> below 1.</exception>
    /// <exception cref="TrainingDataException">A structure cannot be used; the message names it by its training-set index.</exception>
    public PartialNormalEquations AssembleShard(IReadOnlyList<Structure> structures, int firstStructure, int folds = 1)
    {
        ArgumentNullException.ThrowIfNull(structures);
        ArgumentOutOfRangeException.ThrowIfNegative(firstStructure);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 1);
        var assembler = Prepare(structures, firstStructure, isShard: true);
        return assembler.Partial(0, assembler.StructureCount, folds);
    }

    /// <summary>The normal equations of every shard (one shard without a plan), merged in shard order.</summary>
    private PartialNormalEquations AssembleLocally(DesignAssembler assembler, int folds)
    {
        if (_shards is null)
        {
            return assembler.Partial(0, assembler.StructureCount, folds);
        }
        _shards.RequireStructureCount(assembler.StructureCount);
        PartialNormalEquations? merged = null;
        foreach (var shard in _shards.Shards)
        {
            var part = assembler.Partial(shard.First, shard.Count, folds);
            if (merged is null)
            {
                merged = part;
            }
            else
            {
                merged.Append(part);
            }
        }
        return merged!;
    }

    private FitResult SolveAssembled(PartialNormalEquations assembled, TimeSpan assemblyTime, IReadOnlyList<Structure>? structures)
    {
        var clock = Stopwatch.StartNew();
        var parts = assembled.Folds;
        var normal = parts.Count == 1 ? parts[0] : CrossValidation.Sum(parts);
        var (solution, ridge) = _strategy.Solve(parts, normal);
        return Finish(solution, ridge, assembled.Structures.Count, assembled.RowCount, AssemblyMode.NormalEquations, assemblyTime,
            clock.Elapsed, structures, assembled.AtomCount);
    }

    private FitResult Finish(LeastSquaresSolution solution, RidgeSelection? ridge, int structureCount, long rowCount, AssemblyMode mode,
        TimeSpan assemblyTime, TimeSpan solveTime, IReadOnlyList<Structure>? structures, long atoms)
    {
        var potential = WithTrust(PotentialOf(solution), solution, structures);
        var fit = new FitResult(potential, solution, structureCount, rowCount, mode, assemblyTime, solveTime)
        {
            Ridge = ridge,
        };
        var provenance = FitProvenance.Of(fit, _strategy.Call, ProvenanceSettings(mode), atoms);
        return fit with { Potential = fit.Potential.WithProvenance(provenance) };
    }

    /// <summary>Throws unless <paramref name="assembled"/> covers a whole training set from structure 0 with <paramref name="folds"/> folds.</summary>
    private static void RequireWhole(PartialNormalEquations assembled, int folds, IReadOnlyList<Structure>? training, string argument)
    {
        if (assembled.FoldCount != folds)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"the normal equations hold {assembled.FoldCount} folds but this fit needs {folds} (assemble the shards with folds: {folds})"), argument);
        }
        if (assembled.Structures.First != 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"the normal equations hold {assembled.Structures}, not a whole training set from structure 0"), argument);
        }
        if (training is not null && training.Count != assembled.Structures.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"the normal equations hold {assembled.Structures.Count} structures but the training set has {training.Count}"), argument);
        }
    }

    /// <summary>Throws unless every one of <paramref name="folds"/> folds (when more than one) gets a structure.</summary>
    private static void RequireFoldsFit(int folds, int structures)
    {
        if (folds > 1)
        {
            CrossValidation.RequireEnoughStructures(folds, structures, "training");
        }
    }

    /// <summary>The start (this builder's linear fit), then variable projection over the radial parameters.</summary>
    private FitResult RunRadialFit(IReadOnlyList<Structure> structures, RadialFitSettings radial)
    {
        if (_basis.FittedRadialParameters is null)
        {
            throw new InvalidOperationException("FitRadials(...) needs a basis with fitted radial functions: build it with .FittedRadials(primitiveCount)");
        }
        if (_strategy is SolveStrategy.Explicit)
        {
            throw new InvalidOperationException($"{_strategy.Call} and FitRadials(...) conflict: the radial fit solves a ridge problem at every step; use the default solver, Ridge or RidgeByCrossValidation");
        }
        if (_committee is not null || _activeSet is not null || _mode == AssemblyMode.DenseDesign)
        {
            throw new InvalidOperationException("FitRadials(...) streams normal equations and returns a ridge solution: it does not combine with Committee, ActiveSet or the dense design");
        }
        var clock = Stopwatch.StartNew();
        var assembler = Prepare(structures);
        RequireFoldsFit(_strategy.AssembledFolds, structures.Count);
        var parts = AssembleLocally(assembler, _strategy.AssembledFolds).Folds;
        var normal = parts.Count == 1 ? parts[0] : CrossValidation.Sum(parts);
        var (solution, ridge) = _strategy.Solve(parts, normal);
        var (lambda, gamma) = _strategy switch
        {
            SolveStrategy.FixedRidge f => (f.Lambda, f.Prior.For(normal)),
            SolveStrategy.CrossValidatedRidge c => (ridge!.Lambda, c.Prior.For(normal)),
            SolveStrategy.Evidence e when solution is BayesianSolution blr => (Math.Sqrt(blr.NoiseVariance / blr.PriorVariance), e.Prior.For(normal)),
            _ => throw new InvalidOperationException($"FitRadials(...) cannot take the ridge strength from {_strategy.Call}"),
        };
        var assemblyTime = clock.Elapsed;
        var objective = new RadialFitObjective(_basis, assembler.Settings, assembler.Plans.ToArray(), lambda, gamma,
            new RadialSmoothness(_basis, radial.Smoothness));
        var (best, report) = RadialFit.Run(objective, radial, assembler.Settings, lambda,
            point => new LinearAcePotential(point.Basis, point.Coefficients, _referenceEnergies));
        var potential = new LinearAcePotential(best.Basis, best.Coefficients, _referenceEnergies);
        var fit = new FitResult(potential, best.Solution, assembler.StructureCount, assembler.RowCount, AssemblyMode.NormalEquations,
            assemblyTime, clock.Elapsed - assemblyTime)
        {
            Ridge = ridge,
            RadialFit = report,
        };
        var call = string.Create(CultureInfo.InvariantCulture,
            $"{_strategy.Call}, then FitRadials(maxIterations: {radial.MaxIterations}, patience: {radial.Patience}, smoothness: {radial.Smoothness:G6}) at lambda {lambda:G6}");
        var provenance = FitProvenance.Of(fit, call, ProvenanceSettings(AssemblyMode.NormalEquations), structures.Sum(s => (long)s.AtomCount));
        return fit with { Potential = fit.Potential.WithProvenance(provenance) };
    }

    /// <summary>The settings recorded in <see cref="FitProvenance.Settings"/>.</summary>
    private Dictionary<string, string> ProvenanceSettings(AssemblyMode mode)
    {
        static string Text(FitWeights w) => string.Create(CultureInfo.InvariantCulture, $"energy {w.Energy:G17}, forces {w.Forces:G17}, virial {w.Virial:G17}");
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["weights"] = Text(_defaultWeights),
            ["scaling"] = _scaling == EnergyScaling.PerAtom ? "energy per atom" : "energy per sqrt(atoms)",
            ["assembly"] = mode == AssemblyMode.NormalEquations ? "normal equations" : "dense design",
            ["weightKeys"] = $"{_overrideKeys.Energy}, {_overrideKeys.Forces}, {_overrideKeys.Virial}",
        };
        foreach (var (configType, weights) in _configTypeWeights)
        {
            settings[$"weights[{configType}]"] = Text(weights);
        }
        if (_pacemakerLoss.On)
        {
            settings["loss"] = _pacemakerLoss.Kappa is { } kappa
                ? string.Create(CultureInfo.InvariantCulture, $"pacemaker, kappa {kappa:G17}")
                : "pacemaker, kappa auto (Var(E/N) / (Var(E/N) + Var(|F|)) of the training set)";
        }
        return settings;
    }

    /// <summary>
    /// K-fold cross-validation over structures with this builder's settings: structure s (its index in
    /// <paramref name="training"/>) belongs to fold s mod <paramref name="folds"/>. Each fold's rows are streamed once
    /// into their own normal equations; for each fold the model is solved, as <see cref="Run"/> would solve it, from
    /// the sum of the other folds (a column-scaled prior takes its norms from those folds; a cross-validated ridge runs
    /// its inner cross-validation over those folds), and predicts the held-out structures. The assembly mode is not
    /// used: the solve strategy must accept normal equations.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="folds"/> is less than 2 (3 with <see cref="RidgeByCrossValidation"/>) or more than the structures.</exception>
    /// <exception cref="ArgumentException">The training set is empty, or all weights are zero.</exception>
    /// <exception cref="TrainingDataException">A structure cannot be used; the message names it.</exception>
    /// <exception cref="InvalidOperationException">The explicit solver needs the dense design matrix.</exception>
    public CrossValidationResult CrossValidate(IEnumerable<Structure> training, int folds = 5)
    {
        CrossValidation.RequireFolds(folds, nameof(folds));
        if (folds < _strategy.MinimumOuterFolds)
        {
            throw new ArgumentOutOfRangeException(nameof(folds), folds, string.Create(CultureInfo.InvariantCulture,
                $"cross-validating a fit with {_strategy.Call} needs at least {_strategy.MinimumOuterFolds} folds (its inner cross-validation uses the other folds)"));
        }
        _strategy.RequireAssembly(AssemblyMode.NormalEquations, string.Create(CultureInfo.InvariantCulture, $"CrossValidate(folds: {folds})"));
        var structures = training as IReadOnlyList<Structure> ?? training.ToList();
        var assembler = Prepare(structures);
        CrossValidation.RequireEnoughStructures(folds, assembler.StructureCount, nameof(folds));
        var parts = AssembleLocally(assembler, folds);
        return CrossValidation.Run(structures, parts.Folds, _strategy, PotentialOf);
    }

    /// <summary>
    /// <see cref="CrossValidate(IEnumerable{Structure}, int)"/> from fold normal equations assembled elsewhere (shard by
    /// shard with <see cref="AssembleShard"/>, <c>folds:</c> the number of folds, merged in shard order):
    /// <paramref name="folds"/> must cover <paramref name="training"/> from structure 0, whose held-out structures the
    /// fold models predict.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">There are too few folds for the solve strategy, or more folds than structures.</exception>
    /// <exception cref="ArgumentException">The normal equations do not cover <paramref name="training"/> from structure 0.</exception>
    /// <exception cref="InvalidOperationException">The explicit solver needs the dense design matrix.</exception>
    public CrossValidationResult CrossValidate(PartialNormalEquations folds, IReadOnlyList<Structure> training)
    {
        ArgumentNullException.ThrowIfNull(folds);
        ArgumentNullException.ThrowIfNull(training);
        int k = folds.FoldCount;
        CrossValidation.RequireFolds(k, nameof(folds));
        if (k < _strategy.MinimumOuterFolds)
        {
            throw new ArgumentOutOfRangeException(nameof(folds), k, string.Create(CultureInfo.InvariantCulture,
                $"cross-validating a fit with {_strategy.Call} needs at least {_strategy.MinimumOuterFolds} folds (its inner cross-validation uses the other folds)"));
        }
        _strategy.RequireAssembly(AssemblyMode.NormalEquations, string.Create(CultureInfo.InvariantCulture, $"CrossValidate(folds: {k})"));
        RequireWhole(folds, k, training, nameof(folds));
        CrossValidation.RequireEnoughStructures(k, training.Count, nameof(folds));
        return CrossValidation.Run(training, folds.Folds, _strategy, PotentialOf);
    }

    /// <summary>
    /// The weighted loss sum over rows of w^2 (prediction - target)^2 of the training structures for the given
    /// coefficients (rows, weights and scaling as <see cref="Run"/> assembles them; no prior), with its gradients in the
    /// coefficients and in the fitted radial parameters (<see cref="AceBasis.FittedRadialParameters"/>; empty for fixed
    /// radials), by the adjoint path of <see cref="SiteEnergyModel.AccumulateParameterGradient"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The coefficients do not fit the basis, or a structure cannot be used.</exception>
    public FitLoss Loss(IEnumerable<Structure> training, ReadOnlySpan<double> coefficients)
    {
        if (coefficients.Length != _basis.FunctionCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{coefficients.Length} coefficients given; the basis has {_basis.FunctionCount} functions"), nameof(coefficients));
        }
        var assembler = Prepare(training);
        var objective = new RadialFitObjective(_basis, assembler.Settings, assembler.Plans.ToArray(), 0, null, new RadialSmoothness(_basis, 0));
        var (loss, coefficientGradient, radialGradient) = objective.DataLossWithGradient(_basis, coefficients.ToArray());
        return new FitLoss(loss, coefficientGradient, radialGradient);
    }

    /// <summary>The dense weighted problem (rows per structure as described on the class), for inspection or other solvers.</summary>
    public LeastSquaresProblem AssembleDesign(IEnumerable<Structure> training) => Prepare(training).Dense();

    /// <summary>The normal equations of the weighted problem, assembled without storing the rows.</summary>
    public NormalEquations AssembleNormalEquations(IEnumerable<Structure> training)
    {
        var assembler = Prepare(training);
        return AssembleLocally(assembler, 1).Folds[0];
    }

    /// <summary>Takes <paramref name="strategy"/> after checking it against the assembly mode.</summary>
    private FitBuilder Choose(SolveStrategy strategy)
    {
        strategy.RequireAssembly(_mode, AssemblyCall(_mode));
        _strategy = strategy;
        return this;
    }

    private static string AssemblyCall(AssemblyMode mode) => $"Assembly(AssemblyMode.{mode})";

    /// <summary>The potential with the committee and active set asked for by <see cref="Committee"/> and <see cref="ActiveSet"/>.</summary>
    private LinearAcePotential WithTrust(LinearAcePotential potential, LeastSquaresSolution solution, IReadOnlyList<Structure>? structures)
    {
        if (_committee is { } committee)
        {
            if (solution is not BayesianSolution posterior)
            {
                throw new InvalidOperationException($"Committee(...) needs a Bayesian solve, but {_strategy.Call} gave a {solution.Solver} solution without a posterior");
            }
            potential = potential.WithCommittee(PotentialCommittee.FromPosterior(posterior, committee.Size, committee.Seed));
        }
        if (_activeSet is { } configure)
        {
            if (structures is null)
            {
                throw new InvalidOperationException("ActiveSet(...) needs the training structures: pass them to Solve(assembled, training)");
            }
            var builder = configure(new ActiveSetBuilder(_basis).MaxDegreeOfParallelism(_parallelism));
            potential = potential.WithActiveSet(builder.Build(structures));
        }
        return potential;
    }

    private LinearAcePotential PotentialOf(LeastSquaresSolution solution) => new(_basis, solution.Coefficients, _referenceEnergies);

    private DesignAssembler Prepare(IEnumerable<Structure> training, int firstStructure = 0, bool isShard = false)
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
            new Dictionary<string, FitWeights>(_configTypeWeights, StringComparer.Ordinal), _overrideKeys, _scaling, _parallelism, _progress)
        {
            MinimumSeparation = _minimumSeparation,
            BatchRows = _batchRows,
        };
        if (_pacemakerLoss.On)
        {
            if (isShard)
            {
                throw new InvalidOperationException("PacemakerLoss normalises the weights over the whole training set, which one shard does not see; assemble without shards");
            }
            settings = Fitting.PacemakerLoss.Normalise(settings, structures, geometry, _pacemakerLoss.Kappa);
        }
        var plans = StructurePlan.Create(structures, settings, geometry, firstStructure, isShard);
        return new DesignAssembler(geometry, settings, plans);
    }
}
