using Ace.Core.Basis;
using Ace.Core.Primitives.Radial;

namespace Ace.Core.Fitting.Radials;

/// <summary>
/// The smoothness penalty of fitted radial functions: mu sum over channels of integral_0^rc (R'_nl(r) - R'^0_nl(r))^2 dr,
/// the roughness the fit adds to each R_nl over its starting function R^0_nl, as the quadratic form
/// mu (W - W0)^T Q (W - W0) with Q_kk' = integral g'_k g'_k' dr per element pair (midpoint rule, 2000 points).
/// </summary>
internal sealed class RadialSmoothness
{
    private const int Points = 2000;
    private readonly double _strength;
    private readonly double[] _start;
    private readonly (int Offset, int Length, double[] Q)[] _blocks;

    public RadialSmoothness(AceBasis start, double strength)
    {
        _strength = strength;
        var parameters = start.FittedRadialParameters;
        _start = parameters?.Values() ?? [];
        var gram = new Dictionary<IRadialBasis, double[]>(ReferenceEqualityComparer.Instance);
        var blocks = new List<(int, int, double[])>();
        foreach (var block in parameters?.Blocks ?? [])
        {
            var fitted = (FittedRadialBasis)start.ManyBodyRadial(start.SpeciesIndex(block.Center), start.SpeciesIndex(block.Neighbour))!;
            if (!gram.TryGetValue(fitted.Primitive, out var q))
            {
                gram[fitted.Primitive] = q = strength > 0 ? Gram(fitted.Primitive) : [];
            }
            blocks.Add((block.Offset, block.Length, q));
        }
        _blocks = blocks.ToArray();
    }

    /// <summary>Returns the penalty at <paramref name="w"/> and adds its gradient to <paramref name="gradient"/>.</summary>
    public double Add(ReadOnlySpan<double> w, Span<double> gradient)
    {
        if (_strength == 0)
        {
            return 0;
        }
        double penalty = 0;
        foreach (var (offset, k, q) in _blocks)
        {
            for (int a = 0; a < k; a++)
            {
                double qa = 0;
                for (int b = 0; b < k; b++)
                {
                    qa += q[a * k + b] * (w[offset + b] - _start[offset + b]);
                }
                penalty += _strength * (w[offset + a] - _start[offset + a]) * qa;
                gradient[offset + a] += 2 * _strength * qa;
            }
        }
        return penalty;
    }

    private static double[] Gram(IRadialBasis primitive)
    {
        int k = primitive.Count;
        double h = primitive.Cutoff / Points;
        var r = new double[Points];
        for (int j = 0; j < Points; j++)
        {
            r[j] = (j + 0.5) * h;
        }
        var values = new double[k * Points];
        var derivatives = new double[k * Points];
        primitive.Evaluate(r, values, derivatives);
        var q = new double[k * k];
        for (int a = 0; a < k; a++)
        {
            for (int b = 0; b <= a; b++)
            {
                double sum = 0;
                for (int j = 0; j < Points; j++)
                {
                    sum += derivatives[a * Points + j] * derivatives[b * Points + j];
                }
                q[a * k + b] = q[b * k + a] = sum * h;
            }
        }
        return q;
    }
}
