using System.Globalization;
using Ace.Core.Solvers;

namespace Ace.Core.Fitting;

/// <summary>
/// How a fit solves its weighted system, as one immutable value: Bayesian evidence maximisation with a prior (the
/// default, identity prior), ridge with a fixed strength and a prior, ridge with its strength chosen by cross-validation
/// and a prior, or an explicit <see cref="ILeastSquaresSolver"/>. <see cref="FitBuilder.Run"/>,
/// <see cref="FitBuilder.CrossValidate(IEnumerable{Ace.Core.Atoms.Structure}, int)"/> and the ridge selection call it directly. The builder changes it only through
/// the <c>With*</c> compositions, which refuse a combination in which one call would undo another.
/// </summary>
internal abstract record SolveStrategy
{
    private SolveStrategy()
    {
    }

    /// <summary>The default: Bayesian linear regression with evidence maximisation and no prior.</summary>
    public static SolveStrategy Default { get; } = new Evidence(FitPrior.Identity);

    /// <summary>The builder call that chose this strategy, for messages.</summary>
    public abstract string Call { get; }

    /// <summary>True when the strategy can solve from normal equations.</summary>
    public abstract bool AcceptsNormalEquations { get; }

    /// <summary>True when the strategy can solve from the dense design matrix.</summary>
    public virtual bool AcceptsDenseDesign => true;

    /// <summary>The assembly <see cref="AssemblyMode.Auto"/> means: normal equations when they suffice.</summary>
    public AssemblyMode PreferredAssembly => AcceptsNormalEquations ? AssemblyMode.NormalEquations : AssemblyMode.DenseDesign;

    /// <summary>The least number of folds <see cref="FitBuilder.CrossValidate(IEnumerable{Ace.Core.Atoms.Structure}, int)"/> needs with this strategy.</summary>
    public virtual int MinimumOuterFolds => 2;

    /// <summary>The folds whose normal equations <see cref="FitBuilder.Run"/> solves from: 1 (the cross-validated ridge: its folds).</summary>
    public virtual int AssembledFolds => 1;

    /// <summary>Solves the normal equations <paramref name="total"/>, the sum of <paramref name="folds"/> (only the cross-validated ridge uses the folds).</summary>
    public abstract (LeastSquaresSolution Solution, RidgeSelection? Ridge) Solve(IReadOnlyList<NormalEquations> folds, NormalEquations total);

    /// <summary>Solves the dense weighted problem.</summary>
    public abstract LeastSquaresSolution Solve(LeastSquaresProblem problem);

    /// <summary>This strategy with the prior of <paramref name="prior"/> (from <c>SmoothnessPrior</c>).</summary>
    /// <exception cref="InvalidOperationException">The strategy takes no prior (an explicit solver).</exception>
    public virtual SolveStrategy WithPrior(FitPrior prior) => throw Conflict(Call, prior.Call,
        "an explicit solver takes no prior from the fit; give the prior to the solver " +
        "(e.g. LeastSquares.BayesianLinearRegression(prior: SmoothnessPriors.Create(basis))) or leave out Solver(...)");

    /// <summary>Ridge with the fixed strength <paramref name="lambda"/> and this strategy's prior.</summary>
    /// <exception cref="InvalidOperationException">The strategy already fixes the solver or chooses lambda by cross-validation.</exception>
    public virtual SolveStrategy WithRidge(double lambda) => throw Conflict(Call, FixedRidge.CallOf(lambda),
        "each chooses how the system is solved; keep one");

    /// <summary>Ridge with its strength chosen by <paramref name="folds"/>-fold cross-validation and this strategy's prior.</summary>
    /// <exception cref="InvalidOperationException">The strategy already fixes the solver or the ridge strength.</exception>
    public virtual SolveStrategy WithRidgeByCrossValidation(int folds) => throw Conflict(Call, CrossValidatedRidge.CallOf(folds),
        "each chooses how the system is solved; keep one");

    /// <summary>The explicit <paramref name="solver"/>.</summary>
    /// <exception cref="InvalidOperationException">A prior or a ridge was chosen, which the solver would silently drop.</exception>
    public virtual SolveStrategy WithSolver(ILeastSquaresSolver solver) => throw Conflict(Call, Explicit.CallOf(solver),
        "an explicit solver replaces how the system is solved and takes no prior from the fit; give the solver its own " +
        "prior or regularisation, or leave out one of the calls");

    /// <summary>Throws when the strategy cannot solve from the assembly <paramref name="mode"/> that <paramref name="modeCall"/> chose.</summary>
    /// <exception cref="InvalidOperationException">The strategy and the mode conflict.</exception>
    public void RequireAssembly(AssemblyMode mode, string modeCall)
    {
        if (mode == AssemblyMode.NormalEquations && !AcceptsNormalEquations)
        {
            throw Conflict(Call, modeCall, "the solver needs the design matrix, which normal equations do not keep");
        }
        if (mode == AssemblyMode.DenseDesign && !AcceptsDenseDesign)
        {
            throw Conflict(Call, modeCall, "the cross-validated ridge solves from normal equations per fold, not from the design matrix");
        }
    }

    /// <summary>The error for two builder calls that cannot both hold, naming both and why.</summary>
    private static InvalidOperationException Conflict(string oneCall, string otherCall, string why) =>
        new($"{oneCall} and {otherCall} conflict: {why}");

    /// <summary>A strategy that solves with a prior Gamma from <see cref="FitPrior"/>.</summary>
    public abstract record PriorBased : SolveStrategy
    {
        private protected PriorBased(FitPrior prior)
        {
            Prior = prior;
        }

        /// <summary>How Gamma is obtained from the data.</summary>
        public FitPrior Prior { get; init; }

        /// <inheritdoc/>
        public override bool AcceptsNormalEquations => true;

        /// <inheritdoc/>
        public override SolveStrategy WithPrior(FitPrior prior) => this with { Prior = prior };
    }

    /// <summary>Bayesian linear regression: the prior and noise variances by evidence maximisation.</summary>
    public sealed record Evidence : PriorBased
    {
        /// <summary>Evidence maximisation with the prior <paramref name="prior"/>.</summary>
        public Evidence(FitPrior prior)
            : base(prior)
        {
        }

        /// <inheritdoc/>
        public override string Call => Prior == FitPrior.Identity ? "the default solver (Bayesian linear regression)" : Prior.Call;

        /// <inheritdoc/>
        public override (LeastSquaresSolution Solution, RidgeSelection? Ridge) Solve(IReadOnlyList<NormalEquations> folds, NormalEquations total) =>
            (LeastSquares.BayesianLinearRegression(prior: Prior.For(total)).Solve(total), null);

        /// <inheritdoc/>
        public override LeastSquaresSolution Solve(LeastSquaresProblem problem) =>
            LeastSquares.BayesianLinearRegression(prior: Prior.For(problem)).Solve(problem);

        /// <inheritdoc/>
        public override SolveStrategy WithRidge(double lambda) => new FixedRidge(Prior, lambda);

        /// <inheritdoc/>
        public override SolveStrategy WithRidgeByCrossValidation(int folds) => new CrossValidatedRidge(Prior, folds);

        /// <inheritdoc/>
        public override SolveStrategy WithSolver(ILeastSquaresSolver solver) =>
            Prior == FitPrior.Identity ? new Explicit(solver) : base.WithSolver(solver);
    }

    /// <summary>Ridge <c>(G + lambda^2 Gamma^2) c = b</c> with a fixed lambda (normal equations; QR of the dense design).</summary>
    public sealed record FixedRidge : PriorBased
    {
        /// <summary>Ridge with the prior <paramref name="prior"/> and the strength <paramref name="lambda"/>.</summary>
        public FixedRidge(FitPrior prior, double lambda)
            : base(prior)
        {
            Lambda = lambda;
        }

        /// <summary>The Tikhonov factor lambda.</summary>
        public double Lambda { get; init; }

        /// <summary>The builder call of a fixed ridge.</summary>
        public static string CallOf(double lambda) => string.Create(CultureInfo.InvariantCulture, $"Ridge(lambda: {lambda:G6})");

        /// <inheritdoc/>
        public override string Call => CallOf(Lambda);

        /// <inheritdoc/>
        public override (LeastSquaresSolution Solution, RidgeSelection? Ridge) Solve(IReadOnlyList<NormalEquations> folds, NormalEquations total) =>
            (LeastSquares.NormalEquations(Lambda, Prior.For(total)).Solve(total), null);

        /// <inheritdoc/>
        public override LeastSquaresSolution Solve(LeastSquaresProblem problem) => LeastSquares.Qr(Lambda, Prior.For(problem)).Solve(problem);

        /// <inheritdoc/>
        public override SolveStrategy WithRidge(double lambda) => this with { Lambda = lambda };
    }

    /// <summary>Ridge with lambda chosen by K-fold cross-validation over the structures (<see cref="RidgeCrossValidation"/>).</summary>
    public sealed record CrossValidatedRidge : PriorBased
    {
        /// <summary>Ridge with the prior <paramref name="prior"/> and lambda chosen over <paramref name="folds"/> folds.</summary>
        public CrossValidatedRidge(FitPrior prior, int folds)
            : base(prior)
        {
            Folds = folds;
        }

        /// <summary>The number of folds of the ridge's cross-validation.</summary>
        public int Folds { get; init; }

        /// <summary>The builder call of a cross-validated ridge.</summary>
        public static string CallOf(int folds) => string.Create(CultureInfo.InvariantCulture, $"RidgeByCrossValidation(folds: {folds})");

        /// <inheritdoc/>
        public override string Call => CallOf(Folds);

        /// <inheritdoc/>
        public override bool AcceptsDenseDesign => false;

        /// <summary>Its inner cross-validation needs at least two training folds per outer fold.</summary>
        public override int MinimumOuterFolds => 3;

        /// <inheritdoc/>
        public override int AssembledFolds => Folds;

        /// <inheritdoc/>
        public override (LeastSquaresSolution Solution, RidgeSelection? Ridge) Solve(IReadOnlyList<NormalEquations> folds, NormalEquations total)
        {
            var gamma = Prior.For(total);
            var selection = RidgeCrossValidation.Select(folds, total, gamma, Prior);
            var ridge = LeastSquares.NormalEquations(selection.Lambda, gamma).Solve(total);
            var solver = string.Create(CultureInfo.InvariantCulture, $"ridge by {selection.Folds}-fold cross-validation, {ridge.Solver}");
            return (new LeastSquaresSolution(solver, ridge.ToArray(), ridge.ResidualNorm, ridge.EffectiveRank), selection);
        }

        /// <inheritdoc/>
        public override LeastSquaresSolution Solve(LeastSquaresProblem problem) =>
            throw new InvalidOperationException($"{Call} solves from normal equations per fold, not from the design matrix");

        /// <inheritdoc/>
        public override SolveStrategy WithRidgeByCrossValidation(int folds) => this with { Folds = folds };
    }

    /// <summary>An explicit solver with its own settings (and prior, if any).</summary>
    public sealed record Explicit(ILeastSquaresSolver Solver) : SolveStrategy
    {
        /// <summary>The builder call of an explicit solver.</summary>
        public static string CallOf(ILeastSquaresSolver solver) => $"Solver({solver.Name})";

        /// <inheritdoc/>
        public override string Call => CallOf(Solver);

        /// <inheritdoc/>
        public override bool AcceptsNormalEquations => Solver.AcceptsNormalEquations;

        /// <inheritdoc/>
        public override (LeastSquaresSolution Solution, RidgeSelection? Ridge) Solve(IReadOnlyList<NormalEquations> folds, NormalEquations total) =>
            (Solver.Solve(total), null);

        /// <inheritdoc/>
        public override LeastSquaresSolution Solve(LeastSquaresProblem problem) => Solver.Solve(problem);

        /// <inheritdoc/>
        public override SolveStrategy WithSolver(ILeastSquaresSolver solver) => new Explicit(solver);
    }
}
