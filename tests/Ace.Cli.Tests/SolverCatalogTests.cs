using Ace.Cli.Config;

namespace Ace.Cli.Tests;

/// <summary>The solver names are listed once (<see cref="SolverCatalog"/>): the reader, its messages, the help and the template use that list.</summary>
public class SolverCatalogTests
{
    private const string Config = """
        elements: [Si]
        cutoff: 5.0
        degrees: [6]
        data: {train: train.xyz}

        """;

    [Test]
    public void EveryCatalogNameIsAcceptedAndBuildsItsSolver()
    {
        Assert.That(SolverCatalog.All.Select(s => s.Name), Is.Unique);
        Assert.That(SolverCatalog.All.Select(s => s.Name), Is.EquivalentTo(new[] { "blr", "qr", "normal", "lsqr", "tsvd", "rrqr", "ridge-cv" }));
        foreach (var solver in SolverCatalog.All)
        {
            var config = FitConfigReader.Parse(Config + $"solver: {solver.Name}\n", "fit.yaml");
            Assert.That(config.Solver, Is.EqualTo(solver.Name));
            Assert.That(solver.Create is null, Is.EqualTo(solver.Name == SolverCatalog.RidgeCv), "only ridge-cv is chosen by the fit builder");
            Assert.That(solver.Create?.Invoke(0.1), solver.Create is null ? Is.Null : Is.Not.Null);
        }
        Assert.That(FitConfigReader.Parse(Config, "fit.yaml").Solver, Is.EqualTo(SolverCatalog.Default.Name));
    }

    [Test]
    public void MessagesHelpAndTemplateNameEverySolver()
    {
        var e = Assert.Throws<ConfigException>(() => FitConfigReader.Parse(Config + "solver: magic\n", "fit.yaml"));
        var (code, help) = CliRunner.Run("fit", "--help");
        Assert.That(code, Is.Zero, help);
        foreach (var solver in SolverCatalog.All)
        {
            Assert.That(e!.Message, Does.Contain(solver.Name));
            Assert.That(help, Does.Contain(solver.Name));
            Assert.That(FitConfigTemplate.Text, Does.Contain($"#   {solver.Name} ").And.Contain(solver.Description));
        }
        Assert.That(e!.Message, Does.Contain("use blr, qr, normal, lsqr, tsvd, rrqr or ridge-cv"));
    }

    [TestCase("blr")]
    [TestCase("tsvd")]
    [TestCase("rrqr")]
    public void RegularisationOnlyForTheSolversThatTakeIt(string name)
    {
        var e = Assert.Throws<ConfigException>(() => FitConfigReader.Parse(Config + $"solver: {{type: {name}, regularisation: 1e-3}}\n", "fit.yaml"));
        Assert.That(e!.Message, Does.StartWith("fit.yaml:5: solver.regularisation:")
            .And.Contain($"the solver '{name}' takes no regularisation; only qr, normal or lsqr do"));
        Assert.That(FitConfigReader.Parse(Config + "solver: {type: lsqr, regularisation: 1e-3}\n", "fit.yaml").Regularisation, Is.EqualTo(1e-3));
    }
}
