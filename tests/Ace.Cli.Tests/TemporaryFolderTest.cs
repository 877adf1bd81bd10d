using Ace.Core.Atoms;
using Ace.Core.Studies;

namespace Ace.Cli.Tests;

/// <summary>A test fixture with a fresh temporary folder per test (<see cref="Folder"/>), deleted afterwards.</summary>
public abstract class TemporaryFolderTest
{
    /// <summary>The current test's folder.</summary>
    protected string Folder { get; private set; } = "";

    [SetUp]
    public void CreateFolder()
    {
        Folder = Path.Combine(Path.GetTempPath(), "ace-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(Folder, recursive: true);

    /// <summary>
    /// Writes generated Si23 data (train.xyz, val.xyz) and fit.yaml (cutoff 5, r0 2.3, the given total degrees, energy
    /// weight 30, output si.json) into <see cref="Folder"/>; returns the config's path.
    /// </summary>
    protected string WriteSiliconFit(string degrees, int clusters = 20)
    {
        var data = SiliconStudyData.Generate("Si23", new SiliconStudyDataOptions(Dimers: clusters, Trimers: clusters));
        ExtendedXyz.Write(Path.Combine(Folder, "train.xyz"), data.Train);
        ExtendedXyz.Write(Path.Combine(Folder, "val.xyz"), data.Validation);
        var config = Path.Combine(Folder, "fit.yaml");
        File.WriteAllText(config, $$"""
            elements: [Si]
            cutoff: 5.0
            radial: {r0: 2.3}
            degrees: {{degrees}}
            data: {train: train.xyz, validation: val.xyz}
            weights: {energy: 30, forces: 1}
            output: si.json
            """);
        return config;
    }
}
