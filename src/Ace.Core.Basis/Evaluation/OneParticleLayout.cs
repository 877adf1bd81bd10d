using Ace.Core.Basis.Enumeration;

namespace Ace.Core.Basis.Evaluation;

/// <summary>
/// The A basis of one center element: the channels (z, n, l) that its functions use, sorted by (species, n, l),
/// each occupying 2l + 1 consecutive A indices (m = -l .. l). Channels of one species are contiguous. A channel's
/// radial function is row n - 1 of the species' radial basis, or, for a species with channel-resolved (fitted) radials,
/// its own row: the position of the channel among the channels of its species.
/// </summary>
internal sealed class OneParticleLayout
{
    private readonly Dictionary<LabelIndex, int> _channelOf = new();

    public OneParticleLayout(int speciesCount, IEnumerable<LabelIndex> channels, bool[]? channelResolved = null)
    {
        var sorted = channels.Distinct().Order().ToArray();
        SpeciesCount = speciesCount;
        ChannelCount = sorted.Length;
        Channels = sorted;
        ChannelSpecies = new int[sorted.Length];
        ChannelRadialIndex = new int[sorted.Length];
        ChannelL = new int[sorted.Length];
        ChannelStart = new int[sorted.Length];
        SpeciesChannelStart = new int[speciesCount + 1];
        RadialCountBySpecies = new int[speciesCount];
        int k = 0;
        for (int c = 0; c < sorted.Length; c++)
        {
            var label = sorted[c];
            ChannelSpecies[c] = label.Species;
            ChannelRadialIndex[c] = label.N - 1;
            ChannelL[c] = label.L;
            ChannelStart[c] = k;
            k += 2 * label.L + 1;
            MaxL = Math.Max(MaxL, label.L);
            RadialCountBySpecies[label.Species] = Math.Max(RadialCountBySpecies[label.Species], label.N);
            SpeciesChannelStart[label.Species + 1] = c + 1;
            _channelOf[label] = c;
        }
        for (int z = 1; z <= speciesCount; z++)
        {
            SpeciesChannelStart[z] = Math.Max(SpeciesChannelStart[z], SpeciesChannelStart[z - 1]);
        }
        for (int z = 0; z < speciesCount; z++)
        {
            if (channelResolved is not null && channelResolved[z])
            {
                RadialCountBySpecies[z] = SpeciesChannelStart[z + 1] - SpeciesChannelStart[z];
                for (int c = SpeciesChannelStart[z]; c < SpeciesChannelStart[z + 1]; c++)
                {
                    ChannelRadialIndex[c] = c - SpeciesChannelStart[z];
                }
            }
        }
        Count = k;
        LStride = MaxL + 2;
        LChannelStart = new int[speciesCount * LStride];
        LChannels = new int[sorted.Length];
        int position = 0;
        for (int z = 0; z < speciesCount; z++)
        {
            for (int l = 0; l <= MaxL; l++)
            {
                LChannelStart[z * LStride + l] = position;
                for (int c = SpeciesChannelStart[z]; c < SpeciesChannelStart[z + 1]; c++)
                {
                    if (ChannelL[c] == l)
                    {
                        LChannels[position++] = c;
                    }
                }
            }
            LChannelStart[z * LStride + MaxL + 1] = position;
        }
    }

    public int SpeciesCount { get; }

    /// <summary>The number of A functions (sum over channels of 2l + 1).</summary>
    public int Count { get; }

    public int ChannelCount { get; }

    public int MaxL { get; }

    /// <summary>The channel labels (z, n, l), in channel order.</summary>
    public LabelIndex[] Channels { get; }

    public int[] ChannelSpecies { get; }

    /// <summary>The row of each channel's radial function: n - 1, or the channel's position in its species for channel-resolved radials.</summary>
    public int[] ChannelRadialIndex { get; }

    public int[] ChannelL { get; }

    /// <summary>The A index of m = -l of each channel.</summary>
    public int[] ChannelStart { get; }

    /// <summary>Channels of species z are SpeciesChannelStart[z] .. SpeciesChannelStart[z+1]-1.</summary>
    public int[] SpeciesChannelStart { get; }

    /// <summary>The radial functions needed per neighbour species: the largest n, or the channel count for channel-resolved radials (0 when unused).</summary>
    public int[] RadialCountBySpecies { get; }

    /// <summary>The row stride (MaxL + 2) of <see cref="LChannelStart"/>.</summary>
    public int LStride { get; }

    /// <summary>The channels of species z and degree l are LChannels[LChannelStart[z * LStride + l] .. LChannelStart[z * LStride + l + 1]-1].</summary>
    public int[] LChannelStart { get; }

    /// <summary>The channels ordered by (species, l, n).</summary>
    public int[] LChannels { get; }

    /// <summary>The A index of (z, n, l, m).</summary>
    public int IndexOf(LabelIndex label, int m) => ChannelStart[_channelOf[label]] + label.L + m;

    /// <summary>The label (z, n, l) and m of A index k (for diagnostics and tests).</summary>
    public (LabelIndex Label, int M) LabelOf(int k)
    {
        int c = Array.BinarySearch(ChannelStart, k);
        if (c < 0)
        {
            c = ~c - 1;
        }
        return (Channels[c], k - ChannelStart[c] - ChannelL[c]);
    }
}
