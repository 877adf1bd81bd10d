using Ace.Core.Atoms;

namespace Ace.Core.Atoms.Tests;

/// <summary>Exact comparison of every piece of data a structure holds.</summary>
internal static class StructureAssert
{
    public static void SameData(Structure expected, Structure actual, string context = "")
    {
        Assert.That(actual.Elements, Is.EqualTo(expected.Elements), context + " elements");
        Assert.That(actual.Positions, Is.EqualTo(expected.Positions), context + " positions");
        Assert.That(actual.Cell, Is.EqualTo(expected.Cell), context + " cell");
        Assert.That(actual.Pbc, Is.EqualTo(expected.Pbc), context + " pbc");
        Assert.That(actual.Energy, Is.EqualTo(expected.Energy), context + " energy");
        Assert.That(actual.Forces.HasValue, Is.EqualTo(expected.Forces.HasValue), context + " has forces");
        if (expected.Forces is { } f)
        {
            Assert.That(actual.Forces!.Value, Is.EqualTo(f), context + " forces");
        }
        Assert.That(actual.Virial, Is.EqualTo(expected.Virial), context + " virial");
        Assert.That(actual.ConfigType, Is.EqualTo(expected.ConfigType), context + " config type");
        Assert.That(actual.Info.ToList(), Is.EqualTo(expected.Info.ToList()), context + " info");
        Assert.That(actual.AtomProperties.Length, Is.EqualTo(expected.AtomProperties.Length), context + " property count");
        for (int p = 0; p < expected.AtomProperties.Length; p++)
        {
            Assert.That(actual.AtomProperties[p].ContentEquals(expected.AtomProperties[p]), Is.True,
                $"{context} property {expected.AtomProperties[p].Name}");
        }
    }
}
