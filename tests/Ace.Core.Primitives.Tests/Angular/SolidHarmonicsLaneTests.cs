using Ace.Core.Primitives.Angular;
using Ace.Core.Primitives.Simd;
using Ace.Core.TestUtilities;

namespace Ace.Core.Primitives.Tests.Angular;

/// <summary>
/// Every lane type the batch dispatcher may choose, run explicitly (whether or not this machine would select it),
/// against the single-point reference path.
/// </summary>
public class SolidHarmonicsLaneTests
{
    private const int Count = 37;

    private static IEnumerable<TestCaseData> Lanes()
    {
        yield return new TestCaseData((Func<int, double[], double[], double[], double[], int>)Values<ScalarLane>,
            (Func<int, double[], double[], double[], double[][], int>)Gradients<ScalarLane>).SetArgDisplayNames("scalar");
        yield return new TestCaseData((Func<int, double[], double[], double[], double[], int>)Values<Vector128Lane>,
            (Func<int, double[], double[], double[], double[][], int>)Gradients<Vector128Lane>).SetArgDisplayNames("Vector128");
        yield return new TestCaseData((Func<int, double[], double[], double[], double[], int>)Values<LanePair<Vector128Lane>>,
            (Func<int, double[], double[], double[], double[][], int>)Gradients<LanePair<Vector128Lane>>).SetArgDisplayNames("2 x Vector128");
        yield return new TestCaseData((Func<int, double[], double[], double[], double[], int>)Values<Vector256Lane>,
            (Func<int, double[], double[], double[], double[][], int>)Gradients<Vector256Lane>).SetArgDisplayNames("Vector256");
        yield return new TestCaseData((Func<int, double[], double[], double[], double[], int>)Values<LanePair<Vector256Lane>>,
            (Func<int, double[], double[], double[], double[][], int>)Gradients<LanePair<Vector256Lane>>).SetArgDisplayNames("2 x Vector256");
        yield return new TestCaseData((Func<int, double[], double[], double[], double[], int>)Values<Vector512Lane>,
            (Func<int, double[], double[], double[], double[][], int>)Gradients<Vector512Lane>).SetArgDisplayNames("Vector512");
        yield return new TestCaseData((Func<int, double[], double[], double[], double[], int>)Values<LanePair<Vector512Lane>>,
            (Func<int, double[], double[], double[], double[][], int>)Gradients<LanePair<Vector512Lane>>).SetArgDisplayNames("2 x Vector512");
    }

    /// <summary>Runs one lane type from point 0 (the last lane overlapping), then the scalar lane on the rest; returns how
    /// many points the lane did.</summary>
    private static int Values<TLane>(int lMax, double[] x, double[] y, double[] z, double[] values)
        where TLane : unmanaged, ILane<TLane>
    {
        var kernel = new HarmonicValueLanes(SphericalHarmonicsCoefficients.ForDegree(lMax), lMax, x, y, z, values, x.Length);
        int j = LaneDispatch.Stage<HarmonicValueLanes, TLane>(ref kernel, 0, x.Length, paired: false, int.MaxValue);
        LaneDispatch.Stage<HarmonicValueLanes, ScalarLane>(ref kernel, j, x.Length, paired: false, int.MaxValue);
        return j;
    }

    private static int Gradients<TLane>(int lMax, double[] x, double[] y, double[] z, double[][] outputs)
        where TLane : unmanaged, ILane<TLane>
    {
        var scratch = new byte[SolidHarmonicsKernel.GradientScratchLength(lMax) * 128];
        var kernel = new HarmonicGradientLanes(SphericalHarmonicsCoefficients.ForDegree(lMax), lMax, x, y, z,
            outputs[0], outputs[1], outputs[2], outputs[3], x.Length, scratch);
        int j = LaneDispatch.Stage<HarmonicGradientLanes, TLane>(ref kernel, 0, x.Length, paired: false, int.MaxValue);
        LaneDispatch.Stage<HarmonicGradientLanes, ScalarLane>(ref kernel, j, x.Length, paired: false, int.MaxValue);
        return j;
    }

    [TestCaseSource(nameof(Lanes))]
    public void Lane_kernels_agree_with_the_single_point_path(
        Func<int, double[], double[], double[], double[], int> values,
        Func<int, double[], double[], double[], double[][], int> gradients)
    {
        var random = new Random(9);
        double[] x = new double[Count], y = new double[Count], z = new double[Count];
        for (int j = 0; j < Count; j++)
        {
            (x[j], y[j], z[j]) = RandomGeometry.PointInShell(random, 0.1, 5.0);
        }
        foreach (int lMax in new[] { 0, 1, 6, 20 })
        {
            int n = RealSphericalHarmonics.Count(lMax);
            var batchValues = new double[n * Count];
            var outputs = new[] { new double[n * Count], new double[n * Count], new double[n * Count], new double[n * Count] };
            int done = values(lMax, x, y, z, batchValues);
            Assert.That(gradients(lMax, x, y, z, outputs), Is.EqualTo(done));
            Assert.That(done, Is.EqualTo(Count), "the lane under test evaluated every point (the last lane overlapping)");

            double[] v = new double[n], gx = new double[n], gy = new double[n], gz = new double[n];
            var worst = new WorstDeviation();
            for (int j = 0; j < Count; j++)
            {
                RealSphericalHarmonics.EvaluateWithGradients(lMax, x[j], y[j], z[j], v, gx, gy, gz);
                for (int k = 0; k < n; k++)
                {
                    double scale = Math.Max(1.0, Math.Abs(gx[k]) + Math.Abs(gy[k]) + Math.Abs(gz[k]));
                    worst.Add(batchValues[k * Count + j], v[k], 1.0, () => $"lMax {lMax}: Y_{k} (value kernel) at point {j}");
                    worst.Add(outputs[0][k * Count + j], v[k], 1.0, () => $"lMax {lMax}: Y_{k} (gradient kernel) at point {j}");
                    worst.Add(outputs[1][k * Count + j], gx[k], scale, () => $"lMax {lMax}: dY_{k}/dx at point {j}");
                    worst.Add(outputs[2][k * Count + j], gy[k], scale, () => $"lMax {lMax}: dY_{k}/dy at point {j}");
                    worst.Add(outputs[3][k * Count + j], gz[k], scale, () => $"lMax {lMax}: dY_{k}/dz at point {j}");
                }
            }
            worst.AssertBelow(1e-13);
        }
    }
}
