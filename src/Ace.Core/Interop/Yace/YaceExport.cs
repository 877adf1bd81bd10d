using System.Globalization;
using Ace.Core.Basis;
using Ace.Core.Potentials;
using Ace.Core.Primitives.Radial;

namespace Ace.Core.Interop.Yace;

/// <summary>
/// Exports a <see cref="LinearAcePotential"/> as a .yace file for ML-PACE (LAMMPS `pair_style pace`). Each center's
/// many-body energy, E_i = sum over products c prod_t A_real (coupling coefficients, and the purification map where
/// present, already multiplied out by <see cref="AceBasis.ExpandSiteEnergy"/>), is expanded into complex harmonics and
/// collected per label tuple and m-combination (<see cref="ComplexProductCollector"/>); the pair basis, 1/2 sum_j sum_n
/// c_n J_n(r_ij) per site, becomes rank-1 functions on radial functions of its own. The embedding is linear
/// ("FinnisSinclairShiftedScaled", FS_parameters [1, 1], one density), E0 the reference energies, no core repulsion.
/// Radial functions: ML-PACE's ChebExpCos where that is exact, otherwise re-expanded in a ChebExpCos basis of high degree
/// (<see cref="YaceRadialForm.Expanded"/>, read by upstream ML-PACE) or tabulated (radbasename "ACE.jl", read by
/// ACEpotentials.jl's ML-PACE fork), both to <see cref="YaceExportOptions.Tolerance"/>.
/// </summary>
public static class YaceExport
{
    /// <summary>The document of <paramref name="potential"/>.</summary>
    /// <exception cref="InvalidOperationException">The radial tables would exceed <see cref="YaceExportOptions.MaxBins"/>.</exception>
    public static YaceExportResult ToDocument(LinearAcePotential potential, YaceExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(potential);
        options ??= new YaceExportOptions();
        if (!(options.Tolerance > 0) || options.MaxBins < 1)
        {
            throw new ArgumentException("the export tolerance must be positive and the bin limit at least 1", nameof(options));
        }
        var basis = potential.Basis;
        int s = basis.Elements.Count;
        var coefficients = potential.Coefficients;
        bool fitted = basis.FittedRadialParameters is not null;
        if (fitted)
        {
            RequireNativeFittedRadials(basis, options);
        }
        bool analytic = options.RadialForm == YaceRadialForm.Auto && IsAnalytic(basis);
        bool tabulated = options.RadialForm == YaceRadialForm.Tabulated;
        RadialExpansions? expansion = null;
        string? expansionFailure = null;
        if (!analytic && !tabulated)
        {
            try
            {
                expansion = RadialExpansions.Create(basis, options);
            }
            catch (InvalidOperationException e) when (options.RadialForm == YaceRadialForm.Auto)
            {
                // Auto falls back to the tabulated form and says why (an explicit Expanded request fails instead).
                expansionFailure = e.Message;
                tabulated = true;
            }
        }

        // Radial functions of each bond: the many-body radials first, then (tabulated form) the pair radials.
        var manyBodyCount = new int[s, s];
        var pairOffset = new int[s, s];
        int lMax = 0;
        for (int a = 0; a < s; a++)
        {
            for (int b = 0; b < s; b++)
            {
                manyBodyCount[a, b] = basis.ManyBodyRadial(a, b)?.Count ?? 0;
                pairOffset[a, b] = analytic ? 0 : manyBodyCount[a, b];
            }
        }

        var functions = new Dictionary<int, IReadOnlyList<YaceFunction>>();
        int functionCount = 0, combinationCount = 0;
        for (int a = 0; a < s; a++)
        {
            var collector = new ComplexProductCollector();
            foreach (var term in basis.ExpandSiteEnergy(a, coefficients))
            {
                lMax = Math.Max(lMax, term.Factors.Max(f => f.L));
                if (fitted && term.Factors.Count == 1)
                {
                    // ML-PACE's rank-1 functions use the primitive g_k (its gr), not R_n0: R_n0 = sum_k W_k g_k.
                    var f = term.Factors[0];
                    var row = FittedRow(basis, a, f.Species, f.N, f.L);
                    for (int k = 0; k < row.Length; k++)
                    {
                        if (row[k] != 0)
                        {
                            collector.Add(term.Coefficient * row[k], [f with { N = k + 1 }]);
                        }
                    }
                    continue;
                }
                if (expansion is not null && term.Factors.Count == 1)
                {
                    // Rank 1 uses the basis g_k itself: R_n = sum_k C[n][k] g_k.
                    var f = term.Factors[0];
                    expansion.AddRankOne(collector, a, f.Species, f.N - 1, term.Coefficient);
                    continue;
                }
                collector.Add(term.Coefficient, term.Factors);
            }
            for (int b = 0; b < s; b++)
            {
                if (basis.PairRadial(a, b) is not { } pair)
                {
                    continue;
                }
                for (int n = 1; n <= pair.Count; n++)
                {
                    double c = coefficients[basis.PairColumn(a, b, n)];
                    if (c != 0 && expansion is not null)
                    {
                        expansion.AddRankOne(collector, a, b, manyBodyCount[a, b] + n - 1, 0.5 * c * Math.Sqrt(4 * Math.PI));
                    }
                    else if (c != 0)
                    {
                        // 1/2 J_n(r) summed over neighbours; as a rank-1 function of A = sum_j g(r) with Y00 = 1 it is written
                        // as the real A function (z, n, 0, 0) times sqrt(4 pi), which the collector divides out again.
                        collector.Add(0.5 * c * Math.Sqrt(4 * Math.PI), [new OneParticleFunction(b, pairOffset[a, b] + n, 0, 0)]);
                    }
                }
            }
            var list = collector.Functions(a);
            functions[a] = list.AsReadOnly();
            functionCount += list.Count;
            combinationCount += list.Sum(f => f.MsCombinationCount);
        }

        var tables = new List<YaceBondTable>();
        var bonds = new Dictionary<YaceBondKey, YaceBond>();
        double delta = RadialTabulation.StartBinWidth;
        if (analytic)
        {
            delta = AnalyticBonds(basis, lMax, options, bonds, tables);
        }
        else if (expansion is not null)
        {
            delta = expansion.Bonds(lMax, options, bonds, tables);
        }
        else
        {
            TabulatedBonds(basis, manyBodyCount, options, bonds, tables);
        }
        var embeddings = Enumerable.Range(0, s).ToDictionary(a => a,
            _ => new YaceEmbedding(1, [1.0, 1.0], "FinnisSinclairShiftedScaled", 100000, 250));
        var e0 = basis.Elements.Select(potential.ReferenceEnergy).ToArray();
        var document = new YaceDocument(basis.Elements.ToArray(), e0, delta, embeddings, bonds, functions, lMax);
        return new YaceExportResult(document, tabulated || (!analytic && expansion is null), tables.AsReadOnly(), functionCount, combinationCount)
        {
            Expansions = expansion?.Summaries ?? [],
            ExpansionFailure = expansionFailure,
        };
    }

    /// <summary>Exports <paramref name="potential"/> to <paramref name="path"/> (written atomically).</summary>
    public static YaceExportResult Write(LinearAcePotential potential, string path, YaceExportOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var result = ToDocument(potential, options);
        YaceWriter.Write(result.Document, path);
        return result;
    }

    /// <summary>
    /// Fitted radials export only in ML-PACE's own form: ChebExpCos primitives g_k with the fitted W as its crad
    /// coefficients (R_nl = sum_k crad[n][l][k] g_k), no pair basis (whose functions would need crad rows of their own), and
    /// no purification: a purified fitted basis subtracts one-neighbour products of fitted radials (prod_t R_{n_t l_t}(r_ij)),
    /// which are neither crad rows nor combinations of ML-PACE's g_k, and ML-PACE has no pure2b of its own.
    /// </summary>
    private static void RequireNativeFittedRadials(AceBasis basis, YaceExportOptions options)
    {
        if (basis.Purification is { } purification)
        {
            throw new InvalidOperationException(
                $"cannot export fitted radial functions to .yace: the basis is purified ({purification.Kind}), and its self-interaction correction " +
                "multiplies fitted radial functions at one neighbour (prod_t R_{n_t l_t}(r_ij)); such a product is no crad row and no combination of " +
                "ML-PACE's ChebExpCos functions g_k, and ML-PACE has no pure2b or purification of its own. Export the self-interacting fitted basis, " +
                "or a purified basis with fixed (TransformedJacobi) radials, whose correction lies in the radial family itself");
        }
        string? problem = null;
        if (options.RadialForm != YaceRadialForm.Auto)
        {
            problem = $"the {options.RadialForm} radial form cannot hold them";
        }
        else if (basis.HasPairBasis)
        {
            problem = "the basis also has a pair basis";
        }
        for (int a = 0; a < basis.Elements.Count && problem is null; a++)
        {
            for (int b = 0; b < basis.Elements.Count && problem is null; b++)
            {
                var radial = basis.ManyBodyRadial(a, b);
                if (radial is not null and not FittedRadialBasis { Primitive: ChebExpCosBasis })
                {
                    problem = $"the {basis.Elements[a]}-{basis.Elements[b]} radials are {(radial is FittedRadialBasis f ? "fitted over " + f.Primitive.GetType().Name : radial.GetType().Name)}";
                }
            }
        }
        if (problem is not null)
        {
            throw new InvalidOperationException(
                $"cannot export fitted radial functions to .yace: {problem}. ML-PACE reads fitted radials natively as crad coefficients over its ChebExpCos basis; export fitted radials over ChebExpCos, without a pair basis, with the Auto radial form");
        }
    }

    /// <summary>The fitted coefficients W of channel (n, l) of the pair (a, b).</summary>
    private static double[] FittedRow(AceBasis basis, int a, int b, int n, int l)
    {
        var fitted = (FittedRadialBasis)basis.ManyBodyRadial(a, b)!;
        var channels = basis.FittedRadialChannels(a, b)!;
        int k = fitted.Primitive.Count;
        for (int row = 0; row < channels.Count; row++)
        {
            if (channels[row] == new RadialChannel(n, l))
            {
                return fitted.Coefficients.Slice(row * k, k).ToArray();
            }
        }
        throw new InvalidOperationException($"channel n = {n}, l = {l} of {basis.Elements[a]}-{basis.Elements[b]} has no fitted radial function");
    }

    // ChebExpCos many-body radials (fixed, or fitted over ChebExpCos), and a pair basis (if any) of the same family and
    // parameters: ML-PACE evaluates them itself.
    private static bool IsAnalytic(AceBasis basis)
    {
        int s = basis.Elements.Count;
        for (int a = 0; a < s; a++)
        {
            for (int b = 0; b < s; b++)
            {
                var manyBody = basis.ManyBodyRadial(a, b) is FittedRadialBasis { Primitive: ChebExpCosBasis primitive } ? primitive : basis.ManyBodyRadial(a, b);
                var pair = basis.PairRadial(a, b);
                if (manyBody is not null and not ChebExpCosBasis || pair is not null and not ChebExpCosBasis)
                {
                    return false;
                }
                if (manyBody is ChebExpCosBasis m && pair is ChebExpCosBasis p
                    && (m.Transform.Lambda != p.Transform.Lambda || m.Cutoff != p.Cutoff))
                {
                    return false;
                }
            }
        }
        return true;
    }

    private static double AnalyticBonds(AceBasis basis, int lMax, YaceExportOptions options, Dictionary<YaceBondKey, YaceBond> bonds, List<YaceBondTable> tables)
    {
        int s = basis.Elements.Count;
        var families = new ChebExpCosBasis?[s, s];
        int nradbase = 1, nradmax = 1;
        for (int a = 0; a < s; a++)
        {
            for (int b = 0; b < s; b++)
            {
                var manyBody = (basis.ManyBodyRadial(a, b) as FittedRadialBasis)?.Primitive as ChebExpCosBasis ?? basis.ManyBodyRadial(a, b) as ChebExpCosBasis;
                var pair = basis.PairRadial(a, b) as ChebExpCosBasis;
                families[a, b] = manyBody is null ? pair : pair is null || pair.Count <= manyBody.Count ? manyBody : pair;
                nradmax = Math.Max(nradmax, basis.FittedRadialChannels(a, b)?.Max(c => c.N) ?? manyBody?.Count ?? 0);
                nradbase = Math.Max(nradbase, Math.Max(manyBody?.Count ?? 0, pair?.Count ?? 0));
            }
        }
        // The bin width of ML-PACE's tables: the coarsest that meets the tolerance on every bond.
        double delta = double.MaxValue;
        for (int a = 0; a < s; a++)
        {
            for (int b = 0; b < s; b++)
            {
                if (families[a, b] is not { } f)
                {
                    continue;
                }
                var family = new ChebExpCosBasis(f.Transform, nradbase);
                var table = RadialTabulation.Create(family.Evaluate, nradbase, f.Cutoff, [], options.Tolerance, options.MaxBins, Where(basis, a, b));
                delta = Math.Min(delta, f.Cutoff / table.Bins);
            }
        }
        delta = delta == double.MaxValue ? RadialTabulation.StartBinWidth : delta * (1 - 1e-9);
        for (int a = 0; a < s; a++)
        {
            for (int b = 0; b < s; b++)
            {
                var f = families[a, b];
                double rc = f?.Cutoff ?? basis.Cutoff(a, b);
                double lambda = f?.Transform.Lambda ?? 5.25;
                int count = basis.ManyBodyRadial(a, b)?.Count ?? 0;
                var channels = basis.FittedRadialChannels(a, b);
                var crad = new double[nradmax][][];
                for (int n = 0; n < nradmax; n++)
                {
                    crad[n] = new double[lMax + 1][];
                    for (int l = 0; l <= lMax; l++)
                    {
                        crad[n][l] = new double[nradbase];
                        if (channels is not null)
                        {
                            if (channels.Contains(new RadialChannel(n + 1, l)))
                            {
                                FittedRow(basis, a, b, n + 1, l).CopyTo(crad[n][l], 0);
                            }
                        }
                        else if (n < count && f is not null)
                        {
                            crad[n][l][n] = 1;
                        }
                    }
                }
                bonds[new YaceBondKey(a, b)] = new YaceAnalyticBond(nradmax, lMax, nradbase, "ChebExpCos", [lambda], crad,
                    0, 1, rc, 0, 0, 0, "distance");
                if (f is not null)
                {
                    int bins = (int)(rc / delta);
                    var family = new ChebExpCosBasis(f.Transform, nradbase);
                    tables.Add(new YaceBondTable(basis.Elements[a], basis.Elements[b], bins, rc / bins,
                        RadialTabulation.Build(family.Evaluate, nradbase, rc, bins).MaxRelativeError));
                }
            }
        }
        return delta;
    }

    private static void TabulatedBonds(AceBasis basis, int[,] manyBodyCount, YaceExportOptions options, Dictionary<YaceBondKey, YaceBond> bonds, List<YaceBondTable> tables)
    {
        int s = basis.Elements.Count;
        int total = 1;
        for (int a = 0; a < s; a++)
        {
            for (int b = 0; b < s; b++)
            {
                total = Math.Max(total, manyBodyCount[a, b] + (basis.PairRadial(a, b)?.Count ?? 0));
            }
        }
        var done = new Dictionary<(int, int), RadialTabulation.Table>();
        for (int a = 0; a < s; a++)
        {
            for (int b = 0; b < s; b++)
            {
                var key = a <= b ? (a, b) : (b, a);
                if (!done.TryGetValue(key, out var table))
                {
                    var manyBody = basis.ManyBodyRadial(a, b);
                    var pair = basis.PairRadial(a, b);
                    var family = BondFamily(basis, a, b);
                    void Family(double r, Span<double> values, Span<double> derivatives)
                    {
                        values.Clear();
                        derivatives.Clear();
                        family(r, values, derivatives);
                    }
                    double cutoff = basis.Cutoff(a, b);
                    var inner = new[] { manyBody?.Cutoff ?? 0, pair?.Cutoff ?? 0 };
                    table = RadialTabulation.Create(Family, total, cutoff, inner, options.Tolerance, options.MaxBins, Where(basis, a, b));
                    done[key] = table;
                }
                bonds[new YaceBondKey(a, b)] = new YaceSplineBond(table.Cutoff, total, table.Bins, table.Values, table.Derivatives);
                tables.Add(new YaceBondTable(basis.Elements[a], basis.Elements[b], table.Bins, table.Cutoff / table.Bins, table.MaxRelativeError));
            }
        }
    }

    /// <summary>The radial functions of bond (a, b): the many-body radials, then the pair radials (values and derivatives at r).</summary>
    internal static RadialTabulation.Family BondFamily(AceBasis basis, int a, int b)
    {
        var manyBody = basis.ManyBodyRadial(a, b);
        var pair = basis.PairRadial(a, b);
        int mb = manyBody?.Count ?? 0;
        var mbValues = new double[mb];
        var mbDerivatives = new double[mb];
        var pairValues = new double[pair?.Count ?? 0];
        var pairDerivatives = new double[pair?.Count ?? 0];
        return (double r, Span<double> values, Span<double> derivatives) =>
        {
            if (manyBody is not null)
            {
                manyBody.Evaluate(r, mbValues, mbDerivatives);
                mbValues.CopyTo(values);
                mbDerivatives.CopyTo(derivatives);
            }
            if (pair is not null)
            {
                pair.Evaluate(r, pairValues, pairDerivatives);
                pairValues.CopyTo(values[mb..]);
                pairDerivatives.CopyTo(derivatives[mb..]);
            }
        };
    }

    internal static string Where(AceBasis basis, int a, int b) =>
        string.Create(CultureInfo.InvariantCulture, $"the radial table of the {basis.Elements[a]}-{basis.Elements[b]} bond");
}
