using Ace.Core.Primitives.Angular;

namespace Ace.Core.Primitives.Tests.Angular;

/// <summary>Bad input throws an ArgumentException naming the argument, the value and (for batches) the point.</summary>
public class RealSphericalHarmonicsInputTests
{
    private static readonly double[] Buffer = new double[RealSphericalHarmonics.Count(4) * 8];

    [TestCase(-1)]
    [TestCase(RealSphericalHarmonics.MaxLMax + 1)]
    public void Degree_out_of_range_is_rejected(int lMax)
    {
        var single = Assert.Throws<ArgumentOutOfRangeException>(() => RealSphericalHarmonics.Evaluate(lMax, 1, 0, 0, Buffer));
        Assert.That(single!.ParamName, Is.EqualTo("lMax"));
        Assert.That(single.Message, Does.Contain(lMax.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var batch = Assert.Throws<ArgumentOutOfRangeException>(() =>
            RealSphericalHarmonics.EvaluateWithGradients(lMax, new double[1], new double[1], new double[1], Buffer, Buffer, Buffer, Buffer));
        Assert.That(batch!.ParamName, Is.EqualTo("lMax"));
    }

    [TestCase(0.0, 0.0, 0.0, "x", "zero vector")]
    [TestCase(double.NaN, 1.0, 0.0, "x", "NaN")]
    [TestCase(1.0, double.PositiveInfinity, 0.0, "y", "Infinity")]
    [TestCase(1.0, 2.0, double.NegativeInfinity, "z", "-Infinity")]
    [TestCase(1e-170, 0.0, 0.0, "x", "1E-170")]
    [TestCase(1e170, 0.0, 0.0, "x", "1E+170")]
    [TestCase(1e-160, 0.0, 0.0, "x", "1E-160")]
    public void Zero_or_non_finite_vector_is_rejected(double x, double y, double z, string parameter, string text)
    {
        var single = Assert.Throws<ArgumentException>(() => RealSphericalHarmonics.Evaluate(2, x, y, z, Buffer));
        Assert.That(single!.ParamName, Is.EqualTo(parameter));
        Assert.That(single.Message, Does.Contain(text));
        var withGradients = Assert.Throws<ArgumentException>(() =>
            RealSphericalHarmonics.EvaluateWithGradients(2, x, y, z, Buffer, Buffer, Buffer, Buffer));
        Assert.That(withGradients!.ParamName, Is.EqualTo(parameter));
    }

    [TestCase(0)]
    [TestCase(5)]
    [TestCase(6)]
    public void Batch_names_the_bad_point(int badPoint)
    {
        double[] x = [1, 2, 3, 4, 5, 6, 7], y = new double[7], z = new double[7];
        x[badPoint] = 0;
        var values = Assert.Throws<ArgumentException>(() => RealSphericalHarmonics.Evaluate(3, x, y, z, Buffer));
        Assert.That(values!.Message, Does.Contain($"point {badPoint}").And.Contain("zero vector"));
        Assert.That(values.ParamName, Is.EqualTo("x"));
        y[badPoint] = double.NaN;
        var gradients = Assert.Throws<ArgumentException>(() => RealSphericalHarmonics.EvaluateWithGradients(3, x, y, z, Buffer, Buffer, Buffer, Buffer));
        Assert.That(gradients!.Message, Does.Contain($"point {badPoint}").And.Contain("NaN"));
        Assert.That(gradients.ParamName, Is.EqualTo("y"));
    }

    [Test]
    public void Short_output_spans_are_rejected_with_their_names_and_lengths()
    {
        int needed = RealSphericalHarmonics.Count(3);
        var small = new double[needed - 1];
        var big = new double[needed];
        var e = Assert.Throws<ArgumentException>(() => RealSphericalHarmonics.Evaluate(3, 1, 2, 3, small));
        Assert.That(e!.ParamName, Is.EqualTo("values"));
        Assert.That(e.Message, Does.Contain($"{needed - 1}").And.Contain($"{needed}"));
        e = Assert.Throws<ArgumentException>(() => RealSphericalHarmonics.EvaluateWithGradients(3, 1, 2, 3, big, big, small, big));
        Assert.That(e!.ParamName, Is.EqualTo("gradY"));

        double[] x = [1, 2], y = [0, 0], z = [0, 0];
        e = Assert.Throws<ArgumentException>(() => RealSphericalHarmonics.Evaluate(3, x, y, z, new double[2 * needed - 1]));
        Assert.That(e!.ParamName, Is.EqualTo("values"));
        e = Assert.Throws<ArgumentException>(() =>
            RealSphericalHarmonics.EvaluateWithGradients(3, x, y, z, new double[2 * needed], new double[2 * needed], new double[2 * needed], new double[needed]));
        Assert.That(e!.ParamName, Is.EqualTo("gradZ"));
    }

    [Test]
    public void Batch_coordinate_spans_of_different_lengths_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => RealSphericalHarmonics.Evaluate(1, new double[3], new double[2], new double[3], Buffer));
        Assert.That(e!.ParamName, Is.EqualTo("y"));
        e = Assert.Throws<ArgumentException>(() => RealSphericalHarmonics.Evaluate(1, new double[3], new double[3], new double[4], Buffer));
        Assert.That(e!.ParamName, Is.EqualTo("z"));
    }
}
