namespace Ace.Core.Primitives.Tests.Angular;

/// <summary>
/// A product quadrature on the unit sphere for the tests: Gauss-Legendre in cos(theta) times the uniform rule in phi.
/// With n Legendre nodes and p azimuthal points it integrates exactly every Y_lm Y_l'm' with l, l' &lt;= min(n-1, (p-1)/2).
/// (Kept inside the tests; the library's own Gauss quadrature lives with the radial bases.)
/// </summary>
internal sealed class SphereQuadrature
{
    public SphereQuadrature(int legendreNodes, int azimuthalPoints)
    {
        var (nodes, weights) = GaussLegendre(legendreNodes);
        int count = legendreNodes * azimuthalPoints;
        X = new double[count];
        Y = new double[count];
        Z = new double[count];
        Weights = new double[count];
        int k = 0;
        for (int i = 0; i < legendreNodes; i++)
        {
            double cosTheta = nodes[i], sinTheta = Math.Sqrt(1.0 - cosTheta * cosTheta);
            for (int j = 0; j < azimuthalPoints; j++, k++)
            {
                double phi = 2.0 * Math.PI * (j + 0.5) / azimuthalPoints;
                X[k] = sinTheta * Math.Cos(phi);
                Y[k] = sinTheta * Math.Sin(phi);
                Z[k] = cosTheta;
                Weights[k] = weights[i] * 2.0 * Math.PI / azimuthalPoints;
            }
        }
    }

    public double[] X { get; }

    public double[] Y { get; }

    public double[] Z { get; }

    public double[] Weights { get; }

    public int Count => Weights.Length;

    /// <summary>Gauss-Legendre nodes and weights on [-1, 1] by Newton's method on P_n.</summary>
    public static (double[] Nodes, double[] Weights) GaussLegendre(int n)
    {
        var nodes = new double[n];
        var weights = new double[n];
        for (int i = 0; i < n; i++)
        {
            double t = Math.Cos(Math.PI * (i + 0.75) / (n + 0.5));
            double derivative = 0;
            for (int iteration = 0; iteration < 100; iteration++)
            {
                (double p, double dp) = LegendreWithDerivative(n, t);
                derivative = dp;
                double step = p / dp;
                t -= step;
                if (Math.Abs(step) < 1e-16)
                {
                    break;
                }
            }
            derivative = LegendreWithDerivative(n, t).Derivative;
            nodes[i] = t;
            weights[i] = 2.0 / ((1.0 - t * t) * derivative * derivative);
        }
        return (nodes, weights);
    }

    /// <summary>The Legendre polynomial P_n(t) and its derivative, by the three-term recursion.</summary>
    public static (double Value, double Derivative) LegendreWithDerivative(int n, double t)
    {
        double p0 = 1.0, p1 = t;
        if (n == 0)
        {
            return (1.0, 0.0);
        }
        for (int k = 2; k <= n; k++)
        {
            double p2 = ((2 * k - 1) * t * p1 - (k - 1) * p0) / k;
            p0 = p1;
            p1 = p2;
        }
        return (p1, n * (t * p1 - p0) / (t * t - 1.0));
    }
}
