using Ace.Cli;
using Ace.Cli.Config;

namespace Ace.Cli.Tests;

public class FitConfigReaderTests
{
    private const string Valid = """
        elements: [Si]
        cutoff: 5.0
        radial: {r0: 2.2}
        degrees: [10, 8]
        data:
          train: train.xyz
          validation: val.xyz
        reference_energies: {Si: -158.5}
        weights: {energy: 30, forces: 1}
        config_type_weights:
          Si2: {energy: 100}
        solver: {type: qr, regularisation: 1e-6}
        output: out.json
        """;

    [Test]
    public void ReadsAValidConfigWithPathsRelativeToTheFile()
    {
        var c = FitConfigReader.Parse(Valid, "/tmp/cfg/fit.yaml");
        Assert.That(c.Elements, Is.EqualTo(new[] { "Si" }));
        Assert.That(c.Cutoff, Is.EqualTo(5.0));
        Assert.That(c.R0, Is.EqualTo(2.2));
        Assert.That(c.Degrees, Is.EqualTo(new[] { 10, 8 }));
        Assert.That(c.TrainPath, Is.EqualTo("/tmp/cfg/train.xyz"));
        Assert.That(c.ValidationPath, Is.EqualTo("/tmp/cfg/val.xyz"));
        Assert.That(c.ReferenceEnergies["Si"], Is.EqualTo(-158.5));
        Assert.That(c.Weights, Is.EqualTo((30.0, 1.0, 0.0)));
        Assert.That(c.ConfigTypeWeights["Si2"], Is.EqualTo((100.0, 1.0, 0.0)));
        Assert.That(c.Solver, Is.EqualTo("qr"));
        Assert.That(c.Regularisation, Is.EqualTo(1e-6));
        Assert.That(c.OutputPath, Is.EqualTo("/tmp/cfg/out.json"));
    }

    [TestCase("cutof: 5.0", 2, "unknown key 'cutof'")]
    [TestCase("cutoff: five", 2, "cutoff: expected a number, got 'five'")]
    [TestCase("cutoff: -1", 2, "cutoff: must be positive")]
    [TestCase("radial: {r0: 2.2, s: 3}", 3, "unknown key 'radial.s'")]
    [TestCase("solver: magic", 12, "unknown solver 'magic'")]
    [TestCase("degrees: [10, x]", 4, "expected positive integers, got 'x'")]
    public void BadKeysAreReportedWithTheirLine(string replacement, int line, string message)
    {
        var key = replacement[..replacement.IndexOf(':', StringComparison.Ordinal)].TrimEnd('f');
        var lines = Valid.Split('\n').ToList();
        int index = lines.FindIndex(l => l.StartsWith(key, StringComparison.Ordinal));
        lines[index] = replacement;
        var e = Assert.Throws<ConfigException>(() => FitConfigReader.Parse(string.Join('\n', lines), "fit.yaml"));
        Assert.That(e!.Message, Does.StartWith($"fit.yaml:{line}:"));
        Assert.That(e.Message, Does.Contain(message));
    }

    [Test]
    public void MissingRequiredKeysAndBadYamlAreReported()
    {
        var e = Assert.Throws<ConfigException>(() => FitConfigReader.Parse("elements: [Si]\ncutoff: 5\ndata: {train: a.xyz}\n", "f.yaml"));
        Assert.That(e!.Message, Does.Contain("degrees: this key is required"));
        e = Assert.Throws<ConfigException>(() => FitConfigReader.Parse("elements: [Si\ncutoff: 5\n", "f.yaml"));
        Assert.That(e!.Message, Does.Contain("not valid YAML"));
        // Fuzz finding (2026-12-02, config long run): YamlDotNet's node loader threw ArgumentException on this text.
        var fuzzed = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(
            "ZWxlbWVudHM6IFtTaSwgQ10KY3V0b2ZmOiA1CnJhZGlhbDoge3IwOiAyLjMsIHA6IDJ9CmRlZ3JlZXM6IFs4LCA2XQpkYXRhOiB7dHJhaW46IHQueHl6LCB2YWxpZGF0aW9uOiB2Lnh5eiwgZm9yY2VzX2tleTogZm9yY2V9CnRoZSBwdXJpZmllZCAoc2VsZi1pbnRlcmFjdGlvbi1mcmVlKSBiYXNpczsgZmFsc2U6IHRoZSBzZWxmLWludGVyYWN0aW5nIG9uZS4KcHVyaWZ5OiBmYWxzZQojIFRoZSByZWZlcmVuY2UgZHJlZmVyZW5jZV9lbmVyZ2llczoge1NpOiAtMSwgQzogLTJ9CndlaWdodHM6IHtlbmVyZ3k6IDMwLCBmb3JjZXM6IDEsIHZpcmlhbDogMC4xfQpjb25maWdfdHlwZV93ZWlnaHRzOgogOiAxMH0Kc29sdmVyOiB7dHlwZTogcmlkZ2UtY3YsIGZvbGRzOiA0fQpwcmlvcjoge3R5cGU6IHNtb290aG5lc3MsIHA6IDN9CmNyb3NzX3ZhbGlkYXRlOiA1CmVycm9yc19jc3Y6IGUuY3N2CmxpbWl0czoge2Z1bmN0aW9uczogMTAwMH0Kb3V0cHV0OiBwLmpzb24K"));
        Assert.That(() => FitConfigReader.Parse(fuzzed, "f.yaml"), Throws.TypeOf<ConfigException>());
        e = Assert.Throws<ConfigException>(() => FitConfigReader.Parse(Valid.Replace("{Si: -158.5}", "{C: 1}", StringComparison.Ordinal), "f.yaml"));
        Assert.That(e!.Message, Does.Contain("f.yaml:8:").And.Contain("'C', which is not in elements"));
        e = Assert.Throws<ConfigException>(() => FitConfigReader.Parse(Valid + "\nbody_order: 5\n", "f.yaml"));
        Assert.That(e!.Message, Does.Contain("body_order 5 needs 4 degrees"));
    }

    [Test]
    public void ReadsThePriorTheCrossValidatedRidgeAndCrossValidation()
    {
        var plain = FitConfigReader.Parse(Valid, "fit.yaml");
        Assert.That((plain.Prior, plain.RidgeFolds, plain.CrossValidationFolds), Is.EqualTo(((PriorConfig?)null, (int?)null, (int?)null)));
        var blr = FitConfigReader.Parse(Valid.Replace("{type: qr, regularisation: 1e-6}", "blr\nprior: smoothness\ncross_validate: 3", StringComparison.Ordinal), "fit.yaml");
        Assert.That(blr.Prior, Is.EqualTo(new PriorConfig(4, null, false)), "the prior's w_L defaults to the basis's");
        Assert.That(blr.RidgeFolds, Is.Null);
        Assert.That(blr.CrossValidationFolds, Is.EqualTo(3));
        var ridge = FitConfigReader.Parse(Valid.Replace("{type: qr, regularisation: 1e-6}",
            "ridge-cv\nprior:\n  type: smoothness\n  p: 2\n  angular_weight: 0.5\n  scale_by_column_norms: true", StringComparison.Ordinal), "fit.yaml");
        Assert.That(ridge.Solver, Is.EqualTo("ridge-cv"));
        Assert.That(ridge.RidgeFolds, Is.EqualTo(5));
        Assert.That(ridge.Prior, Is.EqualTo(new PriorConfig(2, 0.5, true)));
        Assert.That(FitConfigReader.Parse(Valid.Replace("qr, regularisation: 1e-6", "ridge-cv, folds: 7", StringComparison.Ordinal), "f.yaml").RidgeFolds, Is.EqualTo(7));
    }

    [TestCase("solver: {type: qr, folds: 3}", 12, "solver.folds: only the ridge-cv solver takes folds, not 'qr'")]
    [TestCase("solver: {type: ridge-cv, regularisation: 1}", 12, "solver.regularisation: ridge-cv chooses the regularisation")]
    [TestCase("solver: {type: ridge-cv, folds: two}", 12, "solver.folds: expected an integer, got 'two'")]
    [TestCase("solver: ridge-cv\nprior: gaussian", 13, "prior: unknown prior 'gaussian'")]
    [TestCase("solver: lsqr\nprior:\n  type: smoothness", 13, "prior: the solver 'lsqr' cannot use a prior; use blr or ridge-cv")]
    [TestCase("solver: tsvd\ncross_validate: 4", 13, "cross_validate: the solver 'tsvd' needs the design matrix")]
    [TestCase("solver: ridge-cv\ncross_validate: 2", 13, "cross_validate: with the ridge-cv solver needs at least 3 folds")]
    [TestCase("solver: blr\nprior: {type: smoothness, scale_by_column_norms: maybe}", 13, "prior.scale_by_column_norms: expected true or false")]
    [TestCase("solver: blr\nprior: {type: smoothness, exponent: 4}", 13, "unknown key 'prior.exponent'")]
    public void BadSolverPriorAndCrossValidationSettingsAreReportedWithTheirLine(string replacement, int line, string message)
    {
        var text = Valid.Replace("solver: {type: qr, regularisation: 1e-6}", replacement, StringComparison.Ordinal);
        var e = Assert.Throws<ConfigException>(() => FitConfigReader.Parse(text, "fit.yaml"));
        Assert.That(e!.Message, Does.StartWith($"fit.yaml:{line}:"));
        Assert.That(e.Message, Does.Contain(message));
    }

    [Test]
    public void ReadsPacemakersLoss()
    {
        Assert.That(FitConfigReader.Parse(Valid, "fit.yaml").Loss, Is.Null);
        Assert.That(FitConfigReader.Parse(Valid + "\nloss: {kappa: 0.3}\n", "fit.yaml").Loss, Is.EqualTo(new LossConfig(0.3)));
        Assert.That(FitConfigReader.Parse(Valid + "\nloss: {kappa: auto}\n", "fit.yaml").Loss, Is.EqualTo(new LossConfig(null)));
    }

    [TestCase("loss: {kappa: 1.5}", 14, "loss.kappa: kappa must lie in [0, 1]")]
    [TestCase("loss: {kappa: sometimes}", 14, "or be auto, got sometimes")]
    [TestCase("loss: {kapa: 0.3}", 14, "unknown key 'loss.kapa'")]
    [TestCase("loss: {}", 14, "loss.kappa: this key is required")]
    public void BadLossSettingsAreReportedWithTheirLine(string lossLine, int line, string message)
    {
        var e = Assert.Throws<ConfigException>(() => FitConfigReader.Parse(Valid + "\n" + lossLine + "\n", "fit.yaml"));
        Assert.That(e!.Message, Does.StartWith($"fit.yaml:{line}:"));
        Assert.That(e.Message, Does.Contain(message));
    }

    [Test]
    public void PacemakersLossRefusesVirialWeights()
    {
        var text = Valid.Replace("weights: {energy: 30, forces: 1}", "weights: {energy: 30, forces: 1, virial: 0.1}", StringComparison.Ordinal) + "\nloss: {kappa: 0.3}\n";
        var e = Assert.Throws<ConfigException>(() => FitConfigReader.Parse(text, "fit.yaml"));
        Assert.That(e!.Message, Does.Contain("no virial term"));
    }
}
