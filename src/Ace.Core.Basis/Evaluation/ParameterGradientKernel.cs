using System.Numerics.Tensors;
using Ace.Core.Primitives.Radial;

namespace Ace.Core.Basis.Evaluation;

/// <summary>
/// Derivatives of the site functional Lambda_i = a E_i + sum_p v_p . dE_i/dr_p (a: the weighted energy residual,
/// v_p: per-neighbour directions that carry the weighted force and virial residuals) with respect to the node
/// coefficients c~ and the fitted radial coefficients W, by forward-over-reverse differentiation of the product DAG:
/// with F the adjoint dE/dA, the leaf tangents Adot = sum_p v_p . grad phi_k(r_p), and (H Adot) the tangent of the adjoint,
/// dLambda/dc~ = a AA + AAdot and dLambda/dW_{ck} = sum_m [(a F + H Adot)_{cm} P_{k lm} + F_{cm} Pdot_{k lm}] with
/// P_{k lm} = sum_p g_k(r_p) Y_lm(p) and Pdot its derivative along v. A product function of the radials (a purified basis's
/// product channel, R_P = prod_t R_{c_t}) has no parameters of its own: its sensitivities dLambda/dR_P(r_p) and
/// dLambda/dR'_P(r_p) pass to its factors by the product rule, per neighbour, and reach W through g_k(r_p) and g'_k(r_p).
/// The neighbour stage must have loaded the site with harmonic gradients, and the directions must be in the workspace
/// (sorted order).
/// </summary>
internal static class ParameterGradientKernel
{

    /// <summary>
    /// Returns E_i (many-body part); adds dLambda/dc (this center's columns, relative to its first column) to
    /// <paramref name="coefficientGradient"/> and dLambda/dW to <paramref name="radialGradient"/> at the offsets of
    /// <paramref name="radialOffsets"/> (per neighbour species; -1 for a fixed radial basis).
    /// </summary>
    public static double Accumulate(CenterBasis center, SiteWorkspace ws, ReadOnlySpan<double> cTilde, double energyWeight,
        Span<double> coefficientGradient, Span<double> radialGradient, ReadOnlySpan<int> radialOffsets)
    {
        var layout = center.Layout;
        var graph = center.Graph;
        int nodeCount = graph.NodeCount;
        int count = ws.Count;
        ManyBodyKernels.ComputeA(center, ws);
        var aa = ws.Nodes.AsSpan(0, nodeCount);
        graph.Forward(aa);
        double energy = TensorPrimitives.Dot(cTilde, aa);

        int lm = center.HarmonicsCount;
        int primitiveSize = 0;
        for (int z = 0; z < layout.SpeciesCount; z++)
        {
            if (center.RadialBySpecies[z] is FittedRadialBasis f)
            {
                int gn = ws.GroupStart[z + 1] - ws.GroupStart[z];
                int sensitivities = f.Products.Count > 0 ? 2 * f.FittedCount * gn : 0;
                primitiveSize = Math.Max(primitiveSize, f.Primitive.Count * (2 * gn + 2 * lm) + sensitivities);
            }
        }
        ws.EnsureParameterScratch(nodeCount, primitiveSize, center.FunctionCount);
        var tangent = ws.Tangent.AsSpan(0, nodeCount);
        var adjointTangent = ws.AdjointTangent.AsSpan(0, nodeCount);
        LeafTangents(center, ws, tangent);
        graph.ForwardTangent(aa, tangent);
        var adjoint = ws.Adjoint.AsSpan(0, nodeCount);
        cTilde.CopyTo(adjoint);
        adjointTangent.Clear();
        graph.BackwardWithTangent(aa, tangent, adjoint, adjointTangent);

        // dLambda/dc = Map (a AA + AAdot): reuse the tangent array for the combination.
        var combined = ws.Tangent.AsSpan(0, nodeCount);
        TensorPrimitives.MultiplyAdd(aa, energyWeight, tangent, combined);
        var bRow = ws.FunctionScratch.AsSpan(0, center.FunctionCount);
        center.Map.Multiply(combined, bRow);
        TensorPrimitives.Add(coefficientGradient, bRow, coefficientGradient);

        for (int z = 0; z < layout.SpeciesCount; z++)
        {
            if (center.RadialBySpecies[z] is not FittedRadialBasis fitted || radialOffsets[z] < 0)
            {
                continue;
            }
            int gs = ws.GroupStart[z], gn = ws.GroupStart[z + 1] - gs;
            if (gn == 0)
            {
                continue;
            }
            RadialGradient(center, ws, z, fitted, energyWeight, adjoint, adjointTangent, radialGradient[radialOffsets[z]..], lm);
        }
        return energy;
    }

    /// <summary>Adot_k = sum_p v_p . grad (R_c Y_lm)(r_p) = sum_p [R'_c(p) Y_lm(p) (u_p . v_p) + R_c(p) (grad Y_lm(p) . v_p)].</summary>
    private static void LeafTangents(CenterBasis center, SiteWorkspace ws, Span<double> tangent)
    {
        var layout = center.Layout;
        int count = ws.Count;
        tangent[..layout.Count].Clear();
        for (int z = 0; z < layout.SpeciesCount; z++)
        {
            int gs = ws.GroupStart[z], gn = ws.GroupStart[z + 1] - gs;
            if (gn == 0)
            {
                continue;
            }
            int offset = ws.RadialOffset(z);
            for (int ch = layout.SpeciesChannelStart[z]; ch < layout.SpeciesChannelStart[z + 1]; ch++)
            {
                int l = layout.ChannelL[ch], start = layout.ChannelStart[ch];
                int row = offset + layout.ChannelRadialIndex[ch] * gn;
                for (int mm = 0; mm <= 2 * l; mm++)
                {
                    int h = (l * l + mm) * count + gs;
                    double sum = 0;
                    for (int q = 0; q < gn; q++)
                    {
                        int p = gs + q;
                        double radialDirection = ws.UnitX[p] * ws.DirectionX[p] + ws.UnitY[p] * ws.DirectionY[p] + ws.UnitZ[p] * ws.DirectionZ[p];
                        double harmonicDirection = ws.HarmonicsGradX[h + q] * ws.DirectionX[p] + ws.HarmonicsGradY[h + q] * ws.DirectionY[p]
                            + ws.HarmonicsGradZ[h + q] * ws.DirectionZ[p];
                        sum += ws.RadialDerivative[row + q] * ws.Harmonics[h + q] * radialDirection + ws.Radial[row + q] * harmonicDirection;
                    }
                    tangent[start + mm] = sum;
                }
            }
        }
    }

    /// <summary>dLambda/dW of the channels of neighbour species z (rows in channel order, K coefficients each).</summary>
    private static void RadialGradient(CenterBasis center, SiteWorkspace ws, int z, FittedRadialBasis fitted, double energyWeight,
        ReadOnlySpan<double> adjoint, ReadOnlySpan<double> adjointTangent, Span<double> gradient, int harmonicsCount)
    {
        var layout = center.Layout;
        int count = ws.Count;
        int gs = ws.GroupStart[z], gn = ws.GroupStart[z + 1] - gs;
        int k = fitted.Primitive.Count;
        var scratch = ws.PrimitiveScratch.AsSpan();
        var g = scratch[..(k * gn)];
        var dg = scratch.Slice(k * gn, k * gn);
        var projection = scratch.Slice(2 * k * gn, k * harmonicsCount);
        var projectionTangent = scratch.Slice(2 * k * gn + k * harmonicsCount, k * harmonicsCount);
        fitted.Primitive.Evaluate(ws.R.AsSpan(gs, gn), g, dg);
        int maxL = layout.MaxL;
        for (int h = 0; h < (maxL + 1) * (maxL + 1); h++)
        {
            int row = h * count + gs;
            for (int j = 0; j < k; j++)
            {
                double p = 0, pDot = 0;
                for (int q = 0; q < gn; q++)
                {
                    int s = gs + q;
                    double radialDirection = ws.UnitX[s] * ws.DirectionX[s] + ws.UnitY[s] * ws.DirectionY[s] + ws.UnitZ[s] * ws.DirectionZ[s];
                    double harmonicDirection = ws.HarmonicsGradX[row + q] * ws.DirectionX[s] + ws.HarmonicsGradY[row + q] * ws.DirectionY[s]
                        + ws.HarmonicsGradZ[row + q] * ws.DirectionZ[s];
                    double y = ws.Harmonics[row + q];
                    p += g[j * gn + q] * y;
                    pDot += dg[j * gn + q] * y * radialDirection + g[j * gn + q] * harmonicDirection;
                }
                projection[h * k + j] = p;
                projectionTangent[h * k + j] = pDot;
            }
        }
        for (int ch = layout.SpeciesChannelStart[z]; ch < layout.SpeciesChannelStart[z + 1]; ch++)
        {
            if (layout.ChannelRadialIndex[ch] >= fitted.FittedCount)
            {
                continue;
            }
            int l = layout.ChannelL[ch], start = layout.ChannelStart[ch];
            var target = gradient.Slice(layout.ChannelRadialIndex[ch] * k, k);
            for (int mm = 0; mm <= 2 * l; mm++)
            {
                int h = l * l + mm;
                double alpha = energyWeight * adjoint[start + mm] + adjointTangent[start + mm];
                double beta = adjoint[start + mm];
                TensorPrimitives.MultiplyAdd(projection.Slice(h * k, k), alpha, target, target);
                TensorPrimitives.MultiplyAdd(projectionTangent.Slice(h * k, k), beta, target, target);
            }
        }
        if (fitted.Products.Count > 0)
        {
            var sensitivity = scratch.Slice(2 * k * gn + 2 * k * harmonicsCount, 2 * fitted.FittedCount * gn);
            ProductGradient(center, ws, z, fitted, energyWeight, adjoint, adjointTangent, g, dg, sensitivity, gradient);
        }
    }

    /// <summary>
    /// dLambda/dW through the product functions of neighbour species z: per neighbour p, s = dLambda/dR_P(r_p) and
    /// s' = dLambda/dR'_P(r_p) of each product channel P (same alpha and beta as a fitted channel), passed to the factors
    /// (R_P = prod_t R_t, R'_P = sum_t R'_t prod_{u != t} R_u), then contracted with g_k and g'_k per fitted row.
    /// </summary>
    private static void ProductGradient(CenterBasis center, SiteWorkspace ws, int z, FittedRadialBasis fitted, double energyWeight,
        ReadOnlySpan<double> adjoint, ReadOnlySpan<double> adjointTangent, ReadOnlySpan<double> g, ReadOnlySpan<double> dg,
        Span<double> sensitivity, Span<double> gradient)
    {
        var layout = center.Layout;
        int count = ws.Count;
        int gs = ws.GroupStart[z], gn = ws.GroupStart[z + 1] - gs;
        int k = fitted.Primitive.Count, rows = fitted.FittedCount;
        int offset = ws.RadialOffset(z);
        var ofValue = sensitivity[..(rows * gn)];
        var ofDerivative = sensitivity.Slice(rows * gn, rows * gn);
        sensitivity.Clear();
        Span<bool> touched = rows <= 1024 ? stackalloc bool[rows] : new bool[rows];
        touched.Clear();
        int maxOrder = 0;
        foreach (var product in fitted.Products)
        {
            maxOrder = Math.Max(maxOrder, product.Count);
        }
        Span<double> value = stackalloc double[maxOrder];
        Span<double> derivative = stackalloc double[maxOrder];
        Span<double> radialDirections = gn <= 256 ? stackalloc double[gn] : new double[gn];
        for (int q = 0; q < gn; q++)
        {
            int p = gs + q;
            radialDirections[q] = ws.UnitX[p] * ws.DirectionX[p] + ws.UnitY[p] * ws.DirectionY[p] + ws.UnitZ[p] * ws.DirectionZ[p];
        }
        for (int ch = layout.SpeciesChannelStart[z]; ch < layout.SpeciesChannelStart[z + 1]; ch++)
        {
            int row = layout.ChannelRadialIndex[ch];
            if (row < rows)
            {
                continue;
            }
            var factors = fitted.Products[row - rows];
            int l = layout.ChannelL[ch], start = layout.ChannelStart[ch], order = factors.Count;
            foreach (int f in factors)
            {
                touched[f] = true;
            }
            for (int q = 0; q < gn; q++)
            {
                int p = gs + q;
                double radialDirection = radialDirections[q];
                double s = 0, sPrime = 0;
                for (int mm = 0; mm <= 2 * l; mm++)
                {
                    int h = (l * l + mm) * count + p;
                    double harmonicDirection = ws.HarmonicsGradX[h] * ws.DirectionX[p] + ws.HarmonicsGradY[h] * ws.DirectionY[p]
                        + ws.HarmonicsGradZ[h] * ws.DirectionZ[p];
                    double alpha = energyWeight * adjoint[start + mm] + adjointTangent[start + mm];
                    double beta = adjoint[start + mm];
                    s += alpha * ws.Harmonics[h] + beta * harmonicDirection;
                    sPrime += beta * ws.Harmonics[h] * radialDirection;
                }
                if (s == 0 && sPrime == 0)
                {
                    continue;
                }
                for (int t = 0; t < order; t++)
                {
                    value[t] = ws.Radial[offset + factors[t] * gn + q];
                    derivative[t] = ws.RadialDerivative[offset + factors[t] * gn + q];
                }
                for (int t = 0; t < order; t++)
                {
                    // dR_P/dR_t = dR'_P/dR'_t = prod_{u != t} R_u; dR'_P/dR_t = sum_{v != t} R'_v prod_{u != t, v} R_u
                    double others = 1, mixed = 0;
                    for (int u = 0; u < order; u++)
                    {
                        if (u != t)
                        {
                            mixed = mixed * value[u] + others * derivative[u];
                            others *= value[u];
                        }
                    }
                    ofValue[factors[t] * gn + q] += s * others + sPrime * mixed;
                    ofDerivative[factors[t] * gn + q] += sPrime * others;
                }
            }
        }
        for (int row = 0; row < rows; row++)
        {
            if (!touched[row])
            {
                continue;
            }
            var target = gradient.Slice(row * k, k);
            var sv = ofValue.Slice(row * gn, gn);
            var sd = ofDerivative.Slice(row * gn, gn);
            for (int j = 0; j < k; j++)
            {
                target[j] += TensorPrimitives.Dot(sv, g.Slice(j * gn, gn)) + TensorPrimitives.Dot(sd, dg.Slice(j * gn, gn));
            }
        }
    }
}
