using Ace.Core.Primitives.Quadrature;

namespace Ace.Core.Primitives.Tests.Angular;

/// <summary>
/// A product quadrature on the unit sphere for the tests: Gauss-Legendre in cos(theta) times the uniform rule in phi.
/// With n Legendre nodes and p azimuthal points it integrates exactly every Y_lm Y_l'm' with l, l' &lt;= min(n-1, (p-1)/2).
/// </summary>
internal sealed class SphereQuadrature
{
    public SphereQuadrature(int legendreNodes, int azimuthalPoints)
    {
        var rule = GaussLegendre.Create(legendreNodes);
        var nodes = rule.Nodes;
        var weights = rule.Weights;
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

    /// <summary>The Legendre polynomial P_n(t) by the three-term recursion.</summary>
    public static double Legendre(int n, double t)
    {
        double p0 = 1.0, p1 = t;
        if (n == 0)
        {
            return 1.0;
        }
        for (int k = 2; k <= n; k++)
        {
            double p2 = ((2 * k - 1) * t * p1 - (k - 1) * p0) / k;
            p0 = p1;
            p1 = p2;
        }
        return p1;
    }
}
