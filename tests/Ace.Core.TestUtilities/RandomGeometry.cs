namespace Ace.Core.TestUtilities;

/// <summary>Random rotations, reflections and point clouds for invariance tests.</summary>
public static class RandomGeometry
{
    /// <summary>A uniformly distributed random rotation matrix (row-major 3x3), from a random unit quaternion.</summary>
    public static double[,] Rotation(Random random)
    {
        double a, b, c, d, n;
        do
        {
            a = Gaussian(random); b = Gaussian(random); c = Gaussian(random); d = Gaussian(random);
            n = Math.Sqrt(a * a + b * b + c * c + d * d);
        }
        while (n < 1e-8);
        a /= n; b /= n; c /= n; d /= n;
        return new double[,]
        {
            { a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c) },
            { 2 * (b * c + a * d), a * a - b * b + c * c - d * d, 2 * (c * d - a * b) },
            { 2 * (b * d - a * c), 2 * (c * d + a * b), a * a - b * b - c * c + d * d },
        };
    }

    /// <summary>A random orthogonal matrix with determinant -1 (a rotation followed by the inversion).</summary>
    public static double[,] Reflection(Random random)
    {
        var q = Rotation(random);
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                q[i, j] = -q[i, j];
            }
        }
        return q;
    }

    /// <summary>Applies the 3x3 matrix <paramref name="q"/> to the vector (x, y, z).</summary>
    public static (double X, double Y, double Z) Apply(double[,] q, double x, double y, double z) =>
        (q[0, 0] * x + q[0, 1] * y + q[0, 2] * z,
         q[1, 0] * x + q[1, 1] * y + q[1, 2] * z,
         q[2, 0] * x + q[2, 1] * y + q[2, 2] * z);

    /// <summary>A standard normal sample (Box-Muller).</summary>
    public static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A random point uniformly distributed in the shell rMin &lt; |r| &lt; rMax.</summary>
    public static (double X, double Y, double Z) PointInShell(Random random, double rMin, double rMax)
    {
        double x, y, z, n;
        do
        {
            x = Gaussian(random); y = Gaussian(random); z = Gaussian(random);
            n = Math.Sqrt(x * x + y * y + z * z);
        }
        while (n < 1e-8);
        double r = Math.Cbrt(rMin * rMin * rMin + random.NextDouble() * (rMax * rMax * rMax - rMin * rMin * rMin));
        return (x / n * r, y / n * r, z / n * r);
    }
}
