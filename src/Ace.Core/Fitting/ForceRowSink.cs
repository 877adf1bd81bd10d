using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Primitives;

namespace Ace.Core.Fitting;

/// <summary>
/// Scatters one site's gradient blocks into a structure's raw rows (row-major, <c>columns</c> wide: the energy row,
/// then the force rows of atom a at rows 1 + 3a .. 3 + 3a, then six virial rows): -dB_f/dr_j into the force rows of
/// neighbour j, sum_j dB_f/dr_j into the site's own, and, when asked, the site's virial sum_j r_ij (x) dB_f/dr_j into
/// the virial rows. A block arrives while it is in cache, and is written neighbour by neighbour along the rows.
/// </summary>
internal sealed class ForceRowSink : ISiteGradientSink
{
    private double[] _rows = [];
    private int _columns;
    private int _virialRow;
    private bool _virials;
    private int _atom;
    private int[] _neighbours = [];
    private Vec3[] _displacements = [];
    private int _count;
    private ColumnRange _manyBody;
    private int _pairStart;

    /// <summary>Starts a structure of <paramref name="atoms"/> atoms whose raw rows are <paramref name="rows"/>.</summary>
    public void BeginStructure(double[] rows, int columns, int atoms, bool virials)
    {
        _rows = rows;
        _columns = columns;
        _virialRow = 1 + 3 * atoms;
        _virials = virials;
    }

    /// <summary>Starts the site of atom <paramref name="atom"/>: its neighbours' atom indices and displacements, the
    /// columns of its many-body functions and the first pair column (the site's functions after the many-body ones).</summary>
    public void BeginSite(int atom, ReadOnlySpan<int> neighbours, ReadOnlySpan<Vec3> displacements, ColumnRange manyBody, int pairStart)
    {
        _atom = atom;
        _count = neighbours.Length;
        if (_neighbours.Length < _count)
        {
            _neighbours = new int[Math.Max(_count, 2 * _neighbours.Length)];
            _displacements = new Vec3[_neighbours.Length];
        }
        neighbours.CopyTo(_neighbours);
        displacements.CopyTo(_displacements);
        _manyBody = manyBody;
        _pairStart = pairStart;
    }

    /// <inheritdoc/>
    public void Accept(int firstFunction, int functionCount, ReadOnlySpan<Vec3> gradients)
    {
        // Site functions 0 .. manyBody.Count - 1 are the center's many-body columns, the rest pair columns.
        int split = Math.Clamp(_manyBody.Count - firstFunction, 0, functionCount);
        if (split > 0)
        {
            Scatter(_manyBody.Start + firstFunction, split, gradients[..(split * _count)]);
        }
        if (split < functionCount)
        {
            Scatter(_pairStart + firstFunction + split - _manyBody.Count, functionCount - split, gradients[(split * _count)..]);
        }
    }

    private void Scatter(int column0, int width, ReadOnlySpan<Vec3> gradients)
    {
        int count = _count, columns = _columns;
        ref double rows = ref MemoryMarshal.GetArrayDataReference(_rows);
        ref Vec3 block = ref MemoryMarshal.GetReference(gradients);
        for (int k = 0; k < count; k++)
        {
            ref double fx = ref Unsafe.Add(ref rows, (1 + 3 * _neighbours[k]) * columns + column0);
            ref double fy = ref Unsafe.Add(ref fx, columns);
            ref double fz = ref Unsafe.Add(ref fx, 2 * columns);
            ref Vec3 g = ref Unsafe.Add(ref block, k);
            for (int t = 0; t < width; t++)
            {
                Vec3 gk = Unsafe.Add(ref g, t * count);
                Unsafe.Add(ref fx, t) -= gk.X;
                Unsafe.Add(ref fy, t) -= gk.Y;
                Unsafe.Add(ref fz, t) -= gk.Z;
            }
        }
        var own = _rows.AsSpan((1 + 3 * _atom) * columns + column0);
        var virial = _rows.AsSpan(_virialRow * columns + column0);
        var displacements = _displacements.AsSpan(0, count);
        for (int t = 0; t < width; t++)
        {
            var g = gradients.Slice(t * count, count);
            double sx = 0, sy = 0, sz = 0;
            for (int k = 0; k < count; k++)
            {
                sx += g[k].X;
                sy += g[k].Y;
                sz += g[k].Z;
            }
            own[t] += sx;
            own[columns + t] += sy;
            own[2 * columns + t] += sz;
            if (_virials)
            {
                var v = SymmetricTensor3.Virial(displacements, g);
                virial[t] += v.Xx;
                virial[columns + t] += v.Yy;
                virial[2 * columns + t] += v.Zz;
                virial[3 * columns + t] += v.Yz;
                virial[4 * columns + t] += v.Xz;
                virial[5 * columns + t] += v.Xy;
            }
        }
    }
}
