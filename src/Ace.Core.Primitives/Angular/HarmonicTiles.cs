using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ace.Core.Primitives.Simd;

namespace Ace.Core.Primitives.Angular;

/// <summary>
/// The batch drivers of <see cref="RealSphericalHarmonics"/>: they run the lane kernels tile by tile where needed so
/// that the speed does not depend on the number of points.
/// </summary>
/// <remarks>
/// The outputs are component-major, one row per component with a stride of the point count. Written lane by lane
/// straight into them, a batch whose stride is (close to) a multiple of 4 KB, or of 1-2 KB, sends many rows' lanes to
/// the same L1 sets, so partly written lines are evicted before they are complete and prefetched lines are thrown out
/// before use (5-7x slower at 4096 points than at 4112 at l_max 6 and 10). When the rows crowd the sets
/// (<see cref="RowsAlias"/>; for the four gradient arrays only once they no longer fit in L2 together) the batch is
/// evaluated a tile of points at a time into an aligned per-thread buffer whose row stride is padded off every power
/// of two, and each row of the tile is then copied out in one sequential burst.
/// Otherwise <see cref="RealSphericalHarmonics"/> runs the kernels in place. The last tile ends at the last point and
/// overlaps the one before it (the kernels overwrite, so that is harmless). These methods, like the public batch
/// methods, are call boundaries: not inlined into callers, each lane width's kernel compiled once behind them.
/// </remarks>
internal static class HarmonicTiles
{
    /// <summary>The budget of one values tile (a quarter of the 1 MB L2 cache; long row bursts).</summary>
    private const int ValueTileBytes = 256 * 1024;

    /// <summary>The budget of one values-and-gradients tile (four arrays; half the L2 cache).</summary>
    private const int GradientTileBytes = 512 * 1024;

    /// <summary>Tiles hold a multiple of this many points: a pair of the widest (512-bit) lanes.</summary>
    private const int PointMultiple = 16;

    /// <summary>The most rows that may share an L1 set before tiling pays (the L1 data cache has 12 ways; the three
    /// inputs, whose strides alias the same way, and the partly written lines of the next rows need some).</summary>
    private const int RowsPerSet = 8;

    /// <summary>Batches of fewer points are written in place whatever their stride: their rows are a few lines each, so
    /// lines evicted early come back from L2, which costs less than the tile's copy (l_max 10 at 64 points: 2x slower
    /// tiled).</summary>
    private const int MinTiledPoints = 128;

    /// <summary>An output block up to this size (the L1 data cache) is written in place whatever its stride.</summary>
    private const int L1Bytes = 48 * 1024;

    /// <summary>Values and gradients up to this size together (the L2 cache) are written in place: their evicted lines
    /// stay in L2, which costs less than a tile's extra copy. Their rows are counted together (four arrays at unrelated
    /// offsets share the sets).</summary>
    internal const int GradientInPlaceBytes = 1024 * 1024;

    /// <summary>The points per tile for <paramref name="components"/> rows in <paramref name="arrays"/> output arrays
    /// within <paramref name="budgetBytes"/>: a multiple of 16, at least 16.</summary>
    internal static int TilePoints(int components, int arrays, int budgetBytes) =>
        Math.Max(PointMultiple, budgetBytes / (arrays * components * sizeof(double)) / PointMultiple * PointMultiple);

    /// <summary>The row stride of a tile of <paramref name="points"/> points: rounded up to whole 64-byte lines plus
    /// one line, so that rows start on line boundaries and do not share cache sets.</summary>
    internal static int TileStride(int points) => ((points + 7) & ~7) + 8;

    /// <summary>
    /// Whether <paramref name="rows"/> rows <paramref name="stride"/> doubles apart crowd the L1 cache's sets: rows
    /// <see cref="AliasPeriod"/> apart start within one line of each other modulo 4 KB, so about rows / period of them
    /// share each set. Blocks up to <paramref name="inPlaceBytes"/>, and strides (point counts) below 128, are never
    /// reported.
    /// </summary>
    internal static bool RowsAlias(int stride, int rows, long inPlaceBytes = L1Bytes)
    {
        if (stride < MinTiledPoints || (long)stride * rows * sizeof(double) <= inPlaceBytes)
        {
            return false;
        }
        int period = AliasPeriod(stride);
        return (rows + period - 1) / period > RowsPerSet;
    }

    /// <summary>The smallest p &gt;= 1 for which rows p apart (stride in doubles) start within one 64-byte line of each
    /// other modulo 4 KB (the L1 set period); at most 64.</summary>
    internal static int AliasPeriod(int stride)
    {
        const int period = 4096, line = 64;
        int bytes = (int)((uint)stride * sizeof(double) % period);
        int offset = 0;
        for (int p = 1; p < period / line; p++)
        {
            offset = (offset + bytes) & (period - 1);
            if (offset < line || offset > period - line)
            {
                return p;
            }
        }
        return period / line;
    }

    /// <summary>Y_lm of every point into the component-major <paramref name="values"/>, tile by tile (arguments checked
    /// by the caller; for batches whose rows alias, <see cref="RowsAlias"/>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Values(SphericalHarmonicsCoefficients table, int lMax,
        ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z, Span<double> values)
    {
        int count = x.Length, components = RealSphericalHarmonics.Count(lMax);
        int tile = Math.Min(count, TilePoints(components, 1, ValueTileBytes)), stride = TileStride(tile);
        Span<double> buffer = AlignedScratch.ThreadBuffer(components * stride);
        for (int t = 0; t < count; t += tile)
        {
            int start = Math.Min(t, count - tile);
            var kernel = new HarmonicValueLanes(table, lMax, x.Slice(start, tile), y.Slice(start, tile), z.Slice(start, tile), buffer, stride);
            LaneDispatch.ForEachLane(ref kernel, tile, paired: true);
            var copy = new TileRowCopy(buffer, stride, tile, components, values, count, start);
            LaneDispatch.Widest(ref copy);
        }
    }

    /// <summary>Y_lm and its gradient for every point, tile by tile (arguments checked by the caller; for batches whose
    /// rows alias, <see cref="RowsAlias"/> with <see cref="GradientInPlaceBytes"/> over all four arrays);
    /// <paramref name="laneScratch"/> is the recursion's scratch, <paramref name="maxLaneBytes"/> the widest lane it holds.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ValuesAndGradients(SphericalHarmonicsCoefficients table, int lMax,
        ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z,
        Span<double> values, Span<double> gradX, Span<double> gradY, Span<double> gradZ, Span<byte> laneScratch, int maxLaneBytes)
    {
        int count = x.Length, components = RealSphericalHarmonics.Count(lMax);
        int tile = Math.Min(count, TilePoints(components, 4, GradientTileBytes)), stride = TileStride(tile);
        int block = components * stride;
        Span<double> buffer = AlignedScratch.ThreadBuffer(4 * block);
        Span<double> tileValues = buffer[..block], tileX = buffer.Slice(block, block);
        Span<double> tileY = buffer.Slice(2 * block, block), tileZ = buffer.Slice(3 * block, block);
        for (int t = 0; t < count; t += tile)
        {
            int start = Math.Min(t, count - tile);
            var kernel = new HarmonicGradientLanes(table, lMax, x.Slice(start, tile), y.Slice(start, tile), z.Slice(start, tile),
                tileValues, tileX, tileY, tileZ, stride, laneScratch);
            LaneDispatch.ForEachLane(ref kernel, tile, paired: true, maxLaneBytes);
            var copyValues = new TileRowCopy(tileValues, stride, tile, components, values, count, start);
            LaneDispatch.Widest(ref copyValues);
            var copyX = new TileRowCopy(tileX, stride, tile, components, gradX, count, start);
            LaneDispatch.Widest(ref copyX);
            var copyY = new TileRowCopy(tileY, stride, tile, components, gradY, count, start);
            LaneDispatch.Widest(ref copyY);
            var copyZ = new TileRowCopy(tileZ, stride, tile, components, gradZ, count, start);
            LaneDispatch.Widest(ref copyZ);
        }
    }

    /// <summary>Copies the rows of a tile (<c>points</c> points each, <c>tileStride</c> apart) to the points
    /// start .. start + points - 1 of the component-major output (row stride <c>stride</c>).</summary>
    private readonly ref struct TileRowCopy(
        ReadOnlySpan<double> tileRows, int tileStride, int points, int rows, Span<double> output, int stride, int start) : ILaneKernel
    {
        private readonly ReadOnlySpan<double> _tileRows = tileRows;
        private readonly Span<double> _output = output;

        public void Run<TLane>()
            where TLane : unmanaged, ILane<TLane>
        {
            ref double source = ref MemoryMarshal.GetReference(_tileRows);
            ref double destination = ref Unsafe.Add(ref MemoryMarshal.GetReference(_output), start);
            int width = TLane.Width;
            int whole = points >= width ? points - width : -1; // the last lane ends at the last point (overlapping)
            for (int r = 0; r < rows; r++)
            {
                ref double from = ref Unsafe.Add(ref source, (nint)r * tileStride);
                ref double to = ref Unsafe.Add(ref destination, (nint)r * stride);
                if (whole < 0)
                {
                    for (int j = 0; j < points; j++)
                    {
                        Unsafe.Add(ref to, j) = Unsafe.Add(ref from, j);
                    }
                    continue;
                }
                for (int j = 0; j < whole; j += width)
                {
                    TLane.Store(TLane.Load(ref Unsafe.Add(ref from, j)), ref Unsafe.Add(ref to, j));
                }
                TLane.Store(TLane.Load(ref Unsafe.Add(ref from, whole)), ref Unsafe.Add(ref to, whole));
            }
        }
    }
}
