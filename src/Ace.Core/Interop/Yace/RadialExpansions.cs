using System.Globalization;
using Ace.Core.Basis;

namespace Ace.Core.Interop.Yace;

/// <summary>
/// The <see cref="YaceRadialForm.Expanded"/> radials of one export: every bond's many-body and pair radial functions
/// re-expanded (<see cref="RadialExpansion"/>) in one ChebExpCos basis whose size, nradbasemax, is common to all bonds
/// (the largest any bond needs). Many-body radials become radcoefficients (the same for every l); rank-1 terms (order-1
/// many-body functions and the pair basis) become rank-1 functions on the basis functions g_k.
/// </summary>
internal sealed class RadialExpansions
{
    /// <summary>The tolerance of ML-PACE's tables of the fitted functions, in units of <see cref="YaceExportOptions.Tolerance"/>.</summary>
    public const double SplineToleranceFactor = 5;

    private readonly AceBasis _basis;
    private readonly RadialExpansion.Fit?[,] _fits;
    private readonly int _degree;

    private RadialExpansions(AceBasis basis, RadialExpansion.Fit?[,] fits, int degree)
    {
        _basis = basis;
        _fits = fits;
        _degree = degree;
    }

    /// <summary>What was fitted, per bond.</summary>
    public IReadOnlyList<YaceBondExpansion> Summaries { get; private set; } = [];

    /// <summary>Fits every bond of <paramref name="basis"/> to <see cref="YaceExportOptions.Tolerance"/>.</summary>
    /// <exception cref="InvalidOperationException">A bond cannot be fitted within <see cref="YaceExportOptions.MaxDegree"/>.</exception>
    public static RadialExpansions Create(AceBasis basis, YaceExportOptions options)
    {
        if (!(options.InnerRadius >= 0) || !(options.ExpansionLambda > 0) || options.MaxDegree < 8)
        {
            throw new ArgumentException("the expansion needs InnerRadius >= 0, ExpansionLambda > 0 and MaxDegree >= 8", nameof(options));
        }
        int s = basis.Elements.Count;
        var fits = new RadialExpansion.Fit?[s, s];
        int degree = 1;
        for (int pass = 0; pass < 2; pass++)
        {
            for (int a = 0; a < s; a++)
            {
                for (int b = 0; b < s; b++)
                {
                    int count = Count(basis, a, b);
                    if (count == 0)
                    {
                        continue;
                    }
                    double cutoff = basis.Cutoff(a, b);
                    if (options.InnerRadius >= cutoff)
                    {
                        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                            $"InnerRadius {options.InnerRadius:G4} A is not below the {basis.Elements[a]}-{basis.Elements[b]} cutoff {cutoff:G4} A"), nameof(options));
                    }
                    var family = YaceExport.BondFamily(basis, a, b);
                    // First pass: the degree each bond needs; second: every bond at the common (largest) degree.
                    fits[a, b] = pass == 0
                        ? RadialExpansion.Create(family, count, cutoff, options.InnerRadius, options.ExpansionLambda, options.Tolerance, options.MaxDegree,
                            string.Create(CultureInfo.InvariantCulture, $"the radial functions of the {basis.Elements[a]}-{basis.Elements[b]} bond"))
                        : RadialExpansion.Build(family, count, cutoff, options.InnerRadius, options.ExpansionLambda, degree);
                    degree = Math.Max(degree, fits[a, b]!.Basis.Count);
                }
            }
        }
        return new RadialExpansions(basis, fits, degree);
    }

    /// <summary>Adds coefficient * (radial function <paramref name="index"/> of bond (center, neighbour), summed over neighbours) as rank-1 functions.</summary>
    public void AddRankOne(ComplexProductCollector collector, int center, int neighbour, int index, double coefficient)
    {
        var c = _fits[center, neighbour]!.Coefficients[index];
        for (int k = 0; k < c.Length; k++)
        {
            if (c[k] != 0)
            {
                collector.Add(coefficient * c[k], [new OneParticleFunction(neighbour, k + 1, 0, 0)]);
            }
        }
    }

    /// <summary>Writes the analytic ChebExpCos bonds; returns deltaSplineBins, fine enough for ML-PACE's tables of the fitted functions.</summary>
    public double Bonds(int lMax, YaceExportOptions options, Dictionary<YaceBondKey, YaceBond> bonds, List<YaceBondTable> tables)
    {
        int s = _basis.Elements.Count;
        int nradmax = 1;
        for (int a = 0; a < s; a++)
        {
            for (int b = 0; b < s; b++)
            {
                nradmax = Math.Max(nradmax, _basis.ManyBodyRadial(a, b)?.Count ?? 0);
            }
        }
        // ML-PACE tabulates R_nl and g_k; the rank-1 functions are sums of the fitted functions, so tabulating those bounds them.
        // The fitted sums carry rounding that the finest grids amplify by 1/h (about 2e-10 at 2e-4 A), so the tables get
        // SplineToleranceFactor times the fit tolerance.
        double delta = double.MaxValue;
        var built = new Dictionary<(int, int), RadialTabulation.Table>();
        for (int a = 0; a < s; a++)
        {
            for (int b = 0; b < s; b++)
            {
                if (_fits[a, b] is not { } fit)
                {
                    continue;
                }
                var table = RadialTabulation.Create((r, v, d) => RadialExpansion.Evaluate(fit, r, v, d), fit.Coefficients.Length, fit.Basis.Cutoff, [],
                    SplineToleranceFactor * options.Tolerance, options.MaxBins, YaceExport.Where(_basis, a, b));
                built[(a, b)] = table;
                delta = Math.Min(delta, fit.Basis.Cutoff / table.Bins);
            }
        }
        delta = delta == double.MaxValue ? RadialTabulation.StartBinWidth : delta * (1 - 1e-9);
        var summaries = new List<YaceBondExpansion>();
        for (int a = 0; a < s; a++)
        {
            for (int b = 0; b < s; b++)
            {
                var fit = _fits[a, b];
                double rc = fit?.Basis.Cutoff ?? _basis.Cutoff(a, b);
                int count = _basis.ManyBodyRadial(a, b)?.Count ?? 0;
                var crad = new double[nradmax][][];
                for (int n = 0; n < nradmax; n++)
                {
                    crad[n] = new double[lMax + 1][];
                    for (int l = 0; l <= lMax; l++)
                    {
                        crad[n][l] = new double[_degree];
                        if (n < count && fit is not null)
                        {
                            fit.Coefficients[n].CopyTo(crad[n][l], 0);
                        }
                    }
                }
                bonds[new YaceBondKey(a, b)] = new YaceAnalyticBond(nradmax, lMax, _degree, "ChebExpCos", [options.ExpansionLambda], crad,
                    0, 1, rc, 0, 0, 0, "distance");
                if (fit is not null)
                {
                    int bins = (int)(rc / delta);
                    var table = RadialTabulation.Build((r, v, d) => RadialExpansion.Evaluate(fit, r, v, d), fit.Coefficients.Length, rc, bins);
                    tables.Add(new YaceBondTable(_basis.Elements[a], _basis.Elements[b], bins, rc / bins, table.MaxRelativeError));
                    summaries.Add(new YaceBondExpansion(_basis.Elements[a], _basis.Elements[b], _degree, options.InnerRadius, rc, fit.MaxRelativeError));
                }
            }
        }
        Summaries = summaries.AsReadOnly();
        return delta;
    }

    private static int Count(AceBasis basis, int a, int b) =>
        (basis.ManyBodyRadial(a, b)?.Count ?? 0) + (basis.PairRadial(a, b)?.Count ?? 0);
}
