using System.Buffers;
using Ace.Core.Primitives;

namespace Ace.Core.Atoms;

/// <summary>
/// The O(N) cell-list pair search shared by neighbour lists and structure validation. Atoms are binned in
/// fractional coordinates (wrapped into the cell along periodic axes); a bin spans at least the cutoff measured
/// perpendicular to the lattice planes, so all partners of an atom lie within k bins along each axis, where k
/// grows when the cell is thinner than the cutoff (then the neighbouring bins include the atom's own images).
/// </summary>
internal static class CellListSearch
{
    // Bins are made slightly wider than the cutoff, and the search reach slightly longer, so that rounding in the
    // fractional coordinates can never hide a pair that is inside the cutoff.
    private const double BinSlack = 1e-8;
    private const double ReachSlack = 1e-10;

    // Bins of half the cutoff (reach 2) scan 125/8 = 15.6 cutoff-cubes of candidates instead of 27 for bins of
    // one cutoff (reach 1).
    private const int BinsPerCutoff = 2;

    /// <summary>
    /// Visits every pair (i, j, shift) with |r_j + shift . cell - r_i| &lt; <paramref name="cutoff"/>, except i = j
    /// with zero shift, for i in increasing order. Shifts are zero along open axes.
    /// The cell must be non-singular when any axis is periodic (validated by <see cref="Structure"/>).
    /// </summary>
    public static void Search<TVisitor>(ReadOnlySpan<Vec3> positions, Cell cell, Pbc pbc, double cutoff, ref TVisitor visitor)
        where TVisitor : struct, IPairVisitor
    {
        int n = positions.Length;
        if (n == 0)
        {
            return;
        }
        // Fully open structures are binned in Cartesian coordinates; otherwise in the cell's fractional ones.
        var frame = pbc.Any ? cell : Cell.Cubic(1.0);
        var wrapped = ArrayPool<Vec3>.Shared.Rent(n);
        var offsets = ArrayPool<ImageShift>.Shared.Rent(n);
        var fractional = ArrayPool<Vec3>.Shared.Rent(n);
        var binOfAtom = ArrayPool<int>.Shared.Rent(n);
        int[]? binStart = null;
        var binAtoms = ArrayPool<int>.Shared.Rent(n);
        var binned = ArrayPool<Vec3>.Shared.Rent(n);
        try
        {
            Span<double> lo = stackalloc double[3];
            Span<double> span = stackalloc double[3];
            Span<int> bins = stackalloc int[3];
            Span<int> reach = stackalloc int[3];
            Span<double> height = stackalloc double[3];
            Span<bool> periodic = [pbc.A, pbc.B, pbc.C];

            WrapIntoCell(positions, frame, periodic, wrapped, offsets, fractional);
            for (int a = 0; a < 3; a++)
            {
                height[a] = frame.Height(a);
                if (periodic[a])
                {
                    lo[a] = 0.0;
                    span[a] = 1.0;
                }
                else
                {
                    double min = double.PositiveInfinity, max = double.NegativeInfinity;
                    for (int i = 0; i < n; i++)
                    {
                        double f = fractional[i][a];
                        min = Math.Min(min, f);
                        max = Math.Max(max, f);
                    }
                    lo[a] = min;
                    span[a] = Math.Max(max - min, 1e-300);
                }
            }
            ChooseBins(n, cutoff, periodic, span, height, bins, reach);

            int binCount = bins[0] * bins[1] * bins[2];
            binStart = ArrayPool<int>.Shared.Rent(binCount + 1);
            Array.Clear(binStart, 0, binCount + 1);
            for (int i = 0; i < n; i++)
            {
                int bx = BinIndex(fractional[i].X, lo[0], span[0], bins[0]);
                int by = BinIndex(fractional[i].Y, lo[1], span[1], bins[1]);
                int bz = BinIndex(fractional[i].Z, lo[2], span[2], bins[2]);
                int b = (bx * bins[1] + by) * bins[2] + bz;
                binOfAtom[i] = b;
                binStart[b + 1]++;
            }
            for (int b = 0; b < binCount; b++)
            {
                binStart[b + 1] += binStart[b];
            }
            var fill = ArrayPool<int>.Shared.Rent(binCount);
            try
            {
                Array.Copy(binStart, fill, binCount);
                for (int i = 0; i < n; i++)
                {
                    int p = fill[binOfAtom[i]]++;
                    binAtoms[p] = i;
                    binned[p] = wrapped[i];
                }
            }
            finally
            {
                ArrayPool<int>.Shared.Return(fill);
            }

            VisitPairs(positions, frame, periodic, cutoff, wrapped, offsets, binOfAtom, binStart, binAtoms, binned,
                bins, reach, ref visitor);
        }
        finally
        {
            ArrayPool<Vec3>.Shared.Return(wrapped);
            ArrayPool<ImageShift>.Shared.Return(offsets);
            ArrayPool<Vec3>.Shared.Return(fractional);
            ArrayPool<int>.Shared.Return(binOfAtom);
            ArrayPool<int>.Shared.Return(binAtoms);
            ArrayPool<Vec3>.Shared.Return(binned);
            if (binStart is not null)
            {
                ArrayPool<int>.Shared.Return(binStart);
            }
        }
    }

    /// <summary>
    /// Fractional coordinates, wrapped into [0, 1) along periodic axes; <paramref name="offsets"/> holds the lattice
    /// translation removed, so that r = wrapped + offsets . cell.
    /// </summary>
    private static void WrapIntoCell(ReadOnlySpan<Vec3> positions, Cell frame, ReadOnlySpan<bool> periodic,
        Span<Vec3> wrapped, Span<ImageShift> offsets, Span<Vec3> fractional)
    {
        for (int i = 0; i < positions.Length; i++)
        {
            var f = frame.ToFractional(positions[i]);
            int na = periodic[0] ? (int)Math.Floor(f.X) : 0;
            int nb = periodic[1] ? (int)Math.Floor(f.Y) : 0;
            int nc = periodic[2] ? (int)Math.Floor(f.Z) : 0;
            var shift = new ImageShift(na, nb, nc);
            offsets[i] = shift;
            fractional[i] = new Vec3(f.X - na, f.Y - nb, f.Z - nc);
            wrapped[i] = positions[i] - frame.Translation(shift);
        }
    }

    /// <summary>
    /// Bin counts per axis (each bin at least cutoff / <see cref="BinsPerCutoff"/> wide perpendicular to its planes,
    /// at most about 2N bins in all) and the reach k: how many bins either side can hold a partner.
    /// </summary>
    private static void ChooseBins(int atomCount, double cutoff, ReadOnlySpan<bool> periodic,
        ReadOnlySpan<double> span, ReadOnlySpan<double> height, Span<int> bins, Span<int> reach)
    {
        long limit = Math.Max(8L, 2L * atomCount);
        for (int a = 0; a < 3; a++)
        {
            double wanted = Math.Floor(span[a] * height[a] * BinsPerCutoff / (cutoff * (1 + BinSlack)));
            bins[a] = (int)Math.Clamp(wanted, 1.0, limit);
        }
        while ((long)bins[0] * bins[1] * bins[2] > limit)
        {
            int largest = bins[0] >= bins[1] ? (bins[0] >= bins[2] ? 0 : 2) : (bins[1] >= bins[2] ? 1 : 2);
            bins[largest] = Math.Max(1, bins[largest] / 2);
        }
        for (int a = 0; a < 3; a++)
        {
            double binWidth = span[a] / bins[a] * height[a];
            double k = Math.Ceiling(cutoff * (1 + ReachSlack) / binWidth);
            // Along open axes nothing lies beyond the occupied bins.
            double cap = periodic[a] ? int.MaxValue / 4 : bins[a] - 1;
            reach[a] = (int)Math.Min(k, cap);
        }
    }

    private static int BinIndex(double f, double lo, double span, int bins)
    {
        int b = (int)((f - lo) / span * bins);
        return Math.Clamp(b, 0, bins - 1);
    }

    private static void VisitPairs<TVisitor>(ReadOnlySpan<Vec3> positions, Cell frame, ReadOnlySpan<bool> periodic,
        double cutoff, Vec3[] wrapped, ImageShift[] offsets, int[] binOfAtom, int[] binStart, int[] binAtoms,
        Vec3[] binned, ReadOnlySpan<int> bins, ReadOnlySpan<int> reach, ref TVisitor visitor)
        where TVisitor : struct, IPairVisitor
    {
        int nbx = bins[0], nby = bins[1], nbz = bins[2];
        double cutoffSquared = cutoff * cutoff;
        // Screening on wrapped coordinates admits a hair more; the exact test below decides.
        double screenSquared = cutoffSquared * (1 + 1e-12);
        var a = frame.A;
        var b = frame.B;
        var c = frame.C;
        for (int i = 0; i < positions.Length; i++)
        {
            visitor.BeginAtom(i);
            int home = binOfAtom[i];
            int bx = home / (nby * nbz), by = home / nbz % nby, bz = home % nbz;
            var wi = wrapped[i];
            var oi = offsets[i];
            var ri = positions[i];
            for (int dx = -reach[0]; dx <= reach[0]; dx++)
            {
                if (!Neighbour(bx + dx, nbx, periodic[0], out int cx, out int sx))
                {
                    continue;
                }
                for (int dy = -reach[1]; dy <= reach[1]; dy++)
                {
                    if (!Neighbour(by + dy, nby, periodic[1], out int cy, out int sy))
                    {
                        continue;
                    }
                    for (int dz = -reach[2]; dz <= reach[2]; dz++)
                    {
                        if (!Neighbour(bz + dz, nbz, periodic[2], out int cz, out int sz))
                        {
                            continue;
                        }
                        var binShift = sx * a + sy * b + sz * c;
                        var origin = wi - binShift;
                        int bin = (cx * nby + cy) * nbz + cz;
                        for (int p = binStart[bin], end = binStart[bin + 1]; p < end; p++)
                        {
                            var approx = binned[p] - origin;
                            if (approx.NormSquared >= screenSquared)
                            {
                                continue;
                            }
                            int j = binAtoms[p];
                            var oj = offsets[j];
                            var shift = new ImageShift(sx + oi.A - oj.A, sy + oi.B - oj.B, sz + oi.C - oj.C);
                            if (j == i && shift.IsZero)
                            {
                                continue;
                            }
                            var d = positions[j] - ri + (shift.A * a + shift.B * b + shift.C * c);
                            double r2 = d.NormSquared;
                            if (r2 < cutoffSquared)
                            {
                                visitor.Visit(i, j, shift, d, r2);
                            }
                        }
                    }
                }
            }
            visitor.EndAtom(i);
        }
    }

    /// <summary>The bin <paramref name="cell"/> at unwrapped index <paramref name="index"/>, and its lattice shift.</summary>
    private static bool Neighbour(int index, int count, bool periodic, out int cell, out int shift)
    {
        if (periodic)
        {
            shift = (int)Math.Floor((double)index / count);
            cell = index - shift * count;
            return true;
        }
        shift = 0;
        cell = index;
        return index >= 0 && index < count;
    }
}
