using System.Globalization;
using System.Numerics;
using Ace.Core.Primitives;
using Ace.Core.Primitives.Angular;
using Ace.Core.Serialization;

namespace Ace.Core.Interop.Yace;

/// <summary>
/// The site energy of a .yace potential and its gradient, evaluated from the format's definition: complex A functions
/// A(mu, n, l, m) = sum_j R_nl(r_ij) Yhat_lm(r_ij) (Yhat = sqrt(4 pi) Y, Condon-Shortley), rank-1 A(mu, k) = sum_j g_k(r_ij),
/// densities rho_p = sum over functions and m-combinations of ctilde Re(prod A), the embedding and the core repulsion.
/// Gradients by one adjoint pass (dE/dA, then every neighbour). Immutable; thread-safe (scratch is per call).
/// </summary>
internal sealed class YaceSiteModel
{
    private static readonly double Sqrt4Pi = Math.Sqrt(4 * Math.PI);

    private readonly YaceBondRadial?[,] _bonds;
    private readonly CenterFunctions[] _centers;
    private readonly YaceEmbeddingFunction?[] _embeddings;
    private readonly double[] _e0;
    private readonly int _species;
    private readonly int _lMax;
    private readonly int _lCount;
    private readonly int _harmonics;
    private readonly int _nradmax;
    private readonly int _nradbase;

    public YaceSiteModel(YaceDocument document, string? path)
    {
        _species = document.Elements.Count;
        _e0 = document.E0.ToArray();
        int lMax = document.LMax ?? 0;
        foreach (var b in document.Bonds.Values)
        {
            if (b is YaceAnalyticBond a)
            {
                lMax = Math.Max(lMax, a.Lmax);
                _nradbase = Math.Max(_nradbase, a.Nradbasemax);
                _nradmax = Math.Max(_nradmax, a.Nradmax);
            }
            else if (b is YaceSplineBond s)
            {
                _nradbase = Math.Max(_nradbase, s.Nradial);
                _nradmax = Math.Max(_nradmax, s.Nradial);
            }
        }
        foreach (var f in document.Functions.Values.SelectMany(x => x))
        {
            lMax = Math.Max(lMax, f.Ls.Max());
        }
        if (lMax > ComplexSphericalHarmonics.MaxLMax)
        {
            throw new PotentialFormatException(path, string.Create(CultureInfo.InvariantCulture, $"lmax = {lMax} exceeds the supported {ComplexSphericalHarmonics.MaxLMax}"));
        }
        _lMax = lMax;
        _lCount = lMax + 1;
        _harmonics = _lCount * _lCount;
        _bonds = new YaceBondRadial?[_species, _species];
        foreach (var (key, bond) in document.Bonds)
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"bond [{key.Center}, {key.Neighbour}]");
            _bonds[key.Center, key.Neighbour] = bond is YaceAnalyticBond a
                ? new AnalyticBondRadial(a with { Nradbasemax = _nradbase, Radcoefficients = Pad(a.Radcoefficients, a.Lmax, _nradbase) }, where, path)
                : YaceBondRadial.Create(bond, where, path);
        }
        _embeddings = new YaceEmbeddingFunction?[_species];
        foreach (var (mu, e) in document.Embeddings)
        {
            _embeddings[mu] = new YaceEmbeddingFunction(e);
        }
        _centers = new CenterFunctions[_species];
        for (int mu = 0; mu < _species; mu++)
        {
            var functions = document.Functions.TryGetValue(mu, out var list) ? list : [];
            _centers[mu] = Compile(mu, functions, path);
        }
        MaxCutoff = 0;
        foreach (var b in _bonds)
        {
            MaxCutoff = Math.Max(MaxCutoff, b?.Cutoff ?? 0);
        }
    }

    public double MaxCutoff { get; }

    /// <summary>The cutoff of the ordered pair (center, neighbour); 0 when the file has no such bond.</summary>
    public double Cutoff(int center, int neighbour) => _bonds[center, neighbour]?.Cutoff ?? 0;

    /// <summary>E0(center) + E_i, and dE_i/d(r_j - r_i) into <paramref name="gradient"/> (when not empty).</summary>
    public double Evaluate(int center, ReadOnlySpan<Vec3> displacements, ReadOnlySpan<int> neighbourSpecies, Span<Vec3> gradient)
    {
        var c = _centers[center];
        var embedding = _embeddings[center];
        bool withGradient = !gradient.IsEmpty;
        if (withGradient)
        {
            gradient.Clear();
        }
        if (embedding is null)
        {
            return _e0[center];
        }
        int count = displacements.Length;
        int radialStride = _nradmax * _lCount;
        var g = new double[count * _nradbase];
        var dg = new double[count * _nradbase];
        var rnl = new double[count * radialStride];
        var drnl = new double[count * radialStride];
        var core = new double[count];
        var y = new Complex[count * _harmonics];
        var gx = new Complex[count * _harmonics];
        var gy = new Complex[count * _harmonics];
        var gz = new Complex[count * _harmonics];
        var active = new bool[count];
        var a1 = new double[_species * _nradbase];
        var a = new Complex[_species * _nradmax * _harmonics];
        double rhoCore = 0;
        for (int j = 0; j < count; j++)
        {
            var bond = _bonds[center, neighbourSpecies[j]];
            double r = displacements[j].Norm;
            if (bond is null || !(r < bond.Cutoff) || !(r > 0))
            {
                continue;
            }
            active[j] = true;
            int z = neighbourSpecies[j];
            rhoCore += bond.Evaluate(r, g.AsSpan(j * _nradbase, _nradbase), dg.AsSpan(j * _nradbase, _nradbase),
                rnl.AsSpan(j * radialStride, radialStride), drnl.AsSpan(j * radialStride, radialStride), _lCount, out core[j]);
            var yj = y.AsSpan(j * _harmonics, _harmonics);
            ComplexSphericalHarmonics.Evaluate(_lMax, displacements[j], yj,
                withGradient ? gx.AsSpan(j * _harmonics, _harmonics) : [], withGradient ? gy.AsSpan(j * _harmonics, _harmonics) : [],
                withGradient ? gz.AsSpan(j * _harmonics, _harmonics) : []);
            for (int k = 0; k < _harmonics; k++)
            {
                yj[k] *= Sqrt4Pi;
                if (withGradient)
                {
                    gx[j * _harmonics + k] *= Sqrt4Pi;
                    gy[j * _harmonics + k] *= Sqrt4Pi;
                    gz[j * _harmonics + k] *= Sqrt4Pi;
                }
            }
            int baseCount = Math.Min(bond.BaseCount, _nradbase);
            for (int k = 0; k < baseCount; k++)
            {
                a1[z * _nradbase + k] += g[j * _nradbase + k];
            }
            for (int n = 0; n < Math.Min(bond.RadialCount, _nradmax); n++)
            {
                for (int l = 0; l <= _lMax; l++)
                {
                    double rv = rnl[j * radialStride + n * _lCount + l];
                    if (rv == 0)
                    {
                        continue;
                    }
                    int block = (z * _nradmax + n) * _harmonics;
                    for (int m = -l; m <= l; m++)
                    {
                        int h = l * l + l + m;
                        a[block + h] += rv * yj[h];
                    }
                }
            }
        }

        int nd = c.Density;
        var rho = new double[Math.Max(nd, embedding.DensityCount)];
        for (int f = 0; f < c.Rank1Species.Length; f++)
        {
            double value = a1[c.Rank1Species[f] * _nradbase + c.Rank1Base[f]];
            for (int p = 0; p < nd; p++)
            {
                rho[p] += c.Rank1Coefficients[f * nd + p] * value;
            }
        }
        int products = c.ProductStart.Length - 1;
        Span<Complex> prefix = stackalloc Complex[c.MaxRank + 1];
        for (int q = 0; q < products; q++)
        {
            var product = Complex.One;
            for (int t = c.ProductStart[q]; t < c.ProductStart[q + 1]; t++)
            {
                product *= a[c.Factors[t]];
            }
            for (int p = 0; p < nd; p++)
            {
                rho[p] += c.ProductCoefficients[q * nd + p] * product.Real;
            }
        }
        var dEdRho = new double[rho.Length];
        double energy = embedding.Energy(rho, rhoCore, dEdRho, out double dEdCore);
        if (!withGradient)
        {
            return _e0[center] + energy;
        }

        var w1 = new double[a1.Length];
        for (int f = 0; f < c.Rank1Species.Length; f++)
        {
            double theta = 0;
            for (int p = 0; p < nd; p++)
            {
                theta += dEdRho[p] * c.Rank1Coefficients[f * nd + p];
            }
            w1[c.Rank1Species[f] * _nradbase + c.Rank1Base[f]] += theta;
        }
        var w = new Complex[a.Length];
        for (int q = 0; q < products; q++)
        {
            double theta = 0;
            for (int p = 0; p < nd; p++)
            {
                theta += dEdRho[p] * c.ProductCoefficients[q * nd + p];
            }
            if (theta == 0)
            {
                continue;
            }
            int start = c.ProductStart[q], rank = c.ProductStart[q + 1] - start;
            prefix[0] = Complex.One;
            for (int t = 0; t < rank; t++)
            {
                prefix[t + 1] = prefix[t] * a[c.Factors[start + t]];
            }
            var suffix = Complex.One;
            for (int t = rank - 1; t >= 0; t--)
            {
                w[c.Factors[start + t]] += theta * prefix[t] * suffix;
                suffix *= a[c.Factors[start + t]];
            }
        }

        for (int j = 0; j < count; j++)
        {
            if (!active[j])
            {
                continue;
            }
            var bond = _bonds[center, neighbourSpecies[j]]!;
            int z = neighbourSpecies[j];
            var d = displacements[j];
            double r = d.Norm;
            var u = new Vec3(d.X / r, d.Y / r, d.Z / r);
            double radialPart = dEdCore * core[j];
            int baseCount = Math.Min(bond.BaseCount, _nradbase);
            for (int k = 0; k < baseCount; k++)
            {
                radialPart += w1[z * _nradbase + k] * dg[j * _nradbase + k];
            }
            double fx = 0, fy = 0, fz = 0;
            for (int n = 0; n < Math.Min(bond.RadialCount, _nradmax); n++)
            {
                int block = (z * _nradmax + n) * _harmonics;
                for (int l = 0; l <= _lMax; l++)
                {
                    double rv = rnl[j * radialStride + n * _lCount + l];
                    double dr = drnl[j * radialStride + n * _lCount + l];
                    if (rv == 0 && dr == 0)
                    {
                        continue;
                    }
                    for (int m = -l; m <= l; m++)
                    {
                        int h = l * l + l + m;
                        var weight = w[block + h];
                        if (weight == Complex.Zero)
                        {
                            continue;
                        }
                        int jh = j * _harmonics + h;
                        radialPart += (weight * y[jh]).Real * dr;
                        fx += rv * (weight * gx[jh]).Real;
                        fy += rv * (weight * gy[jh]).Real;
                        fz += rv * (weight * gz[jh]).Real;
                    }
                }
            }
            gradient[j] = new Vec3(radialPart * u.X + fx, radialPart * u.Y + fy, radialPart * u.Z + fz);
        }
        return _e0[center] + energy;
    }

    private static IReadOnlyList<IReadOnlyList<IReadOnlyList<double>>> Pad(IReadOnlyList<IReadOnlyList<IReadOnlyList<double>>> crad, int lmax, int count) =>
        crad.Select(byL => (IReadOnlyList<IReadOnlyList<double>>)byL.Take(lmax + 1)
            .Select(k => (IReadOnlyList<double>)k.Concat(Enumerable.Repeat(0.0, Math.Max(0, count - k.Count))).ToArray()).ToArray()).ToArray();

    private CenterFunctions Compile(int mu, IReadOnlyList<YaceFunction> functions, string? path)
    {
        int nd = _embeddings[mu]?.DensityCount ?? 1;
        var rank1Species = new List<int>();
        var rank1Base = new List<int>();
        var rank1Coefficients = new List<double>();
        var start = new List<int> { 0 };
        var factors = new List<int>();
        var coefficients = new List<double>();
        int maxRank = 1;
        for (int i = 0; i < functions.Count; i++)
        {
            var f = functions[i];
            string where = string.Create(CultureInfo.InvariantCulture, $"function {i} of species {mu} ({Describe(f)})");
            if (_embeddings[mu] is null)
            {
                throw new PotentialFormatException(path, $"{where}: species {mu} has functions but no embedding");
            }
            if (f.Ndensity < nd)
            {
                throw new PotentialFormatException(path, string.Create(CultureInfo.InvariantCulture, $"{where}: ndensity = {f.Ndensity} but the embedding has {nd} densities"));
            }
            for (int t = 0; t < f.Rank; t++)
            {
                var bond = _bonds[mu, f.Mus[t]] ?? throw new PotentialFormatException(path,
                    string.Create(CultureInfo.InvariantCulture, $"{where}: there is no bond [{mu}, {f.Mus[t]}]"));
                int limit = f.Rank == 1 ? (bond is SplineBondRadial ? bond.BaseCount : _nradbase) : _nradmax;
                if (f.Ns[t] > limit)
                {
                    throw new PotentialFormatException(path, string.Create(CultureInfo.InvariantCulture,
                        $"{where}: n = {f.Ns[t]} exceeds the {limit} radial functions of bond [{mu}, {f.Mus[t]}]"));
                }
            }
            int combinations = f.MsCombinationCount;
            for (int s = 0; s < combinations; s++)
            {
                if (f.Rank == 1)
                {
                    rank1Species.Add(f.Mus[0]);
                    rank1Base.Add(f.Ns[0] - 1);
                    for (int p = 0; p < nd; p++)
                    {
                        rank1Coefficients.Add(f.Ctildes[s * f.Ndensity + p]);
                    }
                    continue;
                }
                maxRank = Math.Max(maxRank, f.Rank);
                for (int t = 0; t < f.Rank; t++)
                {
                    int l = f.Ls[t], m = f.MsCombs[s * f.Rank + t];
                    factors.Add((f.Mus[t] * _nradmax + f.Ns[t] - 1) * _harmonics + l * l + l + m);
                }
                start.Add(factors.Count);
                for (int p = 0; p < nd; p++)
                {
                    coefficients.Add(f.Ctildes[s * f.Ndensity + p]);
                }
            }
        }
        return new CenterFunctions(nd, rank1Species.ToArray(), rank1Base.ToArray(), rank1Coefficients.ToArray(),
            start.ToArray(), factors.ToArray(), coefficients.ToArray(), maxRank);
    }

    private static string Describe(YaceFunction f) => string.Create(CultureInfo.InvariantCulture,
        $"rank {f.Rank}, mus [{string.Join(", ", f.Mus)}], ns [{string.Join(", ", f.Ns)}], ls [{string.Join(", ", f.Ls)}]");

    private sealed record CenterFunctions(int Density, int[] Rank1Species, int[] Rank1Base, double[] Rank1Coefficients,
        int[] ProductStart, int[] Factors, double[] ProductCoefficients, int MaxRank);
}
