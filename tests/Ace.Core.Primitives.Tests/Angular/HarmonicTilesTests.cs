using Ace.Core.Primitives.Angular;
using Ace.Core.TestUtilities;

namespace Ace.Core.Primitives.Tests.Angular;

/// <summary>The tiled batch path (point counts whose rows alias in cache) against the single-point reference path.</summary>
public class HarmonicTilesTests
{
    [TestCase(4096, 1)]
    [TestCase(8192, 1)]
    [TestCase(2048, 1)]
    [TestCase(256, 2)]
    [TestCase(128, 4)]
    [TestCase(4097, 1)]
    [TestCase(4112, 32)]
    public void Alias_period_counts_rows_until_one_starts_within_a_line_of_the_first(int stride, int expected) =>
        Assert.That(HarmonicTiles.AliasPeriod(stride), Is.EqualTo(expected));

    [Test]
    public void Alias_period_is_long_for_strides_that_shift_rows_across_the_sets()
    {
        Assert.That(HarmonicTiles.AliasPeriod(4104), Is.EqualTo(64));
        Assert.That(HarmonicTiles.AliasPeriod(1024), Is.EqualTo(1));
        Assert.That(HarmonicTiles.AliasPeriod(256), Is.EqualTo(2));
    }

    [Test]
    public void Rows_alias_only_for_large_blocks_with_crowded_sets()
    {
        Assert.That(HarmonicTiles.RowsAlias(4096, RealSphericalHarmonics.Count(6)), Is.True);
        Assert.That(HarmonicTiles.RowsAlias(4112, RealSphericalHarmonics.Count(10)), Is.False);
        Assert.That(HarmonicTiles.RowsAlias(16, RealSphericalHarmonics.Count(10)), Is.False); // fits L1
        Assert.That(HarmonicTiles.RowsAlias(64, RealSphericalHarmonics.Count(10)), Is.False); // rows of 8 lines
        Assert.That(HarmonicTiles.RowsAlias(128, RealSphericalHarmonics.Count(10)), Is.True);
        Assert.That(HarmonicTiles.RowsAlias(4096, RealSphericalHarmonics.Count(3)), Is.True); // 16 rows in one set
        Assert.That(HarmonicTiles.RowsAlias(4096, RealSphericalHarmonics.Count(2)), Is.True); // 9 rows with the inputs
        Assert.That(HarmonicTiles.RowsAlias(4096, RealSphericalHarmonics.Count(1)), Is.False); // 4 rows fit the ways
        Assert.That(HarmonicTiles.RowsAlias(4112, RealSphericalHarmonics.Count(3)), Is.False);
    }

    [Test]
    public void Tile_stride_starts_every_row_on_a_line_and_off_powers_of_two()
    {
        foreach (int points in new[] { 1, 7, 16, 256, 640 })
        {
            int stride = HarmonicTiles.TileStride(points);
            Assert.That(stride, Is.GreaterThanOrEqualTo(points));
            Assert.That(stride % 8, Is.Zero);
            Assert.That(HarmonicTiles.AliasPeriod(stride), Is.GreaterThan(16), $"{points} points");
        }
    }

    [TestCase(6, 4096)]
    [TestCase(3, 4096)]
    [TestCase(3, 8196)]
    [TestCase(10, 128)]
    [TestCase(10, 129)]
    [TestCase(2, 2052)]
    [TestCase(10, 1024)]
    [TestCase(6, 4100)]
    [TestCase(8, 2048)]
    public void Tiled_batches_equal_single_point_results(int lMax, int count)
    {
        int n = RealSphericalHarmonics.Count(lMax);
        Assert.That(HarmonicTiles.RowsAlias(count, n), Is.True, "the case exercises the tiled path");
        var random = new Random(count + lMax);
        double[] x = new double[count], y = new double[count], z = new double[count];
        for (int j = 0; j < count; j++)
        {
            (x[j], y[j], z[j]) = RandomGeometry.PointInShell(random, 0.05, 6.0);
        }
        double[] v = new double[n * count], gx = new double[n * count], gy = new double[n * count], gz = new double[n * count];
        double[] values = new double[n * count];
        RealSphericalHarmonics.Evaluate(lMax, x, y, z, values);
        RealSphericalHarmonics.EvaluateWithGradients(lMax, x, y, z, v, gx, gy, gz);
        double[] sv = new double[n], sx = new double[n], sy = new double[n], sz = new double[n];
        var worst = new WorstDeviation();
        for (int j = 0; j < count; j++)
        {
            RealSphericalHarmonics.EvaluateWithGradients(lMax, x[j], y[j], z[j], sv, sx, sy, sz);
            for (int k = 0; k < n; k++)
            {
                double scale = Math.Max(1.0, Math.Abs(sx[k]) + Math.Abs(sy[k]) + Math.Abs(sz[k]));
                worst.Add(values[k * count + j], sv[k], Math.Max(1.0, Math.Abs(sv[k])), () => $"value {k} of point {j}");
                worst.Add(v[k * count + j], sv[k], Math.Max(1.0, Math.Abs(sv[k])), () => $"value (with gradients) {k} of point {j}");
                worst.Add(gx[k * count + j], sx[k], scale, () => $"d/dx {k} of point {j}");
                worst.Add(gy[k * count + j], sy[k], scale, () => $"d/dy {k} of point {j}");
                worst.Add(gz[k * count + j], sz[k], scale, () => $"d/dz {k} of point {j}");
            }
        }
        worst.AssertBelow(1e-13);
    }
}
