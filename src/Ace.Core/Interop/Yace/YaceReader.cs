using System.Globalization;
using System.Text;
using Ace.Core.Serialization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ace.Core.Interop.Yace;

/// <summary>
/// Reads .yace files (pacemaker's and ACEpotentials.jl's as well as Ace.Core's) into a <see cref="YaceDocument"/>, checking
/// the structure: every error names the file, the line and the key.
/// </summary>
public static class YaceReader
{
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="PotentialFormatException">The file is not valid YAML or not a consistent .yace document.</exception>
    public static YaceDocument Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader, path);
    }

    /// <summary>Reads a document from text; <paramref name="path"/> (may be null) names it in errors.</summary>
    /// <exception cref="PotentialFormatException">The text is not valid YAML or not a consistent .yace document.</exception>
    public static YaceDocument Parse(string text, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return Read(reader, path);
    }

    private static YaceDocument Read(TextReader text, string? path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(text);
        }
        catch (YamlException e)
        {
            throw new PotentialFormatException(path, string.Create(CultureInfo.InvariantCulture, $"line {e.Start.Line}: not valid YAML ({e.Message})"), e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner reports some malformed input (an unclosed flow list) this way.
            throw new PotentialFormatException(path, $"not valid YAML, from line 1 on ({e.Message})", e);
        }
        catch (ArgumentException e)
        {
            // YamlDotNet's node loader rejects some malformed event sequences (a key without a name) this way (found by fuzzing).
            throw new PotentialFormatException(path, $"not valid YAML, from line 1 on ({e.Message})", e);
        }
        if (stream.Documents.Count == 0)
        {
            throw new PotentialFormatException(path, "the file is empty");
        }
        var y = new YamlNodes(path);
        var root = y.Mapping(stream.Documents[0].RootNode, "(document)");
        var elements = y.Strings(y.Required(root, "elements", "(document)"), "elements");
        if (elements.Length == 0)
        {
            throw new PotentialFormatException(path, "'elements' is empty");
        }
        int ne = elements.Length;
        var e0Node = y.Required(root, "E0", "(document)");
        var e0 = y.Doubles(e0Node, "E0");
        if (e0.Length != ne)
        {
            throw y.Error(e0Node, "E0", string.Create(CultureInfo.InvariantCulture, $"{e0.Length} values for {ne} elements"));
        }
        double delta = y.DoubleOr(root, "deltaSplineBins", "(document)", 0.001);
        int? lmax = YamlNodes.Optional(root, "lmax") is { } lm ? y.Int(lm, "lmax") : null;

        var embeddings = new Dictionary<int, YaceEmbedding>();
        var embNode = y.Mapping(y.Required(root, "embeddings", "(document)"), "embeddings");
        foreach (var (k, v) in embNode.Children)
        {
            int mu = Species(y, k, "embeddings", ne);
            string key = $"embeddings/{mu}";
            var m = y.Mapping(v, key);
            var emb = new YaceEmbedding(
                y.Int(y.Required(m, "ndensity", key), key + "/ndensity"),
                y.Doubles(y.Required(m, "FS_parameters", key), key + "/FS_parameters"),
                y.String(y.Required(m, "npoti", key), key + "/npoti"),
                y.Double(y.Required(m, "rho_core_cutoff", key), key + "/rho_core_cutoff"),
                y.Double(y.Required(m, "drho_core_cutoff", key), key + "/drho_core_cutoff"));
            if (emb.Ndensity < 1 || emb.FsParameters.Count < 2 * emb.Ndensity)
            {
                throw y.Error(v, key, string.Create(CultureInfo.InvariantCulture,
                    $"ndensity {emb.Ndensity} needs at least one density and two FS_parameters per density (got {emb.FsParameters.Count})"));
            }
            if (emb.Npoti is not ("FinnisSinclair" or "FinnisSinclairShiftedScaled"))
            {
                throw y.Error(v, key + "/npoti", $"unknown embedding '{emb.Npoti}' (expected FinnisSinclair or FinnisSinclairShiftedScaled)");
            }
            embeddings[mu] = emb;
        }

        var bonds = new Dictionary<YaceBondKey, YaceBond>();
        var bondNode = y.Mapping(y.Required(root, "bonds", "(document)"), "bonds");
        foreach (var (k, v) in bondNode.Children)
        {
            var pair = y.Ints(k, "bonds (key)");
            if (pair.Length != 2 || pair.Any(p => p < 0 || p >= ne))
            {
                throw y.Error(k, "bonds", $"a bond key must be [center, neighbour] with species indices below {ne}");
            }
            string key = string.Create(CultureInfo.InvariantCulture, $"bonds/[{pair[0]}, {pair[1]}]");
            bonds[new YaceBondKey(pair[0], pair[1])] = ReadBond(y, y.Mapping(v, key), key);
        }

        var functions = new Dictionary<int, IReadOnlyList<YaceFunction>>();
        var funcNode = y.Mapping(y.Required(root, "functions", "(document)"), "functions");
        foreach (var (k, v) in funcNode.Children)
        {
            int mu = Species(y, k, "functions", ne);
            var list = new List<YaceFunction>();
            var seq = y.Sequence(v, $"functions/{mu}");
            for (int i = 0; i < seq.Children.Count; i++)
            {
                list.Add(ReadFunction(y, seq.Children[i], string.Create(CultureInfo.InvariantCulture, $"functions/{mu}[{i}]"), mu, ne));
            }
            functions[mu] = list.AsReadOnly();
        }
        return new YaceDocument(elements, e0, delta, embeddings, bonds, functions, lmax);
    }

    private static int Species(YamlNodes y, YamlNode node, string key, int count)
    {
        int mu = y.Int(node, key);
        if (mu < 0 || mu >= count)
        {
            throw y.Error(node, key, string.Create(CultureInfo.InvariantCulture, $"species index {mu} outside 0 .. {count - 1}"));
        }
        return mu;
    }

    private static YaceBond ReadBond(YamlNodes y, YamlMappingNode m, string key)
    {
        string name = y.String(y.Required(m, "radbasename", key), key + "/radbasename");
        if (string.Equals(name, YaceSplineBond.Name, StringComparison.Ordinal))
        {
            int nradial = y.Int(y.Required(m, "nradial", key), key + "/nradial");
            int nbins = y.Int(y.Required(m, "nbins", key), key + "/nbins");
            var values = Tables(y, y.Required(m, "splinenodalvals", key), key + "/splinenodalvals", nradial, nbins + 1);
            var derivatives = Tables(y, y.Required(m, "splinenodalderivs", key), key + "/splinenodalderivs", nradial, nbins + 1);
            double rcut = y.Double(y.Required(m, "rcut", key), key + "/rcut");
            if (nbins < 1 || !(rcut > 0))
            {
                throw y.Error(m, key, "a tabulated bond needs nbins >= 1 and rcut > 0");
            }
            return new YaceSplineBond(rcut, nradial, nbins, values, derivatives);
        }
        if (name.StartsWith("ACE.jl", StringComparison.Ordinal))
        {
            throw y.Error(m, key + "/radbasename", $"the radial form '{name}' (ACE1 polynomial radials) is not supported; supported: ChebExpCos, ChebPow, ChebLinear, SBessel, ACE.jl (tabulated)");
        }
        int nradmax = y.Int(y.Required(m, "nradmax", key), key + "/nradmax");
        int lmax = y.Int(y.Required(m, "lmax", key), key + "/lmax");
        int nradbase = y.Int(y.Required(m, "nradbasemax", key), key + "/nradbasemax");
        var crad = y.Sequence(y.Required(m, "radcoefficients", key), key + "/radcoefficients");
        var radcoefficients = new List<IReadOnlyList<IReadOnlyList<double>>>();
        if (crad.Children.Count != nradmax)
        {
            throw y.Error(crad, key + "/radcoefficients", string.Create(CultureInfo.InvariantCulture, $"{crad.Children.Count} entries for nradmax = {nradmax}"));
        }
        for (int n = 0; n < nradmax; n++)
        {
            var byL = y.Sequence(crad.Children[n], key + "/radcoefficients");
            if (byL.Children.Count != lmax + 1)
            {
                throw y.Error(byL, key + "/radcoefficients", string.Create(CultureInfo.InvariantCulture, $"{byL.Children.Count} entries for lmax = {lmax} (need lmax + 1)"));
            }
            var list = new List<IReadOnlyList<double>>();
            foreach (var row in byL.Children)
            {
                var k = y.Doubles(row, key + "/radcoefficients");
                if (k.Length != nradbase)
                {
                    throw y.Error(row, key + "/radcoefficients", string.Create(CultureInfo.InvariantCulture, $"{k.Length} coefficients for nradbasemax = {nradbase}"));
                }
                list.Add(k);
            }
            radcoefficients.Add(list);
        }
        var bond = new YaceAnalyticBond(nradmax, lmax, nradbase, name,
            y.Doubles(y.Required(m, "radparameters", key), key + "/radparameters"), radcoefficients,
            y.DoubleOr(m, "prehc", key, 0), y.DoubleOr(m, "lambdahc", key, 1),
            y.Double(y.Required(m, "rcut", key), key + "/rcut"), y.DoubleOr(m, "dcut", key, 0),
            y.DoubleOr(m, "rcut_in", key, 0), y.DoubleOr(m, "dcut_in", key, 0),
            YamlNodes.Optional(m, "inner_cutoff_type") is { } t ? y.String(t, key + "/inner_cutoff_type") : "density");
        if (bond.Radbasename is not ("ChebExpCos" or "ChebPow" or "ChebLinear" or "SBessel" or "TEST_SBessel"))
        {
            throw y.Error(m, key + "/radbasename", $"unknown radial basis '{name}' (supported: ChebExpCos, ChebPow, ChebLinear, SBessel, ACE.jl)");
        }
        if (bond.InnerCutoffType is not ("density" or "distance"))
        {
            throw y.Error(m, key + "/inner_cutoff_type", $"inner_cutoff_type '{bond.InnerCutoffType}' is not supported (density or distance)");
        }
        if (bond.Radbasename is "ChebExpCos" or "ChebPow" or "ChebLinear" && bond.Radparameters.Count < 1)
        {
            throw y.Error(m, key + "/radparameters", "needs lambda");
        }
        if (!(bond.CutoffRadius > 0))
        {
            throw y.Error(m, key + "/rcut", "must be positive");
        }
        return bond;
    }

    private static double[][] Tables(YamlNodes y, YamlNode node, string key, int count, int length)
    {
        var map = y.Mapping(node, key);
        var result = new double[count][];
        foreach (var (k, v) in map.Children)
        {
            int index = y.Int(k, key);
            if (index < 0 || index >= count)
            {
                throw y.Error(k, key, string.Create(CultureInfo.InvariantCulture, $"function index {index} outside 0 .. {count - 1} (nradial = {count})"));
            }
            var values = y.Doubles(v, string.Create(CultureInfo.InvariantCulture, $"{key}/{index}"));
            if (values.Length != length)
            {
                throw y.Error(v, key, string.Create(CultureInfo.InvariantCulture, $"function {index} has {values.Length} nodal values; nbins + 1 = {length}"));
            }
            result[index] = values;
        }
        for (int k = 0; k < count; k++)
        {
            if (result[k] is null)
            {
                throw y.Error(node, key, string.Create(CultureInfo.InvariantCulture, $"function {k} is missing"));
            }
        }
        return result;
    }

    private static YaceFunction ReadFunction(YamlNodes y, YamlNode node, string key, int mu, int elementCount)
    {
        var m = y.Mapping(node, key);
        var f = new YaceFunction(
            y.Int(y.Required(m, "mu0", key), key + "/mu0"),
            y.Int(y.Required(m, "rank", key), key + "/rank"),
            y.Int(y.Required(m, "ndensity", key), key + "/ndensity"),
            y.Ints(y.Required(m, "mus", key), key + "/mus"),
            y.Ints(y.Required(m, "ns", key), key + "/ns"),
            y.Ints(y.Required(m, "ls", key), key + "/ls"),
            y.Ints(y.Required(m, "ms_combs", key), key + "/ms_combs"),
            y.Doubles(y.Required(m, "ctildes", key), key + "/ctildes"));
        int combinations = YamlNodes.Optional(m, "num_ms_combs") is { } c ? y.Int(c, key + "/num_ms_combs") : f.MsCombs.Count / Math.Max(1, f.Rank);
        string? problem = null;
        if (f.Mu0 != mu)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"mu0 = {f.Mu0} in the list of species {mu}");
        }
        else if (f.Rank < 1 || f.Mus.Count != f.Rank || f.Ns.Count != f.Rank || f.Ls.Count != f.Rank)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"rank {f.Rank} needs that many mus, ns and ls (got {f.Mus.Count}, {f.Ns.Count}, {f.Ls.Count})");
        }
        else if (f.MsCombs.Count != combinations * f.Rank || f.Ctildes.Count != combinations * f.Ndensity)
        {
            problem = string.Create(CultureInfo.InvariantCulture,
                $"num_ms_combs = {combinations} needs {combinations * f.Rank} ms_combs and {combinations * f.Ndensity} ctildes (got {f.MsCombs.Count}, {f.Ctildes.Count})");
        }
        else if (f.Mus.Any(z => z < 0 || z >= elementCount) || f.Ns.Any(n => n < 1) || f.Ls.Any(l => l < 0))
        {
            problem = "mus must be species indices, ns at least 1 and ls non-negative";
        }
        else
        {
            for (int s = 0; s < combinations && problem is null; s++)
            {
                for (int t = 0; t < f.Rank; t++)
                {
                    if (Math.Abs(f.MsCombs[s * f.Rank + t]) > f.Ls[t])
                    {
                        problem = string.Create(CultureInfo.InvariantCulture, $"ms_combs entry {s} has m = {f.MsCombs[s * f.Rank + t]} for l = {f.Ls[t]}");
                        break;
                    }
                }
            }
        }
        if (problem is null && f.Rank == 1 && f.Ls[0] != 0)
        {
            problem = "a rank-1 function must have l = 0";
        }
        return problem is null ? f : throw y.Error(node, key, problem);
    }
}
