namespace Ace.Core.Basis.Evaluation;

/// <summary>
/// The static structure of the sparse Jacobian J = dB/dA of one center, used for gradients: B_f = sum_p C_fp AA_p,
/// so J_fk = sum_p C_fp dAA_p/dA_k, and dB_f/dr_j = sum_k J_fk grad phi_k(r_j). Every DAG node is the product of a
/// multiset of A functions (its factors, found through the DAG, so any DAG shape works); the derivative of AA_p
/// with respect to its t-th factor is the product of the others. Built once per center, on the first gradient
/// evaluation.
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

        // The factors (leaves, with repeats) of every node: a leaf is its own factor; a product lists its left
        // factor's factors, then its right factor's.
        var factorStart = new int[nodes + 1];
        for (int k = 0; k < leaves; k++)
        {
            factorStart[k + 1] = k + 1;
        }
        for (int i = 0; i < left.Length; i++)
        {
            int p = leaves + i, l = left[i], r = right[i];
            factorStart[p + 1] = factorStart[p] + factorStart[l + 1] - factorStart[l] + factorStart[r + 1] - factorStart[r];
        }
        var factors = new int[factorStart[nodes]];
        for (int k = 0; k < leaves; k++)
        {
            factors[k] = k;
        }
        for (int i = 0; i < left.Length; i++)
        {
            int dst = factorStart[leaves + i];
            foreach (int child in (ReadOnlySpan<int>)[left[i], right[i]])
            {
                for (int t = factorStart[child]; t < factorStart[child + 1]; t++)
                {
                    factors[dst++] = factors[t];
                }
            }
        }

        int rows = map.RowCount;
        JacobianRowStart = new int[rows + 1];
        EntryFactorStart = new int[map.NonZeroCount + 1];
        var rowLeaves = new List<int>();
        var jacobianLeaf = new List<int>();
        var entryFactor = new List<int>();
        var entryTarget = new List<int>();
        for (int f = 0; f < rows; f++)
        {
            rowLeaves.Clear();
            for (int e = map.RowStart[f]; e < map.RowStart[f + 1]; e++)
            {
                int p = map.Columns[e];
                for (int t = factorStart[p]; t < factorStart[p + 1]; t++)
                {
                    rowLeaves.Add(factors[t]);
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
                for (int t = factorStart[p]; t < factorStart[p + 1]; t++)
                {
                    entryFactor.Add(factors[t]);
                    entryTarget.Add(rowStart + rowLeaves.BinarySearch(factors[t]));
                }
                EntryFactorStart[e + 1] = entryFactor.Count;
                MaxFactors = Math.Max(MaxFactors, factorStart[p + 1] - factorStart[p]);
            }
            jacobianLeaf.AddRange(rowLeaves);
            JacobianRowStart[f + 1] = jacobianLeaf.Count;
        }
        JacobianLeaf = jacobianLeaf.ToArray();
        EntryFactor = entryFactor.ToArray();
        EntryTarget = entryTarget.ToArray();

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

    /// <summary>The factors of map entry e (of its node) are EntryFactor[EntryFactorStart[e] .. EntryFactorStart[e+1]-1].</summary>
    public int[] EntryFactorStart { get; }

    /// <summary>The A index of every factor occurrence of every map entry.</summary>
    public int[] EntryFactor { get; }

    /// <summary>The Jacobian entry that the derivative with respect to each factor occurrence adds to.</summary>
    public int[] EntryTarget { get; }

    /// <summary>The largest number of factors of a node used by the map.</summary>
    public int MaxFactors { get; }

    /// <summary>The Jacobian entries of function f are JacobianRowStart[f] .. JacobianRowStart[f+1]-1, sorted by leaf.</summary>
    public int[] JacobianRowStart { get; }

    /// <summary>The A index (leaf) of every Jacobian entry.</summary>
    public int[] JacobianLeaf { get; }

    public int JacobianCount => JacobianLeaf.Length;

    /// <summary>The A indices of neighbour species z are LeafSpeciesStart[z] .. LeafSpeciesStart[z+1]-1.</summary>
    public int[] LeafSpeciesStart { get; }

    /// <summary>The row stride (SpeciesCount + 1) of <see cref="JacobianSpeciesStart"/>.</summary>
    public int SpeciesStride { get; }

    /// <summary>JacobianSpeciesStart[f * SpeciesStride + z]: the first entry of row f whose leaf has species z or later.</summary>
    public int[] JacobianSpeciesStart { get; }

    /// <summary>The largest number of A functions of one neighbour species.</summary>
    public int MaxSpeciesLeaves { get; }
}
