using System.Globalization;

namespace Ace.Core.Interop.Yace;

/// <summary>
/// Tabulates radial functions for cubic Hermite interpolation on equally spaced nodes r_i = i rcut / bins (the scheme ML-PACE
/// uses for all its radial tables): chooses the number of bins so that the interpolation error between the nodes, measured
/// at three points per bin, stays below a relative tolerance, with every given inner cutoff on a node (functions that end
/// there are only once differentiable across it).
/// </summary>
internal static class RadialTabulation
{
    /// <summary>The bin width the search starts from (ML-PACE's default deltaSplineBins).</summary>
    public const double StartBinWidth = 0.001;

    private static readonly double[] Probes = [0.5 - 0.5 / Math.Sqrt(3), 0.5, 0.5 + 0.5 / Math.Sqrt(3)];

    /// <summary>A function family: count functions, evaluate(r, values, derivatives).</summary>
    public delegate void Family(double r, Span<double> values, Span<double> derivatives);

    /// <summary>The chosen table: nodal values and derivatives [k][i], the bins and the measured error.</summary>
    public sealed record Table(int Bins, double Cutoff, double[][] Values, double[][] Derivatives, double MaxRelativeError);

    /// <summary>Tabulates <paramref name="count"/> functions on [0, <paramref name="cutoff"/>] to the tolerance.</summary>
    /// <exception cref="InvalidOperationException">The tolerance needs more than <paramref name="maxBins"/> bins.</exception>
    public static Table Create(Family family, int count, double cutoff, IEnumerable<double> innerCutoffs, double tolerance, int maxBins, string what)
    {
        int step = AlignmentStep(cutoff, innerCutoffs);
        int bins = AlignUp((int)Math.Ceiling(cutoff / StartBinWidth), step);
        Table? best = null;
        for (int attempt = 0; ; attempt++)
        {
            var table = Build(family, count, cutoff, bins);
            if (table.MaxRelativeError <= tolerance)
            {
                return table;
            }
            // Below about 1e-11 the error stops falling: the nodal values' rounding, amplified by 1/h, takes over.
            bool improving = best is null || table.MaxRelativeError < 0.7 * best.MaxRelativeError;
            if (best is null || table.MaxRelativeError < best.MaxRelativeError)
            {
                best = table;
            }
            double factor = Math.Clamp(1.1 * Math.Pow(table.MaxRelativeError / tolerance, 1.0 / 3.0), 1.25, 8.0);
            int next = AlignUp((int)Math.Ceiling(bins * factor), step);
            if (!improving || next > maxBins || attempt >= 12)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"{what}: the best table, {best.Bins} bins of {cutoff / best.Bins:G4} A, interpolates the radial functions to {best.MaxRelativeError:G3} (relative), above the tolerance {tolerance:G3} ({(improving ? $"more than {maxBins} bins would be needed" : "finer grids are limited by rounding")}). Relax the tolerance{(improving ? " or raise the bin limit" : "")}."));
            }
            bins = next;
        }
    }

    /// <summary>Measures the interpolation error of <paramref name="bins"/> bins without keeping a table.</summary>
    public static Table Build(Family family, int count, double cutoff, int bins)
    {
        double h = cutoff / bins;
        var values = new double[count][];
        var derivatives = new double[count][];
        for (int k = 0; k < count; k++)
        {
            values[k] = new double[bins + 1];
            derivatives[k] = new double[bins + 1];
        }
        var v = new double[count];
        var d = new double[count];
        for (int i = 0; i <= bins; i++)
        {
            double r = i == bins ? cutoff : i * h;
            family(r, v, d);
            for (int k = 0; k < count; k++)
            {
                values[k][i] = double.IsFinite(v[k]) ? v[k] : 0;
                derivatives[k][i] = double.IsFinite(d[k]) ? d[k] : 0;
            }
        }
        var scaleValue = new double[count];
        var scaleDerivative = new double[count];
        for (int k = 0; k < count; k++)
        {
            for (int i = 1; i <= bins; i++)
            {
                scaleValue[k] = Math.Max(scaleValue[k], Math.Abs(values[k][i]));
                scaleDerivative[k] = Math.Max(scaleDerivative[k], Math.Abs(derivatives[k][i]));
            }
        }
        double worst = 0;
        for (int i = 1; i < bins; i++)
        {
            foreach (double t in Probes)
            {
                double r = (i + t) * h;
                family(r, v, d);
                for (int k = 0; k < count; k++)
                {
                    if (scaleValue[k] == 0)
                    {
                        continue;
                    }
                    double f0 = values[k][i], f1 = values[k][i + 1], d0 = derivatives[k][i] * h, d1 = derivatives[k][i + 1] * h;
                    double c2 = 3 * (f1 - f0) - d1 - 2 * d0, c3 = -2 * (f1 - f0) + d1 + d0;
                    double s = f0 + t * (d0 + t * (c2 + t * c3));
                    double ds = (d0 + t * (2 * c2 + t * 3 * c3)) / h;
                    worst = Math.Max(worst, Math.Abs(s - v[k]) / scaleValue[k]);
                    if (scaleDerivative[k] > 0)
                    {
                        worst = Math.Max(worst, Math.Abs(ds - d[k]) / scaleDerivative[k]);
                    }
                }
            }
        }
        return new Table(bins, cutoff, values, derivatives, worst);
    }

    // The smallest q such that q * c / cutoff is an integer (to 1e-12) for every inner cutoff c; 1 when none is found.
    private static int AlignmentStep(double cutoff, IEnumerable<double> innerCutoffs)
    {
        int step = 1;
        foreach (double c in innerCutoffs)
        {
            if (!(c > 0) || c >= cutoff * (1 - 1e-14))
            {
                continue;
            }
            double ratio = c / cutoff;
            for (int q = 1; q <= 10000; q++)
            {
                double x = q * ratio;
                if (Math.Abs(x - Math.Round(x)) <= 1e-12 * q)
                {
                    step = Lcm(step, q);
                    break;
                }
            }
        }
        return step;
    }

    private static int AlignUp(int bins, int step) => (bins + step - 1) / step * step;

    private static int Lcm(int a, int b)
    {
        int x = a, y = b;
        while (y != 0)
        {
            (x, y) = (y, x % y);
        }
        return checked(a / x * b);
    }
}
