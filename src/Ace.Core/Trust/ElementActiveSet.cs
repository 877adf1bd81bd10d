using System.Collections.ObjectModel;

namespace Ace.Core.Trust;

/// <summary>
/// The active set of one element: the training environments selected by MaxVol and the projection matrix M with which
/// the extrapolation grade of a new environment with features b is gamma = max_j |(b M)_j| (see <see cref="ActiveSet"/>).
/// With full rank (<see cref="Rank"/> = <see cref="FeatureCount"/>) M is the inverse of the active environments'
/// feature matrix, as in pacemaker's D-optimality. When the training features span fewer directions, the first
/// <see cref="Rank"/> columns of M grade within the span and the other columns measure the part of b outside it in
/// units of <see cref="ComplementScale"/> (see docs/trust.md). Immutable.
/// </summary>
public sealed class ElementActiveSet
{
    private readonly int[] _columns;
    private readonly double[] _projection;

    internal ElementActiveSet(string element, int[] columns, int rank, double complementScale, double[] projection,
        EnvironmentReference[] environments, long environmentCount, double maxTrainingGrade)
    {
        Element = element;
        _columns = columns;
        Rank = rank;
        ComplementScale = complementScale;
        _projection = projection;
        Environments = new ReadOnlyCollection<EnvironmentReference>(environments);
        EnvironmentCount = environmentCount;
        MaxTrainingGrade = maxTrainingGrade;
    }

    /// <summary>The element symbol.</summary>
    public string Element { get; }

    /// <summary>The potential column of every feature (the centre's many-body functions, then its pair functions).</summary>
    public IReadOnlyList<int> Columns => _columns;

    /// <summary>The number of features P of an environment of this element.</summary>
    public int FeatureCount => _columns.Length;

    /// <summary>The number of directions the training features span (at most P and at most the number of environments).</summary>
    public int Rank { get; }

    /// <summary>True when the training environments span every feature direction (M is then an exact inverse).</summary>
    public bool IsFullRank => Rank == FeatureCount;

    /// <summary>
    /// delta: a feature component outside the training span counts |b . u| / delta in the grade (0 when no training
    /// environment had a non-zero feature: then any such component gives an infinite grade).
    /// </summary>
    public double ComplementScale { get; }

    /// <summary>The selected training environments (Rank of them), in the order of M's first columns.</summary>
    public IReadOnlyList<EnvironmentReference> Environments { get; }

    /// <summary>The number of training environments of this element the set was built from.</summary>
    public long EnvironmentCount { get; }

    /// <summary>The largest grade of a training environment in the final check of the construction (at most 1 + tolerance).</summary>
    public double MaxTrainingGrade { get; }

    /// <summary>The projection matrix M, FeatureCount x FeatureCount, row-major (row k belongs to feature k).</summary>
    public ReadOnlySpan<double> Projection => _projection;

    internal double[] ProjectionArray => _projection;

    /// <summary>The grades of <paramref name="count"/> feature rows (row-major) into <paramref name="grades"/>.</summary>
    internal void Grades(ReadOnlySpan<double> rows, int count, Span<double> grades)
    {
        int p = FeatureCount;
        var products = new double[count * p];
        RowMajor.Multiply(count, p, p, rows, _projection, products);
        for (int a = 0; a < count; a++)
        {
            var y = products.AsSpan(a * p, p);
            double inside = 0, outside = 0;
            for (int j = 0; j < Rank; j++)
            {
                inside = Math.Max(inside, Math.Abs(y[j]));
            }
            for (int j = Rank; j < p; j++)
            {
                outside = Math.Max(outside, Math.Abs(y[j]));
            }
            double complement = outside == 0 ? 0 : ComplementScale > 0 ? outside / ComplementScale : double.PositiveInfinity;
            grades[a] = Math.Max(inside, complement);
        }
    }
}
