using System.Globalization;
using System.Text;
using Ace.Core.Potentials;

namespace Ace.Cli.Output;

/// <summary>A saved potential's basis as text (for `ace info` and the fit report).</summary>
internal static class PotentialSummary
{
    /// <summary>Elements, body order, functions per body order, purification, pair basis, cutoff and radial basis per element pair.</summary>
    public static string Basis(LinearAcePotential potential)
    {
        var basis = potential.Basis;
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(c, $"elements    {string.Join(", ", basis.Elements)}\n");
        sb.Append(c, $"basis       {basis.FunctionCount} functions, body order up to {basis.MaxCorrelationOrder + 1}: ");
        sb.AppendJoin(", ", Enumerable.Range(1, basis.MaxCorrelationOrder).Select(nu => $"{basis.CountByOrder(nu)} of body order {nu + 1}"));
        sb.Append(c, $"{(basis.IsPurified ? "; purified" : "")}{(basis.HasPairBasis ? "; with a pair basis" : "")}\n");
        sb.Append(c, $"selection   {basis.Specification.Selection}\n");
        sb.Append(c, $"radial      {basis.Specification.Radial}\n");
        foreach (var pair in basis.Specification.PairRadials ?? [])
        {
            sb.Append(c, $"  pair      {pair}\n");
        }
        for (int a = 0; a < basis.Elements.Count; a++)
        {
            for (int b = a; b < basis.Elements.Count; b++)
            {
                sb.Append(c, $"cutoff      {basis.Elements[a]}-{basis.Elements[b]} {basis.Cutoff(a, b):G6} A\n");
            }
        }
        foreach (var (element, energy) in potential.ReferenceEnergies.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            sb.Append(c, $"E0          {element} {energy:G10} eV\n");
        }
        return sb.ToString();
    }
}
