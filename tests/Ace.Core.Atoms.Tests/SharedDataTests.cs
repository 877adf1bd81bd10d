using Ace.Core.Atoms;
using Ace.Core.TestUtilities;

namespace Ace.Core.Atoms.Tests;

public class SharedDataTests
{
    private static readonly string[] Files =
    [
        "si/Si2.xyz", "si/Si23.xyz", "si/Si234.xyz", "si/Si2345.xyz", "si/Si2345_train.xyz", "si/Si2345_val.xyz",
        "si/Si234_train.xyz", "si/Si234_val.xyz", "si/Si23_train.xyz", "si/Si23_val.xyz", "si/Si2_train.xyz",
        "si/Si2_val.xyz", "si/Si3.xyz", "si/Si345.xyz", "si/Si345_train.xyz", "si/Si3_train.xyz", "si/Si3_val.xyz",
        "si/Si4.xyz", "si/Si4_train.xyz", "si/Si4_val.xyz", "si/Si5.xyz", "si/Si5_train.xyz", "si/Si5_val.xyz",
        "carbon/Tr100_n.xyz", "carbon/Tr124_dim.xyz", "carbon/Tr1k_n.xyz",
    ];

    [TestCase("carbon/Tr1k_n.xyz", 1000, 18488, 200)]
    [TestCase("si/Si2345.xyz", 800, 3400, 5)]
    public void CountsMatch(string file, int structures, int atoms, int maxAtoms)
    {
        var all = ExtendedXyz.ReadAll(SharedData.Require(file));
        Assert.That(all, Has.Count.EqualTo(structures));
        Assert.That(all.Sum(s => s.AtomCount), Is.EqualTo(atoms));
        Assert.That(all.Max(s => s.AtomCount), Is.EqualTo(maxAtoms));
        Assert.That(all.All(s => s.Energy is not null && s.Forces is not null && s.Pbc == Pbc.All), Is.True);
    }

    [TestCaseSource(nameof(Files))]
    public void ParsesAndRoundTrips(string file)
    {
        var all = ExtendedXyz.ReadAll(SharedData.Require(file));
        Assert.That(all, Is.Not.Empty);
        var again = ExtendedXyz.ParseText(ExtendedXyz.ToText(all));
        Assert.That(again, Has.Count.EqualTo(all.Count));
        for (int k = 0; k < all.Count; k++)
        {
            StructureAssert.SameData(all[k], again[k], $"{file} frame {k}");
        }
    }

    [Test]
    public void CarbonFramesKeepTagsAndLabels()
    {
        var first = ExtendedXyz.Read(SharedData.Require("carbon/Tr1k_n.xyz")).First();
        Assert.That(first.AtomCount, Is.EqualTo(16));
        Assert.That(first.ConfigType, Is.EqualTo("shaiducarbon"));
        Assert.That(first.Energy, Is.EqualTo(-4060.421395178005));
        Assert.That(first.Info["unit_cell"], Is.EqualTo("conventional"));
        Assert.That(first.AtomProperties.Single().Name, Is.EqualTo("tags"));
        Assert.That(first.Forces!.Value[0].X, Is.EqualTo(-0.49961638));
        Assert.That(first.Cell.B.X, Is.EqualTo(-0.9754852800046341));
    }

    [Test]
    public void SiliconClustersKeepFreeEnergy()
    {
        var first = ExtendedXyz.Read(SharedData.Require("si/Si2345.xyz")).First();
        Assert.That(first.Info["free_energy"], Is.EqualTo("-15760.0830185744"));
        Assert.That(first.Forces!.Value[1].Z, Is.EqualTo(35.63580402));
        Assert.That(first.Cell.Volume, Is.EqualTo(125000.0));
    }
}
