namespace Ace.Core.Trust;

/// <summary>
/// The active set of one species while it is built: at most r rows of dimension r (whitened features), grown by a
/// pivoted Gram-Schmidt fill until the rows span the space, then improved by MaxVol swaps (Goreinov et al.): a
/// candidate c replaces active row j when |(c A^-1)_j| exceeds 1 + tolerance, which multiplies |det A| by that factor,
/// so the swaps end. Only the active rows, their inverse, one batch of candidates and a reservoir of at most 4r
/// non-active rows of largest grade (offered again with every later batch, because the swaps a batch causes can push
/// them above 1; this saves whole passes over the data) are held.
/// </summary>
internal sealed class MaxVolState
{
    private readonly int _dimension;
    private readonly double _fillThreshold;
    private readonly double _tolerance;
    private readonly List<double[]> _rows = [];
    private readonly List<EnvironmentReference> _environments = [];
    private readonly List<double[]> _orthonormal = [];
    private double[] _inverse = [];
    private readonly List<(double[] Row, EnvironmentReference Environment)> _reservoir = [];
    private int _reservoirCapacity;

    /// <param name="dimension">The row length r (the rank of the training features).</param>
    /// <param name="fillThreshold">The least residual norm a row needs to join a set that does not yet span the space.</param>
    /// <param name="tolerance">A swap happens when a coefficient exceeds 1 + tolerance.</param>
    public MaxVolState(int dimension, double fillThreshold, double tolerance)
    {
        _dimension = dimension;
        _fillThreshold = fillThreshold;
        _tolerance = tolerance;
        _reservoirCapacity = 4 * dimension;
    }

    public int Dimension => _dimension;

    /// <summary>
    /// A full state known only by its inverse (r x r, row-major, copied): it can absorb candidates and grade, but not
    /// <see cref="Refresh"/>; the environments of its rows are unknown (default).
    /// </summary>
    public static MaxVolState FromInverse(int dimension, ReadOnlySpan<double> inverse, double tolerance)
    {
        var state = new MaxVolState(dimension, 0, tolerance) { _inverse = inverse.ToArray(), _reservoirCapacity = 0 };
        for (int j = 0; j < dimension; j++)
        {
            state._rows.Add([]);
            state._environments.Add(default);
        }
        return state;
    }

    /// <summary>True when the active set has r rows (it spans the space and has an inverse).</summary>
    public bool IsFull => _rows.Count == _dimension;

    /// <summary>The number of swaps made so far.</summary>
    public long Swaps { get; private set; }

    /// <summary>The environments of the active rows, in slot order.</summary>
    public IReadOnlyList<EnvironmentReference> Environments => _environments;

    /// <summary>The inverse of the active rows (r x r, row-major), once full.</summary>
    public ReadOnlySpan<double> Inverse => _inverse;

    /// <summary>
    /// The grade max_j |(z A^-1)_j| of each of the <paramref name="count"/> rows <paramref name="rows"/> (row-major)
    /// into <paramref name="grades"/>.
    /// </summary>
    public void Grades(ReadOnlySpan<double> rows, int count, Span<double> grades)
    {
        int r = _dimension;
        var products = new double[count * r];
        RowMajor.Multiply(count, r, r, rows, _inverse, products);
        for (int i = 0; i < count; i++)
        {
            grades[i] = MaxAbs(products.AsSpan(i * r, r));
        }
    }

    /// <summary>
    /// Offers <paramref name="count"/> candidate rows (row-major) with their environments; returns true when the
    /// active set changed (a row joined the fill or a swap happened).
    /// </summary>
    public bool Absorb(ReadOnlySpan<double> candidates, int count, IReadOnlyList<EnvironmentReference> environments)
    {
        int r = _dimension;
        var used = new bool[count];
        bool changed = false;
        if (!IsFull)
        {
            changed = Fill(candidates, count, environments, used);
            if (!IsFull)
            {
                return changed;
            }
            Refresh();
        }
        // The pool: the offered rows not used by the fill and not already held, then the reservoir (the non-active rows
        // of largest grade from earlier calls, which later swaps are most likely to push above 1).
        var held = new HashSet<EnvironmentReference>(_environments);
        foreach (var (_, environment) in _reservoir)
        {
            held.Add(environment);
        }
        var pool = new List<(double[] Row, EnvironmentReference Environment)>();
        for (int i = 0; i < count; i++)
        {
            if (!used[i] && (_reservoirCapacity == 0 || held.Add(environments[i])))
            {
                pool.Add((candidates.Slice(i * r, r).ToArray(), environments[i]));
            }
        }
        pool.AddRange(_reservoir);
        _reservoir.Clear();
        if (pool.Count == 0)
        {
            return changed;
        }
        // B: the active rows (identity) and then the pool's coefficients c A^-1.
        int n = r + pool.Count;
        var b = new double[n * r];
        for (int j = 0; j < r; j++)
        {
            b[j * r + j] = 1;
        }
        var poolRows = new double[pool.Count * r];
        for (int p = 0; p < pool.Count; p++)
        {
            pool[p].Row.CopyTo(poolRows.AsSpan(p * r, r));
        }
        RowMajor.Multiply(pool.Count, r, r, poolRows, _inverse, b.AsSpan(r * r));
        // Every pool position keeps its row; slotOf[j] is the position active in slot j.
        var positionRows = new double[n][];
        var positionEnvironments = new EnvironmentReference[n];
        var active = new bool[n];
        var slotOf = new int[r];
        for (int j = 0; j < r; j++)
        {
            positionRows[j] = _rows[j];
            positionEnvironments[j] = _environments[j];
            active[j] = true;
            slotOf[j] = j;
        }
        for (int p = 0; p < pool.Count; p++)
        {
            positionRows[r + p] = pool[p].Row;
            positionEnvironments[r + p] = pool[p].Environment;
        }
        var u = new double[n];
        var v = new double[r];
        var inverseColumn = new double[r];
        long limit = 100L * r + 1000;
        for (long iteration = 0; iteration < limit; iteration++)
        {
            int bestRow = -1, bestSlot = -1;
            double best = 1 + _tolerance;
            for (int i = 0; i < n; i++)
            {
                if (active[i])
                {
                    continue;
                }
                var row = b.AsSpan(i * r, r);
                for (int j = 0; j < r; j++)
                {
                    double a = Math.Abs(row[j]);
                    if (a > best)
                    {
                        best = a;
                        bestRow = i;
                        bestSlot = j;
                    }
                }
            }
            if (bestRow < 0)
            {
                break;
            }
            double pivot = b[bestRow * r + bestSlot];
            for (int i = 0; i < n; i++)
            {
                u[i] = b[i * r + bestSlot];
            }
            b.AsSpan(bestRow * r, r).CopyTo(v);
            v[bestSlot] -= 1;
            // B' = B - B e_j v^T / pivot, so the incoming row becomes e_j and the outgoing one e_j - v / pivot.
            for (int i = 0; i < n; i++)
            {
                double factor = u[i] / pivot;
                if (factor != 0)
                {
                    var row = b.AsSpan(i * r, r);
                    for (int j = 0; j < r; j++)
                    {
                        row[j] -= factor * v[j];
                    }
                }
            }
            // A'^-1 = A^-1 - (A^-1 e_j) v^T / pivot (Sherman-Morrison for the replaced row j).
            for (int k = 0; k < r; k++)
            {
                inverseColumn[k] = _inverse[k * r + bestSlot];
            }
            for (int k = 0; k < r; k++)
            {
                double factor = inverseColumn[k] / pivot;
                if (factor != 0)
                {
                    var row = _inverse.AsSpan(k * r, r);
                    for (int j = 0; j < r; j++)
                    {
                        row[j] -= factor * v[j];
                    }
                }
            }
            active[slotOf[bestSlot]] = false;
            active[bestRow] = true;
            slotOf[bestSlot] = bestRow;
            Swaps++;
            changed = true;
        }
        for (int j = 0; j < r; j++)
        {
            _rows[j] = positionRows[slotOf[j]];
            _environments[j] = positionEnvironments[slotOf[j]];
        }
        if (_reservoirCapacity > 0)
        {
            var grades = Enumerable.Range(0, n).Where(i => !active[i]).Select(i => (Position: i, Grade: MaxAbs(b.AsSpan(i * r, r))))
                .OrderByDescending(x => x.Grade).ThenBy(x => x.Position).Take(_reservoirCapacity);
            foreach (var (position, _) in grades)
            {
                _reservoir.Add((positionRows[position], positionEnvironments[position]));
            }
        }
        return changed;
    }

    /// <summary>Recomputes the inverse of the active rows afresh (removing the drift of the rank-one updates).</summary>
    public void Refresh()
    {
        int r = _dimension;
        if (_rows.Any(row => row.Length != r))
        {
            throw new InvalidOperationException("this state was made from an inverse alone and cannot be refreshed");
        }
        var a = new double[r * r];
        for (int j = 0; j < r; j++)
        {
            _rows[j].CopyTo(a.AsSpan(j * r, r));
        }
        _inverse = DenseInverse.Of(r, a);
    }

    private static double MaxAbs(ReadOnlySpan<double> values)
    {
        double max = 0;
        foreach (var x in values)
        {
            max = Math.Max(max, Math.Abs(x));
        }
        return max;
    }

    /// <summary>The pivoted Gram-Schmidt fill: adds the candidate of largest residual while it exceeds the threshold.</summary>
    private bool Fill(ReadOnlySpan<double> candidates, int count, IReadOnlyList<EnvironmentReference> environments, bool[] used)
    {
        int r = _dimension;
        var residual = candidates[..(count * r)].ToArray();
        foreach (var q in _orthonormal)
        {
            Project(residual, count, r, q, used);
        }
        bool changed = false;
        while (!IsFull)
        {
            int best = -1;
            double bestNorm = _fillThreshold;
            for (int i = 0; i < count; i++)
            {
                if (used[i])
                {
                    continue;
                }
                double norm = Norm(residual.AsSpan(i * r, r));
                if (norm > bestNorm)
                {
                    bestNorm = norm;
                    best = i;
                }
            }
            if (best < 0)
            {
                break;
            }
            used[best] = true;
            var q = residual.AsSpan(best * r, r).ToArray();
            for (int k = 0; k < r; k++)
            {
                q[k] /= bestNorm;
            }
            _orthonormal.Add(q);
            _rows.Add(candidates.Slice(best * r, r).ToArray());
            _environments.Add(environments[best]);
            Project(residual, count, r, q, used);
            changed = true;
        }
        if (IsFull)
        {
            _orthonormal.Clear();
        }
        return changed;
    }

    private static void Project(double[] residual, int count, int r, double[] q, bool[] used)
    {
        for (int i = 0; i < count; i++)
        {
            if (used[i])
            {
                continue;
            }
            var row = residual.AsSpan(i * r, r);
            double dot = 0;
            for (int k = 0; k < r; k++)
            {
                dot += row[k] * q[k];
            }
            for (int k = 0; k < r; k++)
            {
                row[k] -= dot * q[k];
            }
        }
    }

    private static double Norm(ReadOnlySpan<double> row)
    {
        double sum = 0;
        foreach (var x in row)
        {
            sum += x * x;
        }
        return Math.Sqrt(sum);
    }
}
