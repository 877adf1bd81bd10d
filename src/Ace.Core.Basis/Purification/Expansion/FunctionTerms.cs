using Ace.Core.Basis.Enumeration;
using Ace.Core.Basis.Evaluation;

namespace Ace.Core.Basis.Purification.Expansion;

/// <summary>
/// One many-body function of a built basis read back from its sparse map and product graph:
/// B = sum_t Coefficients[t] prod_s A_{Labels[s], MTuples[t * Order + s]}.
/// </summary>
internal sealed class FunctionTerms
{
    private FunctionTerms(LabelIndex[] labels, double[] coefficients, int[] mTuples)
    {
        Labels = labels;
        Coefficients = coefficients;
        MTuples = mTuples;
    }

    /// <summary>The sorted (species, n, l) label of every position.</summary>
    public LabelIndex[] Labels { get; }

    public int Order => Labels.Length;

    public double[] Coefficients { get; }

    public int[] MTuples { get; }

    /// <summary>Every row of the center's map, in row order.</summary>
    /// <exception cref="InvalidOperationException">A row mixes products of different label tuples (not a basis built by AceBasisBuilder).</exception>
    public static FunctionTerms[] FromCenter(CenterBasis center)
    {
        var graph = center.Graph;
        var layout = center.Layout;
        var factors = new int[graph.NodeCount][];
        for (int k = 0; k < graph.LeafCount; k++)
        {
            factors[k] = [k];
        }
        for (int i = 0; i < graph.Left.Length; i++)
        {
            int[] f = [.. factors[graph.Left[i]], .. factors[graph.Right[i]]];
            Array.Sort(f);
            factors[graph.LeafCount + i] = f;
        }
        var map = center.Map;
        var result = new FunctionTerms[map.RowCount];
        for (int row = 0; row < map.RowCount; row++)
        {
            int start = map.RowStart[row], end = map.RowStart[row + 1];
            if (end == start)
            {
                throw new InvalidOperationException($"function {row} of center species {center.Species} has no terms");
            }
            var first = factors[map.Columns[start]];
            int order = first.Length;
            var labels = first.Select(k => layout.LabelOf(k).Label).ToArray();
            var coefficients = new double[end - start];
            var mTuples = new int[(end - start) * order];
            for (int e = start; e < end; e++)
            {
                var f = factors[map.Columns[e]];
                if (f.Length != order)
                {
                    throw new InvalidOperationException($"function {row} of center species {center.Species} mixes correlation orders");
                }
                coefficients[e - start] = map.Values[e];
                for (int s = 0; s < order; s++)
                {
                    var (label, m) = layout.LabelOf(f[s]);
                    if (label != labels[s])
                    {
                        throw new InvalidOperationException($"function {row} of center species {center.Species} mixes label tuples");
                    }
                    mTuples[(e - start) * order + s] = m;
                }
            }
            result[row] = new FunctionTerms(labels, coefficients, mTuples);
        }
        return result;
    }
}
