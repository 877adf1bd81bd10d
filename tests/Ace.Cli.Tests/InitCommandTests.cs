using System.Text.RegularExpressions;
using Ace.Cli.Config;
using Ace.Core.Atoms;
using Ace.Core.Studies;

namespace Ace.Cli.Tests;

/// <summary>`ace init`: the commented template config, accepted by `ace fit` as written.</summary>
public class InitCommandTests : TemporaryFolderTest
{
    [Test]
    public void InitThenFitOnGeneratedDataWorks()
    {
        var config = Path.Combine(Folder, "fit.yaml");
        var (code, output) = CliRunner.Run("init", config);
        Assert.That(code, Is.Zero, output);
        Assert.That(File.ReadAllText(config), Is.EqualTo(FitConfigTemplate.Text));
        var data = SiliconStudyData.Generate("Si23", new SiliconStudyDataOptions(Dimers: 20, Trimers: 20));
        ExtendedXyz.Write(Path.Combine(Folder, FitConfigTemplate.TrainPath), data.Train);
        (code, output) = CliRunner.Run("fit", config);
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("body order up to 4").And.Contain("training errors"));
        Assert.That(File.Exists(Path.Combine(Folder, "potential.json")), "the template's output");
        (code, output) = CliRunner.Run("eval", Path.Combine(Folder, "potential.json"), Path.Combine(Folder, FitConfigTemplate.TrainPath));
        Assert.That(code, Is.Zero, output);
    }

    [Test]
    public void InitRefusesToOverwriteUnlessForced()
    {
        var config = Path.Combine(Folder, "fit.yaml");
        File.WriteAllText(config, "mine");
        var (code, output) = CliRunner.Run("init", config);
        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("fit.yaml: the file exists; use --force to overwrite it"));
        Assert.That(File.ReadAllText(config), Is.EqualTo("mine"), "left alone");
        (code, output) = CliRunner.Run("init", config, "--force");
        Assert.That(code, Is.Zero, output);
        Assert.That(File.ReadAllText(config), Is.EqualTo(FitConfigTemplate.Text));
        (code, output) = CliRunner.Run("init", Folder);
        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("is a folder"));
        (code, output) = CliRunner.Run("init", Path.Combine(Folder, "nowhere", "fit.yaml"));
        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("does not exist"));
    }

    [Test]
    public void TheTemplateDocumentsEveryKeyWithAComment()
    {
        var lines = FitConfigTemplate.Text.Split('\n');
        var keys = FitConfigReader.TopKeys.Concat(FitConfigReader.RadialKeys).Concat(FitConfigReader.DataKeys)
            .Concat(FitConfigReader.WeightKeys).Concat(FitConfigReader.PriorKeys).Concat(FitConfigReader.SolverKeys).Distinct();
        foreach (var key in keys)
        {
            // The key as a key (optionally commented out), or in a flow mapping of a commented example.
            int at = Array.FindIndex(lines, l => Regex.IsMatch(l, $@"^\s*(# )?{Regex.Escape(key)}:|[{{,] ?{Regex.Escape(key)}:"));
            Assert.That(at, Is.GreaterThanOrEqualTo(0), $"the template shows '{key}'");
            Assert.That(lines[at].Contains(" # ", StringComparison.Ordinal) || lines[at - 1].TrimStart().StartsWith('#'), $"'{key}' is explained: {lines[at]}");
        }
        // As written, the template is a valid config with the documented defaults.
        var config = FitConfigReader.Parse(FitConfigTemplate.Text, "/tmp/t/fit.yaml");
        Assert.That(config.Solver, Is.EqualTo(SolverCatalog.Default.Name));
        Assert.That(config.Degrees, Is.EqualTo(new[] { 12, 10, 8 }));
        Assert.That(config.TrainPath, Is.EqualTo("/tmp/t/" + FitConfigTemplate.TrainPath));
        Assert.That((config.Prior, config.CrossValidationFolds, config.ValidationPath), Is.EqualTo(((PriorConfig?)null, (int?)null, (string?)null)));
    }

    [Test]
    public void EveryCommentedOptionalLineIsValidWhenEnabled()
    {
        // Uncommenting each optional key (one at a time) still gives a valid config: the examples are real.
        var lines = FitConfigTemplate.Text.Split('\n');
        var keys = FitConfigReader.TopKeys.Concat(FitConfigReader.DataKeys).ToHashSet();
        int enabled = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            var m = Regex.Match(lines[i], @"^(\s*)# (([a-z_]+):.*?)(\s+#.*)?$");
            if (!m.Success || !keys.Contains(m.Groups[3].Value))
            {
                continue;
            }
            enabled++;
            var edited = lines.ToArray();
            edited[i] = m.Groups[1].Value + m.Groups[2].Value;
            if (m.Groups[2].Value == "config_type_weights:")
            {
                edited[i + 1] = edited[i + 1].Replace("#   ", "  ", StringComparison.Ordinal);
            }
            Assert.DoesNotThrow(() => FitConfigReader.Parse(string.Join('\n', edited), "/tmp/t/fit.yaml"), edited[i]);
        }
        Assert.That(enabled, Is.EqualTo(12), "pairs, body_order, angular_weight, validation, forces_key, config_type_weights, loss, prior, cross_validate, fit_radials, errors_csv, limits");
    }
}
