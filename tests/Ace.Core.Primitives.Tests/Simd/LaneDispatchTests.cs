using Ace.Core.Primitives.Simd;

namespace Ace.Core.Primitives.Tests.Simd;

/// <summary>The lane dispatcher's coverage of a batch and the lanes' tail mask.</summary>
public class LaneDispatchTests
{
    /// <summary>Records, per point, how often a lane treated it as new, and every lane's width.</summary>
    private readonly ref struct CountingKernel(int[] newVisits, List<int> widths) : ILaneBatchKernel
    {
        public void Run<TLane>(int start, int overlap)
            where TLane : unmanaged, ILane<TLane>
        {
            Assert.That(overlap, Is.InRange(0, TLane.Width - 1), "an overlapping lane still has a new point");
            widths.Add(TLane.Width);
            for (int q = overlap; q < TLane.Width; q++)
            {
                newVisits[start + q]++;
            }
        }
    }

    [Test]
    public void Every_point_is_done_exactly_once_outside_the_overlap(
        [Values(false, true)] bool paired, [Values(int.MaxValue, 16, 8)] int maxLaneBytes)
    {
        for (int count = 0; count <= 41; count++)
        {
            var visits = new int[count];
            var widths = new List<int>();
            var kernel = new CountingKernel(visits, widths);
            LaneDispatch.ForEachLane(ref kernel, count, paired, maxLaneBytes);
            Assert.That(visits, Is.All.EqualTo(1), $"count {count}");
            Assert.That(widths, Is.All.LessThanOrEqualTo(maxLaneBytes / sizeof(double)), $"count {count}: a lane wider than allowed");
        }
    }

    [Test]
    public void The_widest_accelerated_lane_finishes_a_batch_of_its_width()
    {
        var widths = new List<int>();
        var kernel = new CountingKernel(new int[64], widths);
        LaneDispatch.ForEachLane(ref kernel, 64, paired: false);
        int widest = System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? 8
            : System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated ? 4
            : System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated ? 2 : 1;
        Assert.That(widths, Is.All.EqualTo(widest));
        Assert.That(widths, Has.Count.EqualTo(64 / widest));
    }

    [Test]
    public void ZeroLeading_clears_exactly_the_leading_elements()
    {
        CheckZeroLeading<ScalarLane>();
        CheckZeroLeading<Vector128Lane>();
        CheckZeroLeading<Vector256Lane>();
        CheckZeroLeading<Vector512Lane>();
        CheckZeroLeading<LanePair<Vector256Lane>>();
        CheckZeroLeading<LanePair<LanePair<ScalarLane>>>();
    }

    private static void CheckZeroLeading<TLane>()
        where TLane : unmanaged, ILane<TLane>
    {
        int width = TLane.Width;
        var source = Enumerable.Range(1, width).Select(i => (double)i).ToArray();
        var result = new double[width];
        for (int count = -1; count <= width + 1; count++)
        {
            TLane.Store(TLane.ZeroLeading(TLane.Load(ref source[0]), count), ref result[0]);
            var expected = source.Select((v, i) => i < count ? 0.0 : v).ToArray();
            Assert.That(result, Is.EqualTo(expected), $"{typeof(TLane).Name}, count {count}");
        }
    }
}
