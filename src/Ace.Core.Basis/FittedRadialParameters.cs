using System.Globalization;
using Ace.Core.Basis.Enumeration;
using Ace.Core.Primitives.Radial;

namespace Ace.Core.Basis;

/// <summary>
/// The fitted radial coefficients W of a basis as one parameter vector: for each center element, each neighbour element
/// with fitted radials and each channel (n, l) the center uses with it (in <see cref="AceBasis.FittedRadialChannels"/>
/// order), the K coefficients of R_{z z' n l} = sum_k W_k g_k. Get it from <see cref="AceBasis.FittedRadialParameters"/>.
/// </summary>
public sealed class FittedRadialParameters
{
    private readonly AceBasis _basis;
    private readonly int[,] _offsets;
    private readonly FittedRadialBlock[] _blocks;

    internal FittedRadialParameters(AceBasis basis)
    {
        _basis = basis;
        int s = basis.Elements.Count;
        _offsets = new int[s, s];
        var blocks = new List<FittedRadialBlock>();
        int offset = 0;
        for (int c = 0; c < s; c++)
        {
            for (int z = 0; z < s; z++)
            {
                _offsets[c, z] = -1;
                if (basis.ManyBodyRadial(c, z) is not FittedRadialBasis fitted)
                {
                    continue;
                }
                _offsets[c, z] = offset;
                int k = fitted.Primitive.Count;
                foreach (var channel in basis.FittedRadialChannels(c, z)!)
                {
                    blocks.Add(new FittedRadialBlock(basis.Elements[c], basis.Elements[z], channel.N, channel.L, offset, k));
                    offset += k;
                }
            }
        }
        _blocks = blocks.ToArray();
        Blocks = Array.AsReadOnly(_blocks);
        Count = offset;
    }

    /// <summary>The number of parameters.</summary>
    public int Count { get; }

    /// <summary>One block per fitted channel, in parameter order.</summary>
    public IReadOnlyList<FittedRadialBlock> Blocks { get; }

    /// <summary>The offset of the first parameter of (center, neighbour) (its channels follow in order), or -1 when that pair's radials are fixed.</summary>
    public int Offset(int center, int neighbour) => _offsets[center, neighbour];

    /// <summary>The basis's current coefficients as a parameter vector.</summary>
    public double[] Values()
    {
        var values = new double[Count];
        int s = _basis.Elements.Count;
        for (int c = 0; c < s; c++)
        {
            for (int z = 0; z < s; z++)
            {
                if (_basis.ManyBodyRadial(c, z) is FittedRadialBasis fitted)
                {
                    fitted.Coefficients.CopyTo(values.AsSpan(_offsets[c, z]));
                }
            }
        }
        return values;
    }

    /// <summary>
    /// The specification of the same basis with the coefficients <paramref name="values"/>: every fitted radial
    /// specification lists the rows of the channels the basis uses (other rows it held are dropped).
    /// </summary>
    /// <exception cref="ArgumentException">The vector has the wrong length or a non-finite entry.</exception>
    public AceBasisSpecification Specification(ReadOnlySpan<double> values)
    {
        if (values.Length != Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{values.Length} radial parameters given; the basis has {Count}"), nameof(values));
        }
        var spec = _basis.Specification;
        var elements = spec.Elements;
        var bySpecification = AceBasisBuilder.PairSpecifications(elements, spec.Radial, spec.PairRadials);
        var rows = new Dictionary<FittedRadialSpecification, List<RadialChannelCoefficients>>(ReferenceEqualityComparer.Instance);
        foreach (var block in _blocks)
        {
            var row = values.Slice(block.Offset, block.Length).ToArray();
            foreach (var v in row)
            {
                if (!double.IsFinite(v))
                {
                    throw new ArgumentException($"a radial parameter of {block.Center}-{block.Neighbour} n = {block.N}, l = {block.L} is not finite", nameof(values));
                }
            }
            int c = _basis.SpeciesIndex(block.Center), z = _basis.SpeciesIndex(block.Neighbour);
            var owner = (FittedRadialSpecification)bySpecification[c, z];
            if (!rows.TryGetValue(owner, out var list))
            {
                rows[owner] = list = [];
            }
            list.Add(new RadialChannelCoefficients(block.Center, block.Neighbour, block.N, block.L, row));
        }
        RadialBasisSpecification Updated(RadialBasisSpecification radial) =>
            radial is FittedRadialSpecification f ? f with { Coefficients = rows.TryGetValue(f, out var list) ? list.ToArray() : [] } : radial;
        return spec with
        {
            Radial = Updated(spec.Radial),
            PairRadials = spec.PairRadials?.Select(o => o with { Radial = Updated(o.Radial) }).ToArray(),
        };
    }
}

/// <summary>The parameters of one fitted radial channel: W_{z z' n l k}, k = 0 .. Length-1, at Offset .. Offset+Length-1.</summary>
/// <param name="Center">The center element.</param>
/// <param name="Neighbour">The neighbour element.</param>
/// <param name="N">The radial label n.</param>
/// <param name="L">The angular label l.</param>
/// <param name="Offset">The first parameter's index.</param>
/// <param name="Length">K, the number of primitive functions.</param>
public sealed record FittedRadialBlock(string Center, string Neighbour, int N, int L, int Offset, int Length);
