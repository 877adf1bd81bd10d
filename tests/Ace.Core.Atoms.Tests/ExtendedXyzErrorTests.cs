using Ace.Core.Atoms;

namespace Ace.Core.Atoms.Tests;

public class ExtendedXyzErrorTests
{
    private const string Good = "2\nLattice=\"4 0 0 0 4 0 0 0 4\" Properties=species:S:1:pos:R:3 pbc=\"T T T\"\nSi 0 0 0\nSi 1 1 1\n";

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData("abc\n", 1L, "expected the number of atoms").SetName("AtomCountNotANumber");
        yield return new TestCaseData("-2\n", 1L, "expected the number of atoms").SetName("NegativeAtomCount");
        yield return new TestCaseData("2\n", 2L, "expected its comment line").SetName("MissingCommentLine");
        yield return new TestCaseData("1\nLattice=\"4 0 0 0 4 0\" pbc=\"T T T\"\nSi 0 0 0\n", 2L, "expected 9").SetName("LatticeWithSixNumbers");
        yield return new TestCaseData("1\nLattice=\"4 0 0 0 4 0 0 0 4\" pbc=\"T T T\nSi 0 0 0\n", 2L, "not closed").SetName("UnterminatedQuote");
        yield return new TestCaseData("1\nLattice=\"4 0 0 0 x 0 0 0 4\"\nSi 0 0 0\n", 2L, "'x' is not a finite real number").SetName("LatticeNotANumber");
        yield return new TestCaseData("1\nProperties=species:S:1:pos:R\nSi 0 0 0\n", 2L, "name:type:count").SetName("PropertiesNotTriples");
        yield return new TestCaseData("1\nProperties=species:S:1:pos:Q:3\nSi 0 0 0\n", 2L, "expected R, I, L or S").SetName("PropertiesBadType");
        yield return new TestCaseData("1\nProperties=species:S:1\nSi\n", 2L, "expected pos:R:3").SetName("NoPositions");
        yield return new TestCaseData("1\nProperties=species:S:1:pos:R:2\nSi 0 0\n", 2L, "expected pos:R:3").SetName("PositionsWithTwoColumns");
        yield return new TestCaseData("1\npbc=\"T T T\"\nSi 0 0 0\n", 2L, "no Lattice").SetName("MissingLatticeWithPbc");
        yield return new TestCaseData("1\nLattice=\"4 0 0 0 4 0 0 0 4\" pbc=\"T X T\"\nSi 0 0 0\n", 2L, "expected three flags").SetName("BadPbc");
        yield return new TestCaseData("1\nLattice=\"4 0 0 0 4 0 4 4 0\" pbc=\"T T T\"\nSi 0 0 0\n", 2L, "singular").SetName("SingularCell");
        yield return new TestCaseData("1\nenergy=abc\nSi 0 0 0\n", 2L, "'abc' is not a finite real number").SetName("EnergyNotANumber");
        yield return new TestCaseData("1\nenergy=nan\nSi 0 0 0\n", 2L, "finite").SetName("EnergyNaN");
        yield return new TestCaseData("1\na=1 a=2\nSi 0 0 0\n", 2L, "appears twice").SetName("DuplicateKey");
        yield return new TestCaseData("1\nvirial=\"1 2 3 4\"\nSi 0 0 0\n", 2L, "expected 9").SetName("VirialWithFourNumbers");
        yield return new TestCaseData(Good.Replace("Si 1 1 1", "Si 1 1", StringComparison.Ordinal), 4L, "has 3 columns; expected 4 (species:S:1 pos:R:3)").SetName("TooFewColumns");
        yield return new TestCaseData(Good.Replace("Si 1 1 1", "Si 1 1 1 7", StringComparison.Ordinal), 4L, "more than 4 columns").SetName("TooManyColumns");
        yield return new TestCaseData(Good[..Good.LastIndexOf("Si 1", StringComparison.Ordinal)], 4L, "says 2 atoms, but only 1 atom lines follow the comment line 2").SetName("TruncatedFrame");
        yield return new TestCaseData("2000000000\nProperties=species:S:1:pos:R:3\nSi 0 0 0\n", 4L, "line 1 says 2000000000 atoms, but only 1 atom lines follow").SetName("AtomCountLargerThanTheInput");
        // Fuzz finding (2026-12-02, ExtendedXyz long run): a column count larger than any line could hold was allocated before the line was read.
        yield return new TestCaseData("1\nProperties=species:S:1:pos:R:3:name:S:1709391606\nSi 0 0 0 x\n", 3L, "too few for the 1709391610 columns").SetName("ColumnCountLargerThanTheLine");
        yield return new TestCaseData(Good.Replace("Si 1 1 1", "Si 1 NaN 1", StringComparison.Ordinal), 4L, "'NaN' in column 'pos'").SetName("NaNPosition");
        yield return new TestCaseData(Good.Replace("Si 1 1 1", "Si 1 inf 1", StringComparison.Ordinal), 4L, "expected a finite real number").SetName("InfinitePosition");
        yield return new TestCaseData(Good.Replace("Si 1 1 1", "Xx 1 1 1", StringComparison.Ordinal), 4L, "unknown element 'Xx'").SetName("UnknownElement");
        yield return new TestCaseData(Good.Replace("Si 1 1 1", "Si 0 0 0.0000001", StringComparison.Ordinal), 4L, "atoms 0 (Si) and 1 (Si)").SetName("AtomsTooClose");
        yield return new TestCaseData("1\nProperties=species:S:1:pos:R:3:tags:I:1\nSi 0 0 0 1.5\n", 3L, "expected an integer").SetName("BadInteger");
        yield return new TestCaseData(Good + Good.Replace("Si 1 1 1", "Si 1 1 x", StringComparison.Ordinal), 8L, "'x' in column 'pos'").SetName("ErrorInSecondFrame");
    }

    [TestCaseSource(nameof(Cases))]
    public void BadInputThrowsWithFileLineAndExpectation(string text, long line, string fragment)
    {
        var e = Assert.Throws<ExtendedXyzException>(() => ExtendedXyz.ParseText(text, sourceName: "bad.xyz"));
        Assert.That(e!.FileName, Is.EqualTo("bad.xyz"));
        Assert.That(e.LineNumber, Is.EqualTo(line), e.Message);
        Assert.That(e.Message, Does.StartWith($"bad.xyz:{line}: "));
        Assert.That(e.Message, Does.Contain(fragment));
    }

    [Test]
    public void ErrorsInFilesNameThePathAndEarlierFramesAreComplete()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ace-bad-{Guid.NewGuid():N}.xyz");
        try
        {
            File.WriteAllText(path, Good + Good[..^9]);
            var read = new List<Structure>();
            var e = Assert.Throws<ExtendedXyzException>(() =>
            {
                foreach (var s in ExtendedXyz.Read(path))
                {
                    read.Add(s);
                }
            });
            Assert.That(e!.FileName, Is.EqualTo(path));
            Assert.That(e.LineNumber, Is.EqualTo(8));
            Assert.That(read, Has.Count.EqualTo(1), "only the complete first frame was yielded");
            Assert.That(read[0].AtomCount, Is.EqualTo(2));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void MissingFileThrowsAtOnce() =>
        Assert.Throws<FileNotFoundException>(() => ExtendedXyz.Read("/nonexistent/ace/file.xyz"));
}
