using Ace.Core.Analysis;
using Ace.Core.Atoms;
using Ace.Core.Primitives;
using Ace.Core.Studies;
using Ace.Core.TestUtilities;

namespace Ace.Core.Studies.Tests;

public class ClusterCurveTests
{
    private static readonly Element Si = Element.FromSymbol("Si");
    private static readonly StillingerWeber Sw = StillingerWeber.Silicon;

    [Test]
    public void DimerCurveOfStillingerWeberIsItsPairTermMinusOneBodyEnergies()
    {
        var grid = ClusterCurves.Grid(1.9, 6.0, 42);
        // A model with a one-body energy of -3 eV per atom: the curve subtracts it again.
        var curve = ClusterCurves.Dimer("sw", s => Sw.Energy(s) - 3 * s.AtomCount, Si, Si, grid);
        Assert.That(curve.Count, Is.EqualTo(42));
        for (int k = 0; k < grid.Count; k++)
        {
            Assert.That(curve.Energies[k], Is.EqualTo(Sw.PairEnergy(grid[k])).Within(1e-12));
        }
        Assert.That(curve.RmsDeviation(Sw.PairEnergy, 1.9, 6.0), Is.LessThan(1e-12));
    }

    [Test]
    public void TrimerExcessOfStillingerWeberIsTheSumOfItsThreeBodyTerms()
    {
        var angles = ClusterCurves.Grid(50, 180, 14);
        var curve = ClusterCurves.Trimer("sw", s => Sw.Energy(s) + 0.7 * s.AtomCount, Si, 2.4, angles);
        for (int k = 0; k < angles.Count; k++)
        {
            double t = angles[k] * Math.PI / 180;
            var a = Vec3.Zero;
            var b = new Vec3(2.4, 0, 0);
            var c = new Vec3(2.4 * Math.Cos(t), 2.4 * Math.Sin(t), 0);
            double expected = Sw.ThreeBodyEnergy(b - a, c - a) + Sw.ThreeBodyEnergy(a - b, c - b) + Sw.ThreeBodyEnergy(a - c, b - c);
            Assert.That(curve.Energies[k], Is.EqualTo(expected).Within(1e-12), $"angle {angles[k]}");
        }
        // A pure pair model has no trimer excess at all.
        var pairOnly = ClusterCurves.Trimer("pair", s => PairEnergy(s), Si, 2.4, angles);
        Assert.That(pairOnly.Energies, Is.All.EqualTo(0).Within(1e-12));
    }

    private static double PairEnergy(Structure s)
    {
        double e = 0;
        for (int i = 0; i < s.AtomCount; i++)
        {
            for (int j = i + 1; j < s.AtomCount; j++)
            {
                e += Sw.PairEnergy((s.Positions[i] - s.Positions[j]).Norm);
            }
        }
        return e;
    }

    [Test]
    public void RmsDeviationInterpolatesAndRespectsTheWindow()
    {
        var model = new Curve("m", [1, 2, 3, 4], [0, 1, 2, 3]);
        var reference = new Curve("r", [1.5, 2.5, 3.5, 5], [0.5 + 0.1, 1.5 - 0.1, 2.5 + 0.1, 100]);
        Assert.That(model.RmsDeviation(reference, 0, 10), Is.EqualTo(0.1).Within(1e-12), "the point at 5 lies outside the model and is skipped");
        Assert.That(model.RmsDeviation(reference, 2, 3), Is.EqualTo(0.1).Within(1e-12));
        Assert.Throws<ArgumentException>(() => model.RmsDeviation(reference, 7, 8));
        Assert.That(model.Interpolate(2.25), Is.EqualTo(1.25).Within(1e-15));
    }

    [Test]
    public void BadCurvesAreRejected()
    {
        Assert.Throws<ArgumentException>(() => _ = new Curve("c", [1, 1], [0, 0]));
        Assert.Throws<ArgumentException>(() => _ = new Curve("c", [1, 2], [0]));
        Assert.Throws<ArgumentException>(() => _ = new Curve("c", [1, 2], [0, double.NaN]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClusterCurves.Grid(2, 1, 5));
    }

    [Test]
    public void CsvAndTextRoundTrip()
    {
        var curve = new Curve("c", [1.9, 2.0, 2.1], [0.1, -1.0 / 3, 2e-17]);
        var csv = curve.ToCsv();
        Assert.That(csv, Does.StartWith("r_A,energy_eV\n1.9,0.1\n"));
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "# r E\n" + string.Join("\n", csv.Split('\n').Skip(1).Select(l => l.Replace(',', ' '))));
            var back = Curve.Read(path);
            Assert.That(back.Energies, Is.EqualTo(curve.Energies));
            File.WriteAllText(path, "1.0 2.0\n1.5 oops\n");
            var e = Assert.Throws<FormatException>(() => Curve.Read(path));
            Assert.That(e!.Message, Does.Contain(":2:"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void DftDimerReferenceReads()
    {
        var curve = Curve.Read(SharedData.Require("si/Si2_dimer_dft.dat"));
        Assert.That(curve.Count, Is.GreaterThan(20));
        int minimum = Enumerable.Range(0, curve.Count).MinBy(k => curve.Energies[k]);
        Assert.That(curve.X[minimum], Is.InRange(2.0, 2.6), "the DFT Si2 bond length");
    }
}
