using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ace.Core.Primitives;
using Ace.Core.Primitives.Simd;

namespace Ace.Core.Basis.Evaluation;

/// <summary>
/// Values-and-gradients rows of one site through the sparse Jacobian J = dB/dA (see <see cref="GradientPlan"/>):
/// dB_f/dr_j = sum_k J_fk grad phi_k(r_j), contracted per block of neighbours with the leaf gradients held in
/// register-sized blocks, vectorised with the widest lane of <see cref="LaneDispatch"/>, allocation-free.
/// </summary>
internal static class GradientKernel
{
    /// <summary>Functions per pass over the neighbour blocks (keeps their leaf gradients in cache).</summary>
    public const int RowBlock = 64;

    /// <summary>
    /// dB_f/dr_j for every function f and neighbour j into gradients[f * count + j] (caller's neighbour order),
    /// after <see cref="ManyBodyKernels.Values"/> with harmonic gradients loaded. Builds the sparse Jacobian J = dB/dA of the site and the leaf gradients grad phi_k(r_j) in blocks of up to
    /// <see cref="GradientPlan.Chunk"/> neighbours of one species; then dB_f/dr_j = sum_k J_fk grad phi_k(r_j) over
    /// the A functions of that species only, one output row at a time. Functions whose entry of
    /// <paramref name="neighboursNeeded"/> exceeds the neighbour count get zero rows.
    /// </summary>
    public static void Evaluate(CenterBasis center, SiteWorkspace ws, Span<Vec3> gradients, ReadOnlySpan<int> neighboursNeeded)
    {
        var kernel = new Lanes(center, ws, gradients, null, neighboursNeeded);
        LaneDispatch.Widest(ref kernel);
    }

    /// <summary>
    /// As <see cref="Evaluate(CenterBasis, SiteWorkspace, Span{Vec3}, ReadOnlySpan{int})"/>, but the rows go to
    /// <paramref name="sink"/> a block of up to <see cref="RowBlock"/> functions at a time, from a workspace buffer
    /// that stays in cache (the whole site's rows need not exist at once).
    /// </summary>
    public static void Evaluate(CenterBasis center, SiteWorkspace ws, ISiteGradientSink sink, ReadOnlySpan<int> neighboursNeeded)
    {
        var kernel = new Lanes(center, ws, ws.GradientRows(RowBlock * ws.Count), sink, neighboursNeeded);
        LaneDispatch.Widest(ref kernel);
    }

    /// <summary><see cref="Evaluate(CenterBasis, SiteWorkspace, Span{Vec3}, ReadOnlySpan{int})"/> with lanes of
    /// <typeparamref name="TLane"/>: into <paramref name="gradients"/> whole, or, with a <paramref name="sink"/>,
    /// block by block into <paramref name="gradients"/> (then <see cref="RowBlock"/> rows long).</summary>
    private static void Evaluate<TLane>(CenterBasis center, SiteWorkspace ws, Span<Vec3> gradients, ISiteGradientSink? sink,
        ReadOnlySpan<int> neighboursNeeded)
        where TLane : unmanaged, ILane<TLane>
    {
        var plan = center.GradientPlan;
        var layout = center.Layout;
        int count = ws.Count;
        int species = layout.SpeciesCount;
        var leafStart = plan.LeafSpeciesStart;
        int blockDoubles = 0;
        for (int z = 0; z < species; z++)
        {
            int gn = ws.GroupStart[z + 1] - ws.GroupStart[z];
            blockDoubles += (gn + GradientPlan.Chunk - 1) / GradientPlan.Chunk * (leafStart[z + 1] - leafStart[z]) * GradientPlan.BlockStride;
        }
        int maxRadial = 0;
        for (int z = 0; z < species; z++)
        {
            maxRadial = Math.Max(maxRadial, layout.RadialCountBySpecies[z]);
        }
        ws.EnsureGradientScratch(plan.JacobianCount, blockDoubles,
            2 * (center.HarmonicsCount + maxRadial) * GradientPlan.BlockStride);
        Jacobian(center, plan, ws);
        int offset = 0;
        for (int z = 0; z < species; z++)
        {
            int leaves = leafStart[z + 1] - leafStart[z];
            for (int c0 = ws.GroupStart[z]; c0 < ws.GroupStart[z + 1]; c0 += GradientPlan.Chunk)
            {
                if (leaves > 0)
                {
                    LeafGradientBlock<TLane>(center, ws, z, c0, Math.Min(GradientPlan.Chunk, ws.GroupStart[z + 1] - c0), offset);
                }
                offset += leaves * GradientPlan.BlockStride;
            }
        }

        var perm = ws.Permutation;
        bool identity = true;
        for (int p = 0; p < count && identity; p++)
        {
            identity = perm[p] == p;
        }
        var output = MemoryMarshal.Cast<Vec3, double>(gradients);
        Span<double> block = stackalloc double[GradientPlan.BlockStride];
        int rows = center.FunctionCount;
        for (int f0 = 0; f0 < rows; f0 += RowBlock)
        {
            int f1 = Math.Min(f0 + RowBlock, rows);
            int first = sink is null ? 0 : f0; // the function of the output's first row
            offset = 0;
            for (int z = 0; z < species; z++)
            {
                int leaves = leafStart[z + 1] - leafStart[z];
                int ge = ws.GroupStart[z + 1];
                for (int c0 = ws.GroupStart[z]; c0 < ge; c0 += GradientPlan.Chunk)
                {
                    int cn = Math.Min(GradientPlan.Chunk, ge - c0);
                    int firstLeaf = leafStart[z] - offset / GradientPlan.BlockStride;
                    for (int f = f0; f < f1; f++)
                    {
                        int q0 = plan.JacobianSpeciesStart[f * plan.SpeciesStride + z];
                        int q1 = plan.JacobianSpeciesStart[f * plan.SpeciesStride + z + 1];
                        if (identity && cn == GradientPlan.Chunk)
                        {
                            ContractBlock<TLane>(ws.Jacobian, plan.JacobianLeaf, firstLeaf, q0, q1, ws.LeafGradients,
                                output.Slice(3 * ((f - first) * count + c0), GradientPlan.BlockStride));
                            continue;
                        }
                        ContractBlock<TLane>(ws.Jacobian, plan.JacobianLeaf, firstLeaf, q0, q1, ws.LeafGradients, block);
                        if (identity)
                        {
                            block[..(3 * cn)].CopyTo(output.Slice(3 * ((f - first) * count + c0)));
                        }
                        else
                        {
                            var row = gradients.Slice((f - first) * count, count);
                            for (int q = 0; q < cn; q++)
                            {
                                row[perm[c0 + q]] = new Vec3(block[3 * q], block[3 * q + 1], block[3 * q + 2]);
                            }
                        }
                    }
                    offset += leaves * GradientPlan.BlockStride;
                }
            }
            var done = gradients.Slice((f0 - first) * count, (f1 - f0) * count);
            VanishingFunctions.ZeroGradients(neighboursNeeded, count, f0, f1 - f0, done);
            sink?.Accept(f0, f1 - f0, done);
        }
    }

    /// <summary>
    /// J = dB/dA into ws.Jacobian: for every map entry C_fp and every factor occurrence t of AA_p, J_f,leaf(t) +=
    /// C_fp * (the product of the other factors), by prefix and suffix products over the factors.
    /// </summary>
    private static void Jacobian(CenterBasis center, GradientPlan plan, SiteWorkspace ws)
    {
        var map = center.Map;
        Array.Clear(ws.Jacobian, 0, plan.JacobianCount);
        Span<double> prefix = stackalloc double[plan.MaxFactors + 1];
        ref double pre = ref MemoryMarshal.GetReference(prefix);
        ref double a = ref MemoryMarshal.GetArrayDataReference(ws.Nodes);
        ref double jacobian = ref MemoryMarshal.GetArrayDataReference(ws.Jacobian);
        ref int start = ref MemoryMarshal.GetArrayDataReference(plan.EntryFactorStart);
        ref int factor = ref MemoryMarshal.GetArrayDataReference(plan.EntryFactor);
        ref int target = ref MemoryMarshal.GetArrayDataReference(plan.EntryTarget);
        ref double coefficient = ref MemoryMarshal.GetArrayDataReference(map.Values);
        int entries = map.NonZeroCount;
        for (int e = 0; e < entries; e++)
        {
            int t0 = Unsafe.Add(ref start, e), m = Unsafe.Add(ref start, e + 1) - t0;
            double c = Unsafe.Add(ref coefficient, e);
            ref int f = ref Unsafe.Add(ref factor, t0);
            ref int j = ref Unsafe.Add(ref target, t0);
            pre = c;
            for (int t = 0; t < m - 1; t++)
            {
                Unsafe.Add(ref pre, t + 1) = Unsafe.Add(ref pre, t) * Unsafe.Add(ref a, Unsafe.Add(ref f, t));
            }
            double suffix = 1;
            for (int t = m - 1; t >= 0; t--)
            {
                Unsafe.Add(ref jacobian, Unsafe.Add(ref j, t)) += Unsafe.Add(ref pre, t) * suffix;
                suffix *= Unsafe.Add(ref a, Unsafe.Add(ref f, t));
            }
        }
    }

    /// <summary>
    /// block[3 q + axis] = sum over entries i in [q0, q1) of J_i * leafGradients[(leaf_i - firstLeaf) * BlockStride + 3 q + axis],
    /// with the block held in registers: up to 12 lanes per pass over the entries (one pass for lanes of 4 or 8
    /// doubles; the accumulators beyond BlockStride / Width fold away at JIT time).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ContractBlock<TLane>(double[] jacobian, int[] jacobianLeaf, int firstLeaf, int q0, int q1, double[] leafGradients, Span<double> block)
        where TLane : unmanaged, ILane<TLane>
    {
        const int B = GradientPlan.BlockStride;
        int w = TLane.Width;
        int lanes = B / w;
        bool twelve = lanes > 6;
        int perPass = twelve ? 12 : 6;
        ref double j = ref MemoryMarshal.GetArrayDataReference(jacobian);
        ref int leaf = ref MemoryMarshal.GetArrayDataReference(jacobianLeaf);
        ref double g0 = ref MemoryMarshal.GetArrayDataReference(leafGradients);
        ref double o = ref MemoryMarshal.GetReference(block[..B]);
        for (int pass = 0; pass < B; pass += perPass * w)
        {
            TLane a0 = TLane.Create(0.0), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0;
            TLane a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0;
            for (int i = q0; i < q1; i++)
            {
                TLane c = TLane.Create(Unsafe.Add(ref j, i));
                ref double g = ref Unsafe.Add(ref g0, (Unsafe.Add(ref leaf, i) - firstLeaf) * B + pass);
                a0 = TLane.MultiplyAdd(c, TLane.Load(ref g), a0);
                a1 = TLane.MultiplyAdd(c, TLane.Load(ref Unsafe.Add(ref g, w)), a1);
                a2 = TLane.MultiplyAdd(c, TLane.Load(ref Unsafe.Add(ref g, 2 * w)), a2);
                a3 = TLane.MultiplyAdd(c, TLane.Load(ref Unsafe.Add(ref g, 3 * w)), a3);
                a4 = TLane.MultiplyAdd(c, TLane.Load(ref Unsafe.Add(ref g, 4 * w)), a4);
                a5 = TLane.MultiplyAdd(c, TLane.Load(ref Unsafe.Add(ref g, 5 * w)), a5);
                if (twelve)
                {
                    a6 = TLane.MultiplyAdd(c, TLane.Load(ref Unsafe.Add(ref g, 6 * w)), a6);
                    a7 = TLane.MultiplyAdd(c, TLane.Load(ref Unsafe.Add(ref g, 7 * w)), a7);
                    a8 = TLane.MultiplyAdd(c, TLane.Load(ref Unsafe.Add(ref g, 8 * w)), a8);
                    a9 = TLane.MultiplyAdd(c, TLane.Load(ref Unsafe.Add(ref g, 9 * w)), a9);
                    a10 = TLane.MultiplyAdd(c, TLane.Load(ref Unsafe.Add(ref g, 10 * w)), a10);
                    a11 = TLane.MultiplyAdd(c, TLane.Load(ref Unsafe.Add(ref g, 11 * w)), a11);
                }
            }
            ref double p = ref Unsafe.Add(ref o, pass);
            TLane.Store(a0, ref p);
            TLane.Store(a1, ref Unsafe.Add(ref p, w));
            TLane.Store(a2, ref Unsafe.Add(ref p, 2 * w));
            TLane.Store(a3, ref Unsafe.Add(ref p, 3 * w));
            TLane.Store(a4, ref Unsafe.Add(ref p, 4 * w));
            TLane.Store(a5, ref Unsafe.Add(ref p, 5 * w));
            if (twelve)
            {
                TLane.Store(a6, ref Unsafe.Add(ref p, 6 * w));
                TLane.Store(a7, ref Unsafe.Add(ref p, 7 * w));
                TLane.Store(a8, ref Unsafe.Add(ref p, 8 * w));
                TLane.Store(a9, ref Unsafe.Add(ref p, 9 * w));
                TLane.Store(a10, ref Unsafe.Add(ref p, 10 * w));
                TLane.Store(a11, ref Unsafe.Add(ref p, 11 * w));
            }
        }
    }

    /// <summary>
    /// grad phi_k(r_p) = R'_n Y_lm u + R_n grad Y_lm for the A functions k of species z and the neighbours
    /// p = c0 .. c0+cn-1 of that species, into ws.LeafGradients[blockOffset + (k - first leaf of z) * BlockStride + 3 (p - c0) + axis];
    /// the unused tail of each leaf's block (cn &lt; Chunk) is zero. Every leaf is two length-BlockStride vector
    /// products of interleaved per-(l, m) and per-n rows.
    /// </summary>
    private static void LeafGradientBlock<TLane>(CenterBasis center, SiteWorkspace ws, int z, int c0, int cn, int blockOffset)
        where TLane : unmanaged, ILane<TLane>
    {
        const int B = GradientPlan.BlockStride;
        var layout = center.Layout;
        int count = ws.Count;
        int gs = ws.GroupStart[z], gn = ws.GroupStart[z + 1] - gs;
        int harmonics = center.HarmonicsCount;
        int radials = layout.RadialCountBySpecies[z];
        var scratch = ws.BlockScratch;
        var direction = scratch.AsSpan(0, harmonics * B);
        var harmonicGradient = scratch.AsSpan(harmonics * B, harmonics * B);
        var radial = scratch.AsSpan(2 * harmonics * B, radials * B);
        var radialDerivative = scratch.AsSpan((2 * harmonics + radials) * B, radials * B);
        ref double h = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ws.Harmonics), c0);
        ref double hx = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ws.HarmonicsGradX), c0);
        ref double hy = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ws.HarmonicsGradY), c0);
        ref double hz = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ws.HarmonicsGradZ), c0);
        ref double ux = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ws.UnitX), c0);
        ref double uy = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ws.UnitY), c0);
        ref double uz = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ws.UnitZ), c0);
        if (cn < GradientPlan.Chunk)
        {
            scratch.AsSpan(0, 2 * (harmonics + radials) * B).Clear();
        }
        ref double d = ref MemoryMarshal.GetReference(direction);
        ref double g = ref MemoryMarshal.GetReference(harmonicGradient);
        for (int lm = 0; lm < harmonics; lm++)
        {
            int row = lm * count;
            ref double dRow = ref Unsafe.Add(ref d, lm * B);
            ref double gRow = ref Unsafe.Add(ref g, lm * B);
            for (int q = 0; q < cn; q++)
            {
                double yq = Unsafe.Add(ref h, row + q);
                Unsafe.Add(ref dRow, 3 * q) = yq * Unsafe.Add(ref ux, q);
                Unsafe.Add(ref dRow, 3 * q + 1) = yq * Unsafe.Add(ref uy, q);
                Unsafe.Add(ref dRow, 3 * q + 2) = yq * Unsafe.Add(ref uz, q);
                Unsafe.Add(ref gRow, 3 * q) = Unsafe.Add(ref hx, row + q);
                Unsafe.Add(ref gRow, 3 * q + 1) = Unsafe.Add(ref hy, row + q);
                Unsafe.Add(ref gRow, 3 * q + 2) = Unsafe.Add(ref hz, row + q);
            }
        }
        int radialOffset = ws.RadialOffset(z) + c0 - gs;
        ref double r = ref MemoryMarshal.GetReference(radial);
        ref double rd = ref MemoryMarshal.GetReference(radialDerivative);
        for (int n = 0; n < radials; n++)
        {
            var rv = ws.Radial.AsSpan(radialOffset + n * gn, cn);
            var rdv = ws.RadialDerivative.AsSpan(radialOffset + n * gn, cn);
            ref double r3 = ref Unsafe.Add(ref r, n * B);
            ref double rd3 = ref Unsafe.Add(ref rd, n * B);
            for (int q = 0; q < rv.Length; q++)
            {
                Unsafe.Add(ref r3, 3 * q) = Unsafe.Add(ref r3, 3 * q + 1) = Unsafe.Add(ref r3, 3 * q + 2) = rv[q];
                Unsafe.Add(ref rd3, 3 * q) = Unsafe.Add(ref rd3, 3 * q + 1) = Unsafe.Add(ref rd3, 3 * q + 2) = rdv[q];
            }
        }
        int firstLeaf = center.GradientPlan.LeafSpeciesStart[z];
        ref double output = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ws.LeafGradients), blockOffset);
        for (int ch = layout.SpeciesChannelStart[z]; ch < layout.SpeciesChannelStart[z + 1]; ch++)
        {
            int l = layout.ChannelL[ch], start = layout.ChannelStart[ch], n = layout.ChannelRadialIndex[ch];
            ref double r3 = ref Unsafe.Add(ref r, n * B);
            ref double rd3 = ref Unsafe.Add(ref rd, n * B);
            for (int mm = 0; mm <= 2 * l; mm++)
            {
                ref double dRow = ref Unsafe.Add(ref d, (l * l + mm) * B);
                ref double gRow = ref Unsafe.Add(ref g, (l * l + mm) * B);
                ref double dst = ref Unsafe.Add(ref output, (start + mm - firstLeaf) * B);
                // B is a multiple of every lane width.
                for (int i = 0; i < B; i += TLane.Width)
                {
                    TLane value = TLane.Load(ref Unsafe.Add(ref rd3, i)) * TLane.Load(ref Unsafe.Add(ref dRow, i));
                    TLane.Store(TLane.MultiplyAdd(TLane.Load(ref Unsafe.Add(ref r3, i)), TLane.Load(ref Unsafe.Add(ref gRow, i)), value),
                        ref Unsafe.Add(ref dst, i));
                }
            }
        }
    }

    /// <summary>the Evaluate methods's arguments as a lane kernel.</summary>
    private readonly ref struct Lanes : ILaneKernel
    {
        private readonly CenterBasis _center;
        private readonly SiteWorkspace _ws;
        private readonly Span<Vec3> _gradients;
        private readonly ISiteGradientSink? _sink;
        private readonly ReadOnlySpan<int> _neighboursNeeded;

        public Lanes(CenterBasis center, SiteWorkspace ws, Span<Vec3> gradients, ISiteGradientSink? sink, ReadOnlySpan<int> neighboursNeeded)
        {
            _center = center;
            _ws = ws;
            _gradients = gradients;
            _sink = sink;
            _neighboursNeeded = neighboursNeeded;
        }

        public void Run<TLane>()
            where TLane : unmanaged, ILane<TLane> => Evaluate<TLane>(_center, _ws, _gradients, _sink, _neighboursNeeded);
    }
}
