namespace Ace.Core.Interop.Yace;

/// <summary>
/// The embedding of one center species of a .yace potential, E = F(rho) f_cut(rho_core) + rho_core, from its definition:
/// F = sum_p w_p F_m_p(rho_p) with the "FinnisSinclair" or "FinnisSinclairShiftedScaled" one-dimensional functions, and
/// f_cut the smooth switch-off of the ACE energy above the core density rho_core_cutoff.
/// </summary>
internal sealed class YaceEmbeddingFunction(YaceEmbedding embedding)
{
    private readonly bool _shiftedScaled = embedding.Npoti == "FinnisSinclairShiftedScaled";

    public int DensityCount => embedding.Ndensity;

    /// <summary>The site energy without E0; <paramref name="dEdRho"/> receives dE/drho_p, <paramref name="dEdCore"/> dE/drho_core.</summary>
    public double Energy(ReadOnlySpan<double> rho, double core, Span<double> dEdRho, out double dEdCore)
    {
        double f = 0;
        for (int p = 0; p < embedding.Ndensity; p++)
        {
            double w = embedding.FsParameters[2 * p], m = embedding.FsParameters[2 * p + 1];
            double value = _shiftedScaled ? ShiftedScaled(rho[p], m, out double d) : FinnisSinclair(rho[p], m, out d);
            f += w * value;
            dEdRho[p] = w * d;
        }
        double cut = CoreCutoff(core, out double dcut);
        for (int p = 0; p < embedding.Ndensity; p++)
        {
            dEdRho[p] *= cut;
        }
        dEdCore = f * dcut + 1;
        return f * cut + core;
    }

    private double CoreCutoff(double core, out double derivative)
    {
        double cut = embedding.RhoCoreCutoff, delta = embedding.DrhoCoreCutoff;
        if (core >= cut)
        {
            derivative = 0;
            return 0;
        }
        if (core <= cut - delta)
        {
            derivative = 0;
            return 1;
        }
        return YaceBondRadial.PolynomialCutoff(core, cut, delta, out derivative);
    }

    // sign(x) ((1 - exp(-(w x)^3)) |x|^m + w^(1-m) exp(-(w x)^3) |x|) with w = 1e6: |x|^m smoothed to linear near 0.
    private static double FinnisSinclair(double x, double m, out double derivative)
    {
        const double w = 1e6;
        double lambda = Math.Pow(1.0 / w, m - 1.0);
        double a = Math.Abs(x);
        if (a <= 1e-10)
        {
            derivative = lambda;
            return lambda * x;
        }
        double am = Math.Pow(a, m);
        double w3x3 = Math.Pow(w * a, 3);
        double g = w3x3 > 30.0 ? 0.0 : Math.Exp(-w3x3);
        double dg = -3.0 * w * w * w * a * a * g;
        derivative = m * Math.Pow(a, m - 1.0) * (1 - g) - am * dg + lambda * dg * a + lambda * g;
        return Math.Sign(x) * ((1 - g) * am + lambda * g * a);
    }

    // sign(x) ((x_off + |x|)^m - y_off) with offsets exp(-|x|) scaled so that F is smooth and linear at 0; F = x for m = 1.
    private static double ShiftedScaled(double x, double m, out double derivative)
    {
        if (Math.Abs(m - 1.0) < 1e-10)
        {
            derivative = 1;
            return x;
        }
        double a = Math.Abs(x);
        double e = Math.Exp(-a);
        double nx = 1.0 / m;
        double xoff = Math.Pow(nx, nx / (1.0 - nx)) * e;
        double yoff = Math.Pow(nx, 1.0 / (1.0 - nx)) * e;
        derivative = yoff + m * (1.0 - xoff) * Math.Pow(xoff + a, m - 1.0);
        return (x < 0 ? -1 : 1) * (Math.Pow(xoff + a, m) - yoff);
    }
}
