using System.Globalization;
using System.Text.RegularExpressions;
using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Fitting;
using Ace.Core.Studies;
using Ace.Core;

namespace Ace.Cli.Tests;

/// <summary>`ace fit` with the smoothness prior, the cross-validated ridge and k-fold cross-validation.</summary>
public class FitCommandSolverTests : TemporaryFolderTest
{
    private const string Basis = """
        elements: [Si]
        cutoff: 5.0
        radial: {r0: 2.3}
        degrees: [12, 8]
        data: {train: train.xyz}
        weights: {energy: 30, forces: 1}
        output: si.json

        """;

    private List<Structure> _train = [];

    [SetUp]
    public void CreateData()
    {
        var data = SiliconStudyData.Generate("Si23", new SiliconStudyDataOptions(Dimers: 20, Trimers: 20));
        ExtendedXyz.Write(Path.Combine(Folder, "train.xyz"), data.Train);
        _train = [.. ExtendedXyz.ReadAll(Path.Combine(Folder, "train.xyz"))];
    }

    /// <summary>The same basis and weights as <see cref="Basis"/>, from the library.</summary>
    private static FitBuilder LibraryFit() =>
        LinearAce.Fit(LinearAce.Basis("Si").Cutoff(5.0).Radial(2.3, 2, 4, 2, 2).TotalDegree(12, 8).Build()).Weights(30, 1);

    private (int Code, string Output) Fit(string extra)
    {
        var path = Path.Combine(Folder, "fit.yaml");
        File.WriteAllText(path, Basis + extra);
        return CliRunner.Run("fit", path);
    }

    [Test]
    public void RidgeByCrossValidationWithThePriorPrintsTheChosenLambdaOfTheLibrary()
    {
        var (code, output) = Fit("""
            solver: {type: ridge-cv, folds: 4}
            prior: {type: smoothness, p: 3, angular_weight: 2, scale_by_column_norms: true}
            """);
        Assert.That(code, Is.Zero, output);
        var expected = LibraryFit().SmoothnessPrior(3, 2, scaleByColumnNorms: true).RidgeByCrossValidation(4).Run(_train);
        // The selection matches the library's with the same settings (G4 and G6 in the text; the parallel assembly sums in any order, so
        // compare numbers, not the text: the losses of the tiniest lambdas are ill-conditioned).
        var m = Regex.Match(output, @"ridge by 4-fold cross-validation: lambda (\S+) \(scale lambda0 (\S+)\), CV loss (\S+)\n");
        Assert.That(m.Success, output);
        double Number(int group) => double.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);
        var ridge = expected.Ridge!;
        Assert.That(Number(1), Is.EqualTo(ridge.Lambda).Within(0.1).Percent);
        Assert.That(Number(2), Is.EqualTo(ridge.Scale).Within(0.1).Percent);
        Assert.That(Number(3), Is.EqualTo(ridge.Loss).Within(0.01).Percent);
        var curve = output[m.Index..].Split('\n').Skip(2).TakeWhile(l => l.Trim().Length > 0).ToList();
        Assert.That(curve, Has.Count.EqualTo(ridge.Candidates.Count));
        Assert.That(curve.Count(l => l.StartsWith('*')), Is.EqualTo(1));
        Assert.That(File.Exists(Path.Combine(Folder, "si.json")));
        // Without the prior the choice differs: the prior of the config really reaches the builder.
        var other = LibraryFit().RidgeByCrossValidation(4).Run(_train).Ridge!;
        Assert.That(other.Scale, Is.Not.EqualTo(ridge.Scale).Within(1).Percent);
    }

    [Test]
    public void CrossValidatePrintsTheOutOfFoldTableOverTheTrainingSet()
    {
        var (code, output) = Fit("""
            solver: blr
            prior: {type: smoothness, scale_by_column_norms: true}
            cross_validate: 4
            errors_csv: errors.csv
            """);
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("4-fold cross-validation (structure s in fold s mod 4)").And.Contain("fold 3:"));
        int table = output.IndexOf("out-of-fold errors (4-fold cross-validation)", StringComparison.Ordinal);
        Assert.That(table, Is.GreaterThan(output.IndexOf("training errors", StringComparison.Ordinal)));
        var overall = output[table..].Split('\n').First(l => l.Contains(" overall ", StringComparison.Ordinal))
            .Split('│', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.That(int.Parse(overall[1], CultureInfo.InvariantCulture), Is.EqualTo(_train.Count));
        var expected = LibraryFit().SmoothnessPrior(scaleByColumnNorms: true).CrossValidate(_train, 4).Errors.Overall;
        // The out-of-fold RMSEs are the library's (printed with two decimals; the assembly sums in any order).
        Assert.That(double.Parse(overall[3], CultureInfo.InvariantCulture), Is.EqualTo(expected.EnergyRmse).Within(0.1).Percent);
        Assert.That(double.Parse(overall[5], CultureInfo.InvariantCulture), Is.EqualTo(expected.ForceRmse).Within(0.1).Percent);

        // errors_csv: the training and out-of-fold tables in one CSV, a `set` column first, full precision.
        var csv = File.ReadAllLines(Path.Combine(Folder, "errors.csv")).Select(l => l.Split(',')).ToList();
        Assert.That(csv[0][..3], Is.EqualTo(new[] { "set", "group", "structures" }));
        var outOfFold = csv.Single(r => r[0] == "out-of-fold" && r[1] == "overall");
        Assert.That(int.Parse(outOfFold[2], CultureInfo.InvariantCulture), Is.EqualTo(_train.Count));
        Assert.That(double.Parse(outOfFold[4], CultureInfo.InvariantCulture), Is.EqualTo(expected.EnergyRmse).Within(1e-4).Percent, "energy RMSE, full precision up to the assembly's rounding");
        Assert.That(csv.Count(r => r[0] == "training" && r[1] == "overall"), Is.EqualTo(1));
        Assert.That(csv.Select(r => r[0]).Distinct(), Is.EqualTo(new[] { "set", "training", "out-of-fold" }), "no validation set in this config");
    }

    [TestCase("", null)]
    [TestCase("purify: pure2b\n", PurificationKind.Pure2b)]
    [TestCase("purify: true\n", PurificationKind.Full)]
    public void FitRadialsFitsTheRadialsFromTheLinearStartAndSavesThem(string purify, PurificationKind? kind)
    {
        var (code, output) = Fit(purify + "fit_radials: {primitives: 12, max_iterations: 2, patience: 5}");
        Assert.That(code, Is.EqualTo(0), output);
        var match = Regex.Match(output, @"radial fit: (\d+) iterations, (\d+) evaluations, loss (\S+) -> (\S+), kept step (\d+)");
        Assert.That(match.Success, Is.True, output);
        Assert.That(double.Parse(match.Groups[4].Value, CultureInfo.InvariantCulture), Is.LessThan(double.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture)));
        var potential = LinearAce.Load(Path.Combine(Folder, "si.json"));
        Assert.That(potential.Basis.FittedRadialParameters, Is.Not.Null);
        Assert.That(potential.Basis.Purification?.Kind, Is.EqualTo(kind));
        Assert.That(potential.Basis.FunctionCount, Is.EqualTo(LibraryFit().Run(_train).FunctionCount), "the same functions as the fixed basis");
    }

    [Test]
    public void PacemakersLossReachesTheLibraryAndIsRecorded()
    {
        var (code, output) = Fit("solver: {type: normal, regularisation: 1e-6}\nloss: {kappa: auto}");
        Assert.That(code, Is.Zero, output);
        var saved = LinearAce.Load(Path.Combine(Folder, "si.json"));
        Assert.That(saved.Provenance!.Settings["loss"], Does.Contain("kappa auto"));
        var expected = LibraryFit().Solver(Ace.Core.Solvers.LeastSquares.NormalEquations(tikhonov: 1e-6)).PacemakerLoss().Run(_train).Potential;
        Assert.That(saved.Coefficients.ToArray(), Is.EqualTo(expected.Coefficients.ToArray()).Within(1e-8));
        var plain = LibraryFit().Solver(Ace.Core.Solvers.LeastSquares.NormalEquations(tikhonov: 1e-6)).Run(_train).Potential;
        Assert.That(plain.Coefficients.ToArray().Zip(expected.Coefficients.ToArray(), (a, b) => Math.Abs(a - b)).Max(), Is.GreaterThan(1e-6), "the loss changes the fit");
    }

    [TestCase("solver: qr\nprior: smoothness", "prior", "the solver 'qr' cannot use a prior")]
    [TestCase("prior: {type: smoothness, p: 0}", "prior.p", "the exponent must be at least 1, got 0")]
    [TestCase("prior: {type: smoothness, angular_weight: 0}", "prior.angular_weight", "must be positive")]
    [TestCase("cross_validate: 1", "cross_validate", "needs at least 2 folds, got 1")]
    [TestCase("solver: {type: ridge-cv, folds: 1}", "solver.folds", "ridge-cv needs at least 2 folds, got 1")]
    [TestCase("fit_radials: {max_iterations: 3}", "fit_radials.primitives", "this key is required")]
    [TestCase("fit_radials: {primitives: 0}", "fit_radials.primitives", "the number of primitive radial functions must be at least 1, got 0")]
    [TestCase("solver: qr\nfit_radials: {primitives: 12}", "fit_radials", "fit_radials starts from a blr or ridge-cv fit, not from the solver 'qr'")]
    [TestCase("cross_validate: 3\nfit_radials: {primitives: 12}", "fit_radials", "cross_validate refits the linear model per fold")]
    [TestCase("purify: pure3b", "purify", "expected true, false, full or pure2b, got 'pure3b'")]
    public void BadSettingsExitWithOneNamingTheLineAndKey(string extra, string key, string message)
    {
        var (code, output) = Fit(extra);
        int line = Basis.Split('\n').Length + extra.Split('\n').Length - 1;
        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain($"fit.yaml:{line}: {key}: {message}"));
    }
}
