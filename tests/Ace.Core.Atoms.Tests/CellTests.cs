using Ace.Core.Atoms;
using Ace.Core.Primitives;

namespace Ace.Core.Atoms.Tests;

public class CellTests
{
    [Test]
    public void FractionalAndCartesianAreInverse()
    {
        var random = new Random(3);
        for (int t = 0; t < 20; t++)
        {
            var cell = TestStructures.SkewedCell(random, 4.0);
            var r = new Vec3(random.NextDouble() * 10 - 5, random.NextDouble() * 10 - 5, random.NextDouble() * 10 - 5);
            Assert.That((cell.ToCartesian(cell.ToFractional(r)) - r).Norm, Is.LessThan(1e-12));
            Assert.That((cell.ToFractional(cell.A) - new Vec3(1, 0, 0)).Norm, Is.LessThan(1e-13));
            for (int i = 0; i < 3; i++)
            {
                for (int j = 0; j < 3; j++)
                {
                    Assert.That(Vec3.Dot(cell.Reciprocal(i), cell[j]), Is.EqualTo(i == j ? 1.0 : 0.0).Within(1e-13));
                }
            }
        }
    }

    [Test]
    public void VolumeAndHeightsOfATriclinicCell()
    {
        var cell = new Cell(new Vec3(2, 0, 0), new Vec3(1, 3, 0), new Vec3(0.5, 0.25, 4));
        Assert.That(cell.Volume, Is.EqualTo(24.0).Within(1e-12));
        Assert.That(cell.Height(2), Is.EqualTo(4.0).Within(1e-12));
        Assert.That(cell.Height(1), Is.EqualTo(24.0 / Vec3.Cross(cell.C, cell.A).Norm).Within(1e-12));
        var mirrored = new Cell(cell.B, cell.A, cell.C);
        Assert.That(mirrored.Determinant, Is.EqualTo(-24.0).Within(1e-12));
        Assert.That(mirrored.Volume, Is.EqualTo(24.0).Within(1e-12));
    }

    [Test]
    public void SingularCellIsDetectedAndRefusesFractionalCoordinates()
    {
        var flat = new Cell(new Vec3(1, 0, 0), new Vec3(0, 1, 0), new Vec3(1, 1, 0));
        Assert.That(flat.IsSingular, Is.True);
        Assert.That(Cell.Zero.IsSingular && Cell.Zero.IsZero, Is.True);
        Assert.Throws<InvalidOperationException>(() => flat.ToFractional(new Vec3(1, 2, 3)));
        Assert.That(Cell.Cubic(3).IsSingular, Is.False);
    }

    [Test]
    public void NonFiniteVectorsAreRejected() =>
        Assert.Throws<ArgumentException>(() => _ = new Cell(new Vec3(double.NaN, 0, 0), new Vec3(0, 1, 0), new Vec3(0, 0, 1)));
}
