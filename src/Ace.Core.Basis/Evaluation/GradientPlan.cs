namespace Ace.Core.Basis.Evaluation;

/// <summary>
/// The static structure of the sparse Jacobian J = dB/dA of one center, used for gradients: B_f = sum_p C_fp AA_p,
/// so J_fk = sum_p C_fp dAA_p/dA_k, and dB_f/dr_j = sum_k J_fk grad phi_k(r_j). Every DAG node p carries its
/// tangent dAA_p/dA as a short list (one entry per A factor, repeats allowed): the leaves' lists are (k, 1) and a
/// product l * r lists l's entries scaled by AA_r followed by r's scaled by AA_l. Built once per center, on the first
/// gradient evaluation.
/// </summary>
internal sealed class GradientPlan
{
    /// <summary>Neighbours per block of leaf gradients (x, y, z interleaved per neighbour).</summary>
    public const int Chunk = 16;

    /// <summary>Doubles per leaf in a block of leaf gradients.</summary>
    public const int BlockStride = 3 * Chunk;

    public GradientPlan(CenterBasis center)
    {
        var graph = center.Graph;
        var map = center.Map;
        var layout = center.Layout;
        int leaves = graph.LeafCount;
        int nodes = graph.NodeCount;
        var left = graph.Left;
        var right = graph.Right;

        TangentStart = new int[nodes + 1];
        for (int k = 0; k < leaves; k++)
        {
            TangentStart[k + 1] = k + 1;
        }
        for (int i = 0; i < left.Length; i++)
        {
            int p = leaves + i, l = left[i], r = right[i];
            int size = TangentStart[l + 1] - TangentStart[l] + TangentStart[r + 1] - TangentStart[r];
            TangentStart[p + 1] = TangentStart[p] + size;
        }
        var tangentLeaf = new int[TangentStart[nodes]];
        for (int k = 0; k < leaves; k++)
        {
            tangentLeaf[k] = k;
        }
        for (int i = 0; i < left.Length; i++)
        {
            int dst = TangentStart[leaves + i];
            foreach (int child in (ReadOnlySpan<int>)[left[i], right[i]])
            {
                for (int t = TangentStart[child]; t < TangentStart[child + 1]; t++)
                {
                    tangentLeaf[dst++] = tangentLeaf[t];
                }
            }
        }

        int rows = map.RowCount;
        JacobianRowStart = new int[rows + 1];
        var rowLeaves = new List<int>();
        var jacobianLeaf = new List<int>();
        var scatter = new List<(int Target, int Tangent, double Coefficient)>();
        for (int f = 0; f < rows; f++)
        {
            rowLeaves.Clear();
            for (int e = map.RowStart[f]; e < map.RowStart[f + 1]; e++)
            {
                int p = map.Columns[e];
                for (int t = TangentStart[p]; t < TangentStart[p + 1]; t++)
                {
                    rowLeaves.Add(tangentLeaf[t]);
                }
            }
            rowLeaves.Sort();
            int unique = 0;
            for (int q = 0; q < rowLeaves.Count; q++)
            {
                if (q == 0 || rowLeaves[q] != rowLeaves[unique - 1])
                {
                    rowLeaves[unique++] = rowLeaves[q];
                }
            }
            rowLeaves.RemoveRange(unique, rowLeaves.Count - unique);
            int rowStart = jacobianLeaf.Count;
            for (int e = map.RowStart[f]; e < map.RowStart[f + 1]; e++)
            {
                int p = map.Columns[e];
                for (int t = TangentStart[p]; t < TangentStart[p + 1]; t++)
                {
                    scatter.Add((rowStart + rowLeaves.BinarySearch(tangentLeaf[t]), t, map.Values[e]));
                }
            }
            jacobianLeaf.AddRange(rowLeaves);
            JacobianRowStart[f + 1] = jacobianLeaf.Count;
        }
        JacobianLeaf = jacobianLeaf.ToArray();
        // Gather form: J_q = sum of the coefficient times the tangent over q's contributions (no read-modify-write chains).
        var byTarget = scatter.OrderBy(x => x.Target).ThenBy(x => x.Tangent).ToArray();
        ContributionStart = new int[JacobianLeaf.Length + 1];
        ContributionTangent = new int[byTarget.Length];
        ContributionCoefficient = new double[byTarget.Length];
        for (int i = 0; i < byTarget.Length; i++)
        {
            ContributionStart[byTarget[i].Target + 1] = i + 1;
            ContributionTangent[i] = byTarget[i].Tangent;
            ContributionCoefficient[i] = byTarget[i].Coefficient;
        }

        int species = layout.SpeciesCount;
        LeafSpeciesStart = new int[species + 1];
        for (int z = 0; z <= species; z++)
        {
            int channel = layout.SpeciesChannelStart[z];
            LeafSpeciesStart[z] = channel < layout.ChannelCount ? layout.ChannelStart[channel] : layout.Count;
        }
        SpeciesStride = species + 1;
        JacobianSpeciesStart = new int[rows * SpeciesStride];
        for (int f = 0; f < rows; f++)
        {
            int q = JacobianRowStart[f];
            for (int z = 0; z <= species; z++)
            {
                while (q < JacobianRowStart[f + 1] && JacobianLeaf[q] < LeafSpeciesStart[z])
                {
                    q++;
                }
                JacobianSpeciesStart[f * SpeciesStride + z] = q;
            }
        }
        MaxSpeciesLeaves = 0;
        for (int z = 0; z < species; z++)
        {
            MaxSpeciesLeaves = Math.Max(MaxSpeciesLeaves, LeafSpeciesStart[z + 1] - LeafSpeciesStart[z]);
        }
    }

    /// <summary>The tangent entries of node p are TangentStart[p] .. TangentStart[p+1]-1.</summary>
    public int[] TangentStart { get; }

    public int TangentCount => TangentStart[^1];

    /// <summary>The Jacobian entries of function f are JacobianRowStart[f] .. JacobianRowStart[f+1]-1, sorted by leaf.</summary>
    public int[] JacobianRowStart { get; }

    /// <summary>The A index (leaf) of every Jacobian entry.</summary>
    public int[] JacobianLeaf { get; }

    public int JacobianCount => JacobianLeaf.Length;

    /// <summary>The contributions to Jacobian entry q are ContributionStart[q] .. ContributionStart[q+1]-1.</summary>
    public int[] ContributionStart { get; }

    /// <summary>The tangent entry of every contribution.</summary>
    public int[] ContributionTangent { get; }

    /// <summary>The map coefficient of every contribution: J_q = sum ContributionCoefficient[i] * tangent[ContributionTangent[i]].</summary>
    public double[] ContributionCoefficient { get; }

    /// <summary>The A indices of neighbour species z are LeafSpeciesStart[z] .. LeafSpeciesStart[z+1]-1.</summary>
    public int[] LeafSpeciesStart { get; }

    /// <summary>The row stride (SpeciesCount + 1) of <see cref="JacobianSpeciesStart"/>.</summary>
    public int SpeciesStride { get; }

    /// <summary>JacobianSpeciesStart[f * SpeciesStride + z]: the first entry of row f whose leaf has species z or later.</summary>
    public int[] JacobianSpeciesStart { get; }

    /// <summary>The largest number of A functions of one neighbour species.</summary>
    public int MaxSpeciesLeaves { get; }
}
