using Ace.Core.Serialization;

namespace Ace.Core.Interop.Yace;

/// <summary>
/// The radial functions of one bond of a .yace file, evaluated from their definition: the rank-1 basis g_k, the
/// R_nl of the higher ranks and the core repulsion, with derivatives. Immutable; evaluation writes into caller arrays.
/// </summary>
internal abstract class YaceBondRadial
{
    /// <summary>The cutoff: nothing contributes at r &gt;= Cutoff.</summary>
    public abstract double Cutoff { get; }

    /// <summary>The number of rank-1 basis functions g_k this bond defines.</summary>
    public abstract int BaseCount { get; }

    /// <summary>The number of radial functions R_n (per l) this bond defines.</summary>
    public abstract int RadialCount { get; }

    /// <summary>
    /// At distance r (0 &lt; r &lt; Cutoff): g[k], dg[k] for k &lt; BaseCount; rnl[n * lStride + l], drnl for n &lt; RadialCount,
    /// l &lt; lStride; returns the core repulsion (its derivative in <paramref name="dcore"/>).
    /// </summary>
    public abstract double Evaluate(double r, Span<double> g, Span<double> dg, Span<double> rnl, Span<double> drnl, int lStride, out double dcore);

    public static YaceBondRadial Create(YaceBond bond, string where, string? path) => bond switch
    {
        YaceAnalyticBond a => new AnalyticBondRadial(a, where, path),
        YaceSplineBond s => new SplineBondRadial(s),
        _ => throw new PotentialFormatException(path, $"{where}: unknown bond type"),
    };

    /// <summary>The smooth step that is 1 for x &lt;= x0 - delta and 0 for x &gt;= x0 (quintic in between), and its derivative.</summary>
    public static double PolynomialCutoff(double x, double x0, double delta, out double derivative)
    {
        if (x <= x0 - delta)
        {
            derivative = 0;
            return 1;
        }
        if (x >= x0)
        {
            derivative = 0;
            return 0;
        }
        double t = 1 - 2 * (1 + (x - x0) / delta);
        double t2 = t * t;
        derivative = -7.5 / delta * (0.25 - t2 / 2 + t2 * t2 / 4);
        return 0.5 + 3.75 * (t / 4 - t2 * t / 6 + t2 * t2 * t / 20);
    }
}

/// <summary>ML-PACE's analytic radial bases (ChebExpCos, ChebPow, ChebLinear, SBessel), crad and core repulsion.</summary>
internal sealed class AnalyticBondRadial : YaceBondRadial
{
    private readonly YaceAnalyticBond _bond;
    private readonly double[] _crad; // [n][l][k]
    private readonly bool _distance;

    public AnalyticBondRadial(YaceAnalyticBond bond, string where, string? path)
    {
        _bond = bond;
        if (bond.Nradbasemax < 0 || bond.Nradmax < 0 || bond.Lmax < 0)
        {
            throw new PotentialFormatException(path, $"{where}: negative nradmax, lmax or nradbasemax");
        }
        _crad = new double[bond.Nradmax * (bond.Lmax + 1) * bond.Nradbasemax];
        for (int n = 0; n < bond.Nradmax; n++)
        {
            for (int l = 0; l <= bond.Lmax; l++)
            {
                for (int k = 0; k < bond.Nradbasemax; k++)
                {
                    _crad[(n * (bond.Lmax + 1) + l) * bond.Nradbasemax + k] = bond.Radcoefficients[n][l][k];
                }
            }
        }
        _distance = bond.InnerCutoffType == "distance";
    }

    public override double Cutoff => _bond.CutoffRadius;

    public override int BaseCount => _bond.Nradbasemax;

    public override int RadialCount => _bond.Nradmax;

    public override double Evaluate(double r, Span<double> g, Span<double> dg, Span<double> rnl, Span<double> drnl, int lStride, out double dcore)
    {
        int count = _bond.Nradbasemax;
        double rc = _bond.CutoffRadius;
        if (r <= _bond.RcutIn - _bond.DcutIn || r >= rc)
        {
            g[..count].Clear();
            dg[..count].Clear();
        }
        else
        {
            switch (_bond.Radbasename)
            {
                case "ChebExpCos":
                    ChebExpCos(r, g, dg);
                    break;
                case "ChebPow":
                    ShiftedChebyshev(r, Math.Pow(1 - r / rc, _bond.Radparameters[0]), -_bond.Radparameters[0] / rc * Math.Pow(1 - r / rc, _bond.Radparameters[0] - 1), g, dg, pow: true);
                    break;
                case "ChebLinear":
                    ShiftedChebyshev(r, 1 - r / rc, -1 / rc, g, dg, pow: false);
                    break;
                default:
                    SimplifiedBessel(r, g, dg);
                    break;
            }
            if (_distance)
            {
                double fc = 1 - PolynomialCutoff(r, _bond.RcutIn, _bond.DcutIn, out double dfc);
                dfc = -dfc;
                for (int k = 0; k < count; k++)
                {
                    dg[k] = dg[k] * fc + g[k] * dfc;
                    g[k] *= fc;
                }
            }
        }
        int lCount = _bond.Lmax + 1;
        for (int n = 0; n < _bond.Nradmax; n++)
        {
            for (int l = 0; l < lStride; l++)
            {
                double v = 0, d = 0;
                if (l < lCount)
                {
                    var c = _crad.AsSpan((n * lCount + l) * count, count);
                    for (int k = 0; k < count; k++)
                    {
                        v += c[k] * g[k];
                        d += c[k] * dg[k];
                    }
                }
                rnl[n * lStride + l] = v;
                drnl[n * lStride + l] = d;
            }
        }
        return Core(r, out dcore);
    }

    // pre exp(-lambda r^2) / r times the cosine envelope of the outer cutoff; with the distance inner cutoff, only inside it.
    private double Core(double r, out double dcore)
    {
        double pre = Math.Abs(_bond.Prehc), lambda = Math.Abs(_bond.Lambdahc);
        dcore = 0;
        if (pre == 0 || lambda * r * r >= 50.0)
        {
            return 0;
        }
        double rc = _bond.CutoffRadius;
        double y = Math.Exp(-lambda * r * r);
        double cr = pre * y / r;
        double dcr = -pre * y * (2 * lambda * r * r + 1) / (r * r);
        double env = 0.5 * (1 + Math.Cos(Math.PI * r / rc));
        double denv = -0.5 * Math.Sin(Math.PI * r / rc) * Math.PI / rc;
        dcr = cr * denv + dcr * env;
        cr *= env;
        if (_distance)
        {
            double fc = PolynomialCutoff(r, _bond.RcutIn, _bond.DcutIn, out double dfc);
            dcr = dcr * fc + cr * dfc;
            cr *= fc;
        }
        dcore = dcr;
        return cr;
    }

    private void ChebExpCos(double r, Span<double> g, Span<double> dg)
    {
        int count = _bond.Nradbasemax;
        double lambda = _bond.Radparameters[0], rc = _bond.CutoffRadius;
        double y1 = Math.Exp(-lambda * r / rc), y2 = Math.Exp(-lambda);
        double x = 1 - 2 * (y1 - y2) / (1 - y2);
        double dx = 2 * (lambda / rc) * y1 / (1 - y2);
        double tPrev = 1, t = x, dtPrev = 0, dt = 1; // T_0, T_1 and d/dx
        for (int k = 0; k < count; k++)
        {
            double tk, dtk;
            if (k == 0)
            {
                tk = 1;
                dtk = 0;
            }
            else if (k == 1)
            {
                tk = t;
                dtk = dt;
            }
            else
            {
                tk = 2 * x * t - tPrev;
                dtk = 2 * t + 2 * x * dt - dtPrev;
                (tPrev, t, dtPrev, dt) = (t, tk, dt, dtk);
            }
            g[k] = k == 0 ? 1 : 0.5 - 0.5 * tk;
            dg[k] = k == 0 ? 0 : -0.5 * dtk * dx;
        }
        double env = 0.5 * (1 + Math.Cos(Math.PI * r / rc));
        double denv = -0.5 * Math.Sin(Math.PI * r / rc) * Math.PI / rc;
        double dcut = _bond.Dcut;
        double taper = 1, dtaper = 0;
        if (dcut > 0 && r > rc - dcut)
        {
            taper = 0.5 * (1 + Math.Cos(Math.PI * (r - rc + dcut) / dcut));
            dtaper = -0.5 * Math.Sin(Math.PI * (r - rc + dcut) / dcut) * Math.PI / dcut;
        }
        double f = env * taper, df = denv * taper + env * dtaper;
        for (int k = 0; k < count; k++)
        {
            dg[k] = g[k] * df + dg[k] * f;
            g[k] *= f;
        }
    }

    // g_(n-1) = (1 - T_n(x)) / 2 for n = 1 .. count with x = 1 - 2 u (pow) or x = u (linear), u and du/dr given.
    private void ShiftedChebyshev(double r, double u, double du, Span<double> g, Span<double> dg, bool pow)
    {
        _ = r;
        int count = _bond.Nradbasemax;
        double x = pow ? 1 - 2 * u : u;
        double dx = pow ? -2 * du : du;
        double tPrev = 1, t = x, dtPrev = 0, dt = 1;
        for (int n = 1; n <= count; n++)
        {
            if (n >= 2)
            {
                double tn = 2 * x * t - tPrev;
                double dtn = 2 * t + 2 * x * dt - dtPrev;
                (tPrev, t, dtPrev, dt) = (t, tn, dt, dtn);
            }
            g[n - 1] = 0.5 - 0.5 * t;
            dg[n - 1] = -0.5 * dt * dx;
        }
    }

    // The simplified spherical Bessel basis of Kocer et al. (2019), orthogonalised by its recursion.
    private void SimplifiedBessel(double r, Span<double> g, Span<double> dg)
    {
        int count = _bond.Nradbasemax;
        double rc = _bond.CutoffRadius;
        double dPrev = 1;
        for (int n = 0; n < count; n++)
        {
            double f = Aux(r, rc, n, out double df);
            if (n == 0)
            {
                g[0] = f;
                dg[0] = df;
                continue;
            }
            double e = (double)n * n * (n + 2.0) * (n + 2.0) / (4 * Math.Pow(n + 1.0, 4) + 1);
            double d = 1 - e / dPrev;
            double s = Math.Sqrt(e / dPrev);
            g[n] = (f + s * g[n - 1]) / Math.Sqrt(d);
            dg[n] = (df + s * dg[n - 1]) / Math.Sqrt(d);
            dPrev = d;
        }
    }

    private static double Aux(double r, double rc, int n, out double derivative)
    {
        double pre = ((n & 1) == 0 ? 1.0 : -1.0) * Math.Sqrt(2) * Math.PI / Math.Pow(rc, 1.5) * (n + 1.0) * (n + 2.0)
            / Math.Sqrt((n + 1.0) * (n + 1.0) + (n + 2.0) * (n + 2.0));
        double a = (n + 1) * Math.PI / rc, b = (n + 2) * Math.PI / rc;
        derivative = pre * (DSinc(r * a) * a + DSinc(r * b) * b);
        return pre * (Sinc(r * a) + Sinc(r * b));
    }

    private static double Sinc(double x) => x != 0 ? Math.Sin(x) / x : 1;

    private static double DSinc(double x) => x != 0 ? (Math.Cos(x) * x - Math.Sin(x)) / (x * x) : 0;
}

/// <summary>The tabulated form: cubic Hermite interpolation of nodal values and derivatives, R_nl = g_n for every l.</summary>
internal sealed class SplineBondRadial : YaceBondRadial
{
    private readonly double[] _coefficients; // [bin][k][4]
    private readonly int _count;
    private readonly int _bins;
    private readonly double _scale;

    public SplineBondRadial(YaceSplineBond bond)
    {
        _count = bond.Nradial;
        _bins = bond.Nbins;
        Cutoff = bond.CutoffRadius;
        _scale = _bins / bond.CutoffRadius;
        double h = bond.CutoffRadius / _bins;
        _coefficients = new double[_bins * _count * 4];
        for (int i = 0; i < _bins; i++)
        {
            for (int k = 0; k < _count; k++)
            {
                double f0 = bond.NodalValues[k][i], f1 = bond.NodalValues[k][i + 1];
                double d0 = bond.NodalDerivatives[k][i] * h, d1 = bond.NodalDerivatives[k][i + 1] * h;
                int o = (i * _count + k) * 4;
                _coefficients[o] = f0;
                _coefficients[o + 1] = d0;
                _coefficients[o + 2] = 3 * (f1 - f0) - d1 - 2 * d0;
                _coefficients[o + 3] = -2 * (f1 - f0) + d1 + d0;
            }
        }
    }

    public override double Cutoff { get; }

    public override int BaseCount => _count;

    public override int RadialCount => _count;

    public override double Evaluate(double r, Span<double> g, Span<double> dg, Span<double> rnl, Span<double> drnl, int lStride, out double dcore)
    {
        double x = r * _scale;
        int bin = (int)Math.Floor(x);
        if (bin < 0 || bin >= _bins)
        {
            g[.._count].Clear();
            dg[.._count].Clear();
        }
        else
        {
            double w = x - bin;
            for (int k = 0; k < _count; k++)
            {
                int o = (bin * _count + k) * 4;
                double c0 = _coefficients[o], c1 = _coefficients[o + 1], c2 = _coefficients[o + 2], c3 = _coefficients[o + 3];
                g[k] = c0 + w * (c1 + w * (c2 + w * c3));
                dg[k] = (c1 + w * (2 * c2 + w * 3 * c3)) * _scale;
            }
        }
        for (int n = 0; n < _count; n++)
        {
            for (int l = 0; l < lStride; l++)
            {
                rnl[n * lStride + l] = g[n];
                drnl[n * lStride + l] = dg[n];
            }
        }
        dcore = 0;
        return 0;
    }
}
