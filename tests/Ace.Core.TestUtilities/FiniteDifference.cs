namespace Ace.Core.TestUtilities;

/// <summary>Central finite differences for gradient checks.</summary>
public static class FiniteDifference
{
    /// <summary>The fourth-order central difference (f(x-2h) - 8f(x-h) + 8f(x+h) - f(x+2h)) / 12h.</summary>
    public static double Derivative(Func<double, double> f, double x, double h = 1e-5) =>
        (f(x - 2 * h) - 8 * f(x - h) + 8 * f(x + h) - f(x + 2 * h)) / (12 * h);

    /// <summary>Relative difference |a - b| / max(|a|, |b|, floor).</summary>
    public static double RelativeError(double a, double b, double floor = 1.0) =>
        Math.Abs(a - b) / Math.Max(Math.Max(Math.Abs(a), Math.Abs(b)), floor);
}
