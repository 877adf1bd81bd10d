using Ace.Core.Atoms;

namespace Ace.Core.Atoms.Tests;

public class ElementTests
{
    [TestCase("H", 1)]
    [TestCase("C", 6)]
    [TestCase("Si", 14)]
    [TestCase("Fe", 26)]
    [TestCase("W", 74)]
    [TestCase("Au", 79)]
    [TestCase("U", 92)]
    [TestCase("Og", 118)]
    public void KnownSymbolsHaveTheirAtomicNumbers(string symbol, int z)
    {
        Assert.That(Element.FromSymbol(symbol).AtomicNumber, Is.EqualTo(z));
        Assert.That(Element.FromAtomicNumber(z).Symbol, Is.EqualTo(symbol));
    }

    [Test]
    public void AllElementsRoundTripAndSymbolsAreDistinct()
    {
        var symbols = new HashSet<string>();
        for (int z = 1; z <= Element.MaxAtomicNumber; z++)
        {
            var e = Element.FromAtomicNumber(z);
            Assert.That(symbols.Add(e.Symbol), Is.True, e.Symbol);
            Assert.That(Element.FromSymbol(e.Symbol), Is.EqualTo(e));
            Assert.That(e.ToString(), Is.EqualTo(e.Symbol));
        }
        Assert.That(symbols, Has.Count.EqualTo(118));
    }

    [TestCase("si")]
    [TestCase("SI")]
    [TestCase("Xx")]
    [TestCase("")]
    [TestCase("Sio")]
    public void UnknownSymbolThrowsNamingIt(string symbol)
    {
        var e = Assert.Throws<ArgumentException>(() => Element.FromSymbol(symbol));
        Assert.That(e!.Message, Does.Contain($"'{symbol}'"));
        Assert.That(Element.TryFromSymbol(symbol, out _), Is.False);
    }

    [TestCase(0)]
    [TestCase(119)]
    [TestCase(-3)]
    public void AtomicNumberOutOfRangeThrows(int z) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Element.FromAtomicNumber(z));

    [Test]
    public void OrderingFollowsAtomicNumber()
    {
        Assert.That(Element.FromSymbol("C") < Element.FromSymbol("Si"), Is.True);
        Assert.That(Element.FromSymbol("Si") != Element.FromSymbol("C"), Is.True);
    }

    [TestCase("H", 1.008)]
    [TestCase("C", 12.011)]
    [TestCase("Si", 28.085)]
    [TestCase("Fe", 55.845)]
    [TestCase("Og", 294.214)]
    public void MassIsTheStandardAtomicWeight(string symbol, double amu) =>
        Assert.That(Element.FromSymbol(symbol).Mass, Is.EqualTo(amu));

    [Test]
    public void MassesGrowWithTheAtomicNumberApartFromKnownInversions()
    {
        // Ar/K, Co/Ni, Te/I, Th/Pa, U/Np... are the few places where the weight falls; there are at most a dozen.
        int inversions = Enumerable.Range(2, Element.MaxAtomicNumber - 1)
            .Count(z => Element.FromAtomicNumber(z).Mass < Element.FromAtomicNumber(z - 1).Mass);
        Assert.That(inversions, Is.InRange(3, 12));
        Assert.Throws<InvalidOperationException>(() => _ = default(Element).Mass);
    }
}
