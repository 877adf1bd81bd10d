namespace Ace.Core.Primitives.Tests.Angular;

/// <summary>
/// Collects the largest scaled deviation |actual - expected| / scale over many comparisons and where it happened,
/// so a test with hundreds of thousands of comparisons asserts once (NUnit asserts are costly in tight loops).
/// </summary>
internal sealed class WorstDeviation
{
    public double Value { get; private set; }

    public string Where { get; private set; } = "nowhere";

    public void Add(double actual, double expected, double scale, Func<string> where)
    {
        double deviation = Math.Abs(actual - expected) / scale;
        if (!(deviation <= Value))
        {
            Value = double.IsNaN(deviation) ? double.PositiveInfinity : deviation;
            Where = $"{where()}: {actual:R} vs {expected:R}";
        }
    }

    public void AssertBelow(double tolerance) =>
        Assert.That(Value, Is.LessThanOrEqualTo(tolerance), () => $"largest deviation at {Where}");
}
