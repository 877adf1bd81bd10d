using System.Text.Json.Nodes;
using Ace.Core.Fitting;
using Ace.Core.Potentials;
using Ace.Core.Serialization;

namespace Ace.Core.Tests.Serialization;

/// <summary>The fit's provenance: recorded by the fit, saved and reloaded with the potential, absent in old files.</summary>
public class ProvenanceTests
{
    private static FitResult SmallFit(FitBuilder builder)
    {
        var truth = Fixtures.RandomPotential(Fixtures.Silicon, seed: 3);
        var random = new Random(5);
        var training = Enumerable.Range(0, 6).Select(k => Fixtures.Label(Fixtures.RattledCrystal(random, 5.2 + 0.1 * k, "Si"), truth)).ToList();
        return builder.Run(training);
    }

    [Test]
    public void A_fit_records_version_commit_backend_solver_hyperparameters_and_data()
    {
        var fit = SmallFit(LinearAce.Fit(Fixtures.Silicon).ReferenceEnergies(("Si", Fixtures.SiliconEnergy)).Weights(energy: 30, forces: 1));
        var p = fit.Potential.Provenance;
        Assert.That(p, Is.Not.Null);
        Assert.That(p!.Library, Does.StartWith("Ace.Core 0.1.0"));
        Assert.That(p.Commit, Is.Null.Or.Match("^[0-9a-f]{7,40}$"), "the git commit of the build, when built from git");
        Assert.That(p.Backend, Does.StartWith("managed").Or.StartWith("native"));
        Assert.That(p.Solver, Is.EqualTo(fit.Solution.Solver));
        Assert.That(p.Hyperparameters.Keys, Is.SupersetOf(new[] { "priorVariance", "noiseVariance", "logEvidence", "effectiveParameters" }));
        Assert.That(p.Hyperparameters["noiseVariance"], Is.GreaterThan(0));
        Assert.That(p.Settings["weights"], Is.EqualTo("energy 30, forces 1, virial 0"));
        Assert.That(p.Structures, Is.EqualTo(6));
        Assert.That(p.Atoms, Is.EqualTo(48));
        Assert.That(p.Rows, Is.EqualTo(fit.Rows));
        Assert.That(p.Date, Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(5)));
        Assert.That(p.ToString(), Does.Contain("backend").And.Contain("48 atoms"));
    }

    [Test]
    public void A_cross_validated_ridge_records_its_lambda()
    {
        var fit = SmallFit(LinearAce.Fit(Fixtures.Silicon).SmoothnessPrior().RidgeByCrossValidation(folds: 3));
        Assert.That(fit.Potential.Provenance!.Hyperparameters["lambda"], Is.EqualTo(fit.Ridge!.Lambda));
        Assert.That(fit.Potential.Provenance.Solve, Does.Contain("RidgeByCrossValidation"));
    }

    [Test]
    public void Provenance_with_training_file_hashes_survives_saving_and_loading()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ace-provenance-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var data = Path.Combine(folder, "train.xyz");
            File.WriteAllText(data, "abc");
            var fit = SmallFit(LinearAce.Fit(Fixtures.Silicon));
            var potential = fit.Potential.WithProvenance(fit.Potential.Provenance!.WithTrainingFiles(data));
            // SHA-256("abc"), the FIPS 180-2 test vector.
            Assert.That(potential.Provenance!.TrainingFiles.Single().Sha256, Is.EqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
            var path = Path.Combine(folder, "p.json");
            potential.Save(path);
            var loaded = LinearAcePotential.Load(path);
            Assert.That(PotentialSerializer.ToJson(loaded), Is.EqualTo(File.ReadAllText(path)), "saving the loaded potential writes the same file");
            Assert.That(loaded.Provenance!.TrainingFiles.Single().Matches(), Is.True);
            Assert.That(loaded.Provenance.Date, Is.EqualTo(potential.Provenance.Date));
            Assert.That(loaded.Provenance.Hyperparameters, Is.EquivalentTo(potential.Provenance.Hyperparameters));
            File.WriteAllText(data, "abd");
            Assert.That(loaded.Provenance.TrainingFiles.Single().Matches(), Is.False, "a changed training file no longer matches");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void A_file_without_provenance_loads_with_none()
    {
        var potential = Fixtures.RandomPotential(Fixtures.Silicon, seed: 1);
        Assert.That(potential.Provenance, Is.Null);
        var json = JsonNode.Parse(PotentialSerializer.ToJson(potential))!.AsObject();
        Assert.That(json.ContainsKey("provenance"), Is.False, "no provenance field is written when there is none");
        Assert.That(PotentialSerializer.FromJson(json.ToJsonString()).Provenance, Is.Null);
    }
}
