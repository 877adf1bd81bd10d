using System.Globalization;
using System.Text;
using Ace.Core.Atoms;

namespace Ace.Core.Interop.Yace;

/// <summary>
/// Writes a <see cref="YaceDocument"/> as a .yace file in the layout pacemaker writes (one flow mapping per bond and per
/// function), doubles in their shortest round-trip form, atomically (no half-written file is ever left behind).
/// </summary>
public static class YaceWriter
{
    /// <summary>Writes <paramref name="document"/> to <paramref name="path"/> atomically.</summary>
    public static void Write(YaceDocument document, string path)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.WriteAllText(path, ToText(document));
    }

    /// <summary>The text of <paramref name="document"/>.</summary>
    public static string ToText(YaceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sb = new StringBuilder();
        sb.Append("elements: [").AppendJoin(", ", document.Elements).Append("]\n");
        sb.Append("E0: ").Append(List(document.E0)).Append('\n');
        sb.Append("deltaSplineBins: ").Append(D(document.DeltaSplineBins)).Append('\n');
        if (document.LMax is { } lmax)
        {
            sb.Append("lmax: ").Append(I(lmax)).Append('\n');
        }
        sb.Append("embeddings:\n");
        foreach (var (mu, e) in document.Embeddings.OrderBy(p => p.Key))
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {mu}: {{ndensity: {e.Ndensity}, FS_parameters: {List(e.FsParameters)}, npoti: {e.Npoti}, ")
              .Append(CultureInfo.InvariantCulture, $"rho_core_cutoff: {D(e.RhoCoreCutoff)}, drho_core_cutoff: {D(e.DrhoCoreCutoff)}}}\n");
        }
        sb.Append("bonds:\n");
        foreach (var (key, bond) in document.Bonds.OrderBy(p => (p.Key.Center, p.Key.Neighbour)))
        {
            sb.Append(CultureInfo.InvariantCulture, $"  [{key.Center}, {key.Neighbour}]:");
            switch (bond)
            {
                case YaceAnalyticBond b:
                    sb.Append(CultureInfo.InvariantCulture, $" {{nradmax: {b.Nradmax}, lmax: {b.Lmax}, nradbasemax: {b.Nradbasemax}, radbasename: {b.Radbasename}, ")
                      .Append("radparameters: ").Append(List(b.Radparameters)).Append(", radcoefficients: [")
                      .AppendJoin(", ", b.Radcoefficients.Select(byL => "[" + string.Join(", ", byL.Select(List)) + "]")).Append("], ")
                      .Append(CultureInfo.InvariantCulture, $"prehc: {D(b.Prehc)}, lambdahc: {D(b.Lambdahc)}, rcut: {D(b.CutoffRadius)}, dcut: {D(b.Dcut)}, ")
                      .Append(CultureInfo.InvariantCulture, $"rcut_in: {D(b.RcutIn)}, dcut_in: {D(b.DcutIn)}, inner_cutoff_type: {b.InnerCutoffType}}}\n");
                    break;
                case YaceSplineBond s:
                    sb.Append('\n');
                    sb.Append("    radbasename: ").Append(YaceSplineBond.Name).Append('\n');
                    sb.Append("    rcut: ").Append(D(s.CutoffRadius)).Append('\n');
                    sb.Append("    nradial: ").Append(I(s.Nradial)).Append('\n');
                    sb.Append("    nbins: ").Append(I(s.Nbins)).Append('\n');
                    AppendTables(sb, "splinenodalvals", s.NodalValues);
                    AppendTables(sb, "splinenodalderivs", s.NodalDerivatives);
                    break;
                default:
                    throw new ArgumentException($"unknown bond type {bond.GetType().Name}", nameof(document));
            }
        }
        sb.Append("functions:\n");
        foreach (var (mu, list) in document.Functions.OrderBy(p => p.Key))
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {mu}:\n");
            foreach (var f in list)
            {
                sb.Append(CultureInfo.InvariantCulture, $"    - {{mu0: {f.Mu0}, rank: {f.Rank}, ndensity: {f.Ndensity}, num_ms_combs: {f.MsCombinationCount}, ")
                  .Append("mus: ").Append(List(f.Mus)).Append(", ns: ").Append(List(f.Ns)).Append(", ls: ").Append(List(f.Ls))
                  .Append(", ms_combs: ").Append(List(f.MsCombs)).Append(", ctildes: ").Append(List(f.Ctildes)).Append("}\n");
            }
        }
        return sb.ToString();
    }

    private static void AppendTables(StringBuilder sb, string name, IReadOnlyList<IReadOnlyList<double>> tables)
    {
        sb.Append("    ").Append(name).Append(":\n");
        for (int k = 0; k < tables.Count; k++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"      {k}: ").Append(List(tables[k])).Append('\n');
        }
    }

    private static string D(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string List(IReadOnlyList<double> values) => "[" + string.Join(", ", values.Select(D)) + "]";

    private static string List(IReadOnlyList<int> values) => "[" + string.Join(", ", values.Select(I)) + "]";
}
