using System.Globalization;
using Ace.Core.Primitives.Radial;
using Ace.Core.Primitives.Transforms;
using Ace.Core.Solvers;

namespace Ace.Core.Interop.Yace;

/// <summary>
/// Re-expands radial functions of any family in ML-PACE's analytic ChebExpCos basis g_0 .. g_(K-1) (on [0, cutoff]
/// these span env(r) times the polynomials of degree below K in x(r), with x the scaled exponential map of [0, cutoff]
/// onto [-1, 1] and env the cosine envelope), so that upstream ML-PACE reads them: least squares at points spaced as
/// Chebyshev nodes in x over [inner, cutoff], the degree raised until the error measured on a dense grid (values and
/// derivatives, relative to each function's largest value and largest derivative) is below the tolerance.
/// </summary>
internal static class RadialExpansion
{
    /// <summary>The fitted coefficients [function][k], the basis and the measured error.</summary>
    public sealed record Fit(ChebExpCosBasis Basis, double[][] Coefficients, double MaxRelativeError);

    /// <summary>Fits the <paramref name="count"/> functions of <paramref name="family"/> with the smallest degree that meets the tolerance.</summary>
    /// <exception cref="InvalidOperationException">No degree up to <paramref name="maxDegree"/> meets the tolerance.</exception>
    public static Fit Create(RadialTabulation.Family family, int count, double cutoff, double inner, double lambda, double tolerance, int maxDegree, string what)
    {
        Fit? best = null;
        for (int degree = 8; ; degree = Math.Min(maxDegree, degree + Math.Max(4, degree / 4)))
        {
            var fit = Build(family, count, cutoff, inner, lambda, degree);
            if (fit.MaxRelativeError <= tolerance)
            {
                return fit;
            }
            if (best is null || fit.MaxRelativeError < best.MaxRelativeError)
            {
                best = fit;
            }
            if (degree >= maxDegree)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"{what}: the best ChebExpCos expansion, {best.Basis.Count} functions, reproduces the radial functions to {best.MaxRelativeError:G3} (relative) on [{inner:G4}, {cutoff:G4}] A, above the tolerance {tolerance:G3}. Relax the tolerance, raise the degree limit, start the fit further out (InnerRadius) or export the tabulated form."));
            }
        }
    }

    /// <summary>Fits with <paramref name="degree"/> basis functions and measures the error.</summary>
    public static Fit Build(RadialTabulation.Family family, int count, double cutoff, double inner, double lambda, int degree)
    {
        var basis = new ChebExpCosBasis(new ScaledExponentialTransform(lambda, cutoff), degree);
        int rows = 4 * degree + 16;
        var design = new double[rows * degree];
        var targets = new double[count][];
        for (int f = 0; f < count; f++)
        {
            targets[f] = new double[rows];
        }
        var g = new double[degree];
        var dg = new double[degree];
        var values = new double[count];
        var derivatives = new double[count];
        double xInner = X(inner, lambda, cutoff);
        for (int i = 0; i < rows; i++)
        {
            // Chebyshev points of the second kind in x over [x(inner), 1), mapped back to r; r = cutoff itself is left out.
            double x = xInner + (1 - xInner) * 0.5 * (1 - Math.Cos(Math.PI * (i + 0.5) / rows));
            double r = R(x, lambda, cutoff);
            basis.Evaluate(r, g, dg);
            for (int k = 0; k < degree; k++)
            {
                design[k * rows + i] = g[k];
            }
            family(r, values, derivatives);
            for (int f = 0; f < count; f++)
            {
                targets[f][i] = values[f];
            }
        }
        var solver = new QrSolver();
        var coefficients = new double[count][];
        for (int f = 0; f < count; f++)
        {
            coefficients[f] = solver.Solve(new LeastSquaresProblem(rows, degree, design, targets[f])).ToArray();
        }
        return new Fit(basis, coefficients, Measure(family, count, basis, coefficients, cutoff, inner));
    }

    /// <summary>The expansion's values and derivatives at r (the same sums ML-PACE forms before tabulating).</summary>
    public static void Evaluate(Fit fit, double r, Span<double> values, Span<double> derivatives)
    {
        int degree = fit.Basis.Count;
        Span<double> g = stackalloc double[degree];
        Span<double> dg = stackalloc double[degree];
        if (r >= fit.Basis.Cutoff)
        {
            g.Clear();
            dg.Clear();
        }
        else
        {
            fit.Basis.Evaluate(r, g, dg);
        }
        for (int f = 0; f < fit.Coefficients.Length; f++)
        {
            double v = 0, d = 0;
            var c = fit.Coefficients[f];
            for (int k = 0; k < degree; k++)
            {
                v += c[k] * g[k];
                d += c[k] * dg[k];
            }
            values[f] = v;
            derivatives[f] = d;
        }
    }

    // Largest |fit - exact| of values and derivatives on a uniform grid of 20000 points over [inner, cutoff), each relative to
    // the function's largest |value| and largest |derivative| there.
    private static double Measure(RadialTabulation.Family family, int count, ChebExpCosBasis basis, double[][] coefficients, double cutoff, double inner)
    {
        const int points = 20000;
        var fit = new Fit(basis, coefficients, 0);
        var exact = new double[count];
        var dExact = new double[count];
        var approx = new double[count];
        var dApprox = new double[count];
        var maxValue = new double[count];
        var maxDerivative = new double[count];
        var errValue = new double[count];
        var errDerivative = new double[count];
        for (int i = 0; i < points; i++)
        {
            double r = inner + (cutoff - inner) * i / points;
            if (r <= 0)
            {
                continue;
            }
            family(r, exact, dExact);
            Evaluate(fit, r, approx, dApprox);
            for (int f = 0; f < count; f++)
            {
                maxValue[f] = Math.Max(maxValue[f], Math.Abs(exact[f]));
                maxDerivative[f] = Math.Max(maxDerivative[f], Math.Abs(dExact[f]));
                errValue[f] = Math.Max(errValue[f], Math.Abs(approx[f] - exact[f]));
                errDerivative[f] = Math.Max(errDerivative[f], Math.Abs(dApprox[f] - dExact[f]));
            }
        }
        double worst = 0;
        for (int f = 0; f < count; f++)
        {
            worst = Math.Max(worst, errValue[f] / Math.Max(maxValue[f], double.Epsilon));
            worst = Math.Max(worst, errDerivative[f] / Math.Max(maxDerivative[f], double.Epsilon));
        }
        return worst;
    }

    // ML-PACE's ChebExpCos coordinate x(r) = 1 - 2 (exp(-lambda r / rc) - exp(-lambda)) / (1 - exp(-lambda)) and its inverse.
    private static double X(double r, double lambda, double cutoff) =>
        1 - 2 * (Math.Exp(-lambda * r / cutoff) - Math.Exp(-lambda)) / (1 - Math.Exp(-lambda));

    private static double R(double x, double lambda, double cutoff)
    {
        double y = Math.Exp(-lambda) + (1 - x) / 2 * (1 - Math.Exp(-lambda));
        return Math.Max(0, -cutoff / lambda * Math.Log(y));
    }
}
