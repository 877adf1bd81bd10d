using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Ace.Core.Primitives.Simd;

/// <summary>
/// The one place that chooses lane widths: the widest of <see cref="Vector512Lane"/>, <see cref="Vector256Lane"/>,
/// <see cref="Vector128Lane"/> that the hardware accelerates, else <see cref="ScalarLane"/>; and, for batches of
/// independent points, the tail handling.
/// </summary>
/// <remarks>
/// The choice follows <c>VectorNNN.IsHardwareAccelerated</c>, so DOTNET_EnableAVX512F=0 selects the 256-bit path and
/// DOTNET_EnableHWIntrinsic=0 the scalar one. The checks are JIT-time constants; each kernel is compiled per lane.
/// </remarks>
public static class LaneDispatch
{
    /// <summary>Runs <paramref name="kernel"/> once with the widest accelerated lane.</summary>
    /// <typeparam name="TKernel">The kernel.</typeparam>
    /// <param name="kernel">The kernel and its arguments.</param>
    public static void Widest<TKernel>(ref TKernel kernel)
        where TKernel : ILaneKernel, allows ref struct
    {
        if (Vector512.IsHardwareAccelerated)
        {
            kernel.Run<Vector512Lane>();
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            kernel.Run<Vector256Lane>();
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            kernel.Run<Vector128Lane>();
        }
        else
        {
            kernel.Run<ScalarLane>();
        }
    }

    /// <summary>
    /// Runs <paramref name="kernel"/> over the points 0 .. <paramref name="count"/> - 1, widest accelerated lanes
    /// first (see <see cref="Stage{TKernel, TLane}"/>): a batch of at least one lane's width is finished by the widest
    /// lane, the last lane overlapping earlier points; smaller batches go to the next narrower lane, down to
    /// <see cref="ScalarLane"/>.
    /// </summary>
    /// <typeparam name="TKernel">The kernel.</typeparam>
    /// <param name="kernel">The kernel and its arguments.</param>
    /// <param name="count">The number of points.</param>
    /// <param name="paired">Whether whole pairs of lanes (<see cref="LanePair{TLane}"/>) go first (for latency-bound
    /// recursions).</param>
    /// <param name="maxLaneBytes">The largest lane (in bytes) the kernel can take, e.g. for its stack scratch; wider
    /// lanes are skipped. At least the size of one double.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLaneBytes"/> is below the size of one double.</exception>
    public static void ForEachLane<TKernel>(ref TKernel kernel, int count, bool paired = false, int maxLaneBytes = int.MaxValue)
        where TKernel : ILaneBatchKernel, allows ref struct
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLaneBytes, sizeof(double));
        int j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            j = Stage<TKernel, Vector512Lane>(ref kernel, j, count, paired, maxLaneBytes);
        }
        if (Vector256.IsHardwareAccelerated)
        {
            j = Stage<TKernel, Vector256Lane>(ref kernel, j, count, paired, maxLaneBytes);
        }
        if (Vector128.IsHardwareAccelerated)
        {
            j = Stage<TKernel, Vector128Lane>(ref kernel, j, count, paired, maxLaneBytes);
        }
        Stage<TKernel, ScalarLane>(ref kernel, j, count, paired: false, maxLaneBytes);
    }

    /// <summary>
    /// One width of <see cref="ForEachLane{TKernel}"/>, from point <paramref name="start"/> on: whole pairs (when
    /// <paramref name="paired"/>), then whole lanes, then, if points remain and the batch holds a whole lane, one lane
    /// ending at the last point that overlaps points already done. Lane types larger than
    /// <paramref name="maxLaneBytes"/> are skipped. Returns the first point not done (count when finished).
    /// </summary>
    /// <typeparam name="TKernel">The kernel.</typeparam>
    /// <typeparam name="TLane">The lane type of this stage.</typeparam>
    /// <param name="kernel">The kernel and its arguments.</param>
    /// <param name="start">The first point not yet done.</param>
    /// <param name="count">The number of points.</param>
    /// <param name="paired">Whether whole pairs of lanes go first.</param>
    /// <param name="maxLaneBytes">The largest lane, in bytes, the kernel can take.</param>
    public static int Stage<TKernel, TLane>(ref TKernel kernel, int start, int count, bool paired, int maxLaneBytes)
        where TKernel : ILaneBatchKernel, allows ref struct
        where TLane : unmanaged, ILane<TLane>
    {
        int width = TLane.Width;
        int j = start;
        if (paired && Unsafe.SizeOf<LanePair<TLane>>() <= maxLaneBytes)
        {
            for (; j <= count - 2 * width; j += 2 * width)
            {
                kernel.Run<LanePair<TLane>>(j, 0);
            }
        }
        if (Unsafe.SizeOf<TLane>() > maxLaneBytes)
        {
            return j;
        }
        for (; j <= count - width; j += width)
        {
            kernel.Run<TLane>(j, 0);
        }
        if (j < count && count >= width)
        {
            int last = count - width;
            kernel.Run<TLane>(last, j - last);
            j = count;
        }
        return j;
    }
}
