using Ace.Core.Solvers.Backends;

namespace Ace.Core.Solvers.Tests;

public sealed class InputValidationTests
{
    [Test]
    public void A_non_finite_design_entry_is_rejected_with_its_row_and_column()
    {
        var design = new double[12];
        design[1 + 2 * 4] = double.NaN;
        var ex = Assert.Throws<ArgumentException>(() => new LeastSquaresProblem(4, 3, design, new double[4]));
        Assert.That(ex!.ParamName, Is.EqualTo("design"));
        Assert.That(ex.Message, Does.Contain("row 1, column 2"));
    }

    [Test]
    public void Non_finite_targets_negative_weights_and_wrong_lengths_are_rejected()
    {
        var design = new double[12];
        Assert.That(Assert.Throws<ArgumentException>(() => new LeastSquaresProblem(4, 3, design, [0, double.PositiveInfinity, 0, 0]))!.ParamName, Is.EqualTo("targets"));
        Assert.That(Assert.Throws<ArgumentException>(() => new LeastSquaresProblem(4, 3, design, new double[4], [1, 1, -1, 1]))!.ParamName, Is.EqualTo("weights"));
        Assert.That(Assert.Throws<ArgumentException>(() => new LeastSquaresProblem(4, 3, new double[11], new double[4]))!.ParamName, Is.EqualTo("design"));
        Assert.That(Assert.Throws<ArgumentException>(() => new LeastSquaresProblem(4, 3, design, new double[5]))!.ParamName, Is.EqualTo("targets"));
    }

    [Test]
    public void Normal_equations_reject_non_finite_rows_and_mismatched_merges()
    {
        var normal = new NormalEquations(2);
        var ex = Assert.Throws<ArgumentException>(() => normal.Add(2, [1, 2, 3, double.NaN], [1, 1], backend: ManagedBackend.Instance));
        Assert.That(ex!.Message, Does.Contain("row 1, column 1"));
        Assert.That(normal.RowCount, Is.Zero);
        Assert.Throws<ArgumentException>(() => normal.Merge(new NormalEquations(3)));
    }

    [Test]
    public void Priors_and_solver_settings_are_checked()
    {
        Assert.Throws<ArgumentException>(() => Prior.FromDiagonal([1, 0]));
        Assert.Throws<ArgumentException>(() => Prior.Smoothness([1, -1]));
        Assert.That(Prior.Smoothness([0, 3]).Diagonal.ToArray(), Is.EqualTo(new[] { 1.0, 4.0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => LeastSquares.Qr(tikhonov: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LeastSquares.Lsqr(tolerance: double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => LeastSquares.BayesianLinearRegression(noiseVarianceFloor: 0));

        var problem = new LeastSquaresProblem(3, 2, [1, 2, 3, 4, 5, 7], [1, 2, 3]);
        var ex = Assert.Throws<ArgumentException>(() => LeastSquares.Qr(1, Prior.FromDiagonal([1, 2, 3]), ManagedBackend.Instance).Solve(problem));
        Assert.That(ex!.Message, Does.Contain("3 coefficients"));
    }
}
