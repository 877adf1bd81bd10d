using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Sites;
using Ace.Core.Primitives;

namespace Ace.Core.Fitting;

/// <summary>
/// Writes the weighted rows of one structure, row-major: the energy row (sum over atoms of the basis values, scaled
/// by 1/N or 1/sqrt N), the force rows -dB/dr_{i,alpha} (atom-major, x y z), the virial rows
/// -sum_i sum_j r_ij (x) dB_i/dr_ij in Voigt order xx yy zz yz xz xy (scaled like the energy); rows with zero
/// weight are left out. One writer per thread; it reuses its buffers.
/// </summary>
internal sealed class StructureRowWriter
{
    /// <summary>The columns whose force rows are written together (a tile's gradients stay in L1/L2).</summary>
    private const int ColumnTile = 32;

    private readonly BasisGeometry _geometry;
    private readonly FitSettings _settings;
    private readonly AceBasis _basis;
    private readonly SiteWorkspace _workspace;
    private readonly double[] _values;
    private readonly ForceRowSink _sink = new();
    private double[] _block = [];
    private double[] _targets = [];
    private double[] _weights = [];

    public StructureRowWriter(BasisGeometry geometry, FitSettings settings)
    {
        _geometry = geometry;
        _settings = settings;
        _basis = geometry.Basis;
        _workspace = _basis.CreateWorkspace();
        _values = new double[Enumerable.Range(0, _basis.Elements.Count).Max(_basis.SiteFunctionCount)];
    }

    /// <summary>The rows written last, row-major (row r, column f at r * FunctionCount + f).</summary>
    public ReadOnlySpan<double> Block => _block.AsSpan(0, RowCount * _basis.FunctionCount);

    /// <summary>The targets of the rows written last.</summary>
    public ReadOnlySpan<double> Targets => _targets.AsSpan(0, RowCount);

    /// <summary>The weights of the rows written last.</summary>
    public ReadOnlySpan<double> Weights => _weights.AsSpan(0, RowCount);

    /// <summary>The number of rows written last.</summary>
    public int RowCount { get; private set; }

    /// <summary>Writes the rows of <paramref name="plan"/>'s structure.</summary>
    /// <exception cref="TrainingDataException">The basis evaluates to a non-finite number on the structure.</exception>
    public void Write(StructurePlan plan)
    {
        var structure = plan.Structure;
        int n = structure.AtomCount;
        int columns = _basis.FunctionCount;
        bool needGradients = plan.HasForceRows || plan.HasVirialRows;
        int rawRows = 1 + (needGradients ? 3 * n + 6 : 0);
        EnsureCapacity(ref _block, rawRows * columns);
        EnsureCapacity(ref _targets, rawRows);
        EnsureCapacity(ref _weights, rawRows);
        var raw = _block.AsSpan(0, rawRows * columns);
        raw.Clear();
        var sites = _geometry.Neighbourhoods(structure, () => plan.Description, minimumSeparation: 0); // checked by StructurePlan.Create
        var energyRow = raw[..columns];
        var pairRange = _basis.PairColumnRange;
        _sink.BeginStructure(_block, columns, n, plan.HasVirialRows);
        for (int i = 0; i < n; i++)
        {
            int center = sites.AtomSpecies[i];
            var displacements = sites.Displacements(i);
            var species = sites.NeighbourSpecies(i);
            var range = _basis.ColumnRange(center);
            var values = _values.AsSpan(0, _basis.SiteFunctionCount(center));
            if (needGradients)
            {
                _sink.BeginSite(i, sites.Neighbours(i), displacements, range, pairRange.Start);
                _basis.EvaluateSiteWithGradients(center, displacements, species, values, _sink, _workspace);
            }
            else
            {
                _basis.EvaluateSite(center, displacements, species, values, _workspace);
            }
            // The site's values are its many-body columns, then the pair columns.
            Add(energyRow.Slice(range.Start, range.Count), values[..range.Count]);
            Add(energyRow.Slice(pairRange.Start, pairRange.Count), values[range.Count..]);
        }
        Compact(plan, n, columns, needGradients);
        foreach (var x in Block)
        {
            if (!double.IsFinite(x))
            {
                throw new TrainingDataException(plan.Index, plan.Description, "the basis evaluates to a non-finite number on this structure");
            }
        }
    }

    /// <summary>Scales the energy and virial rows, fills targets and weights, and drops the rows of zero weight.</summary>
    private void Compact(StructurePlan plan, int n, int columns, bool hasGradientRows)
    {
        var structure = plan.Structure;
        double factor = _settings.EnergyFactor(n);
        int rows = 0;
        if (plan.HasEnergyRow)
        {
            Scale(_block.AsSpan(0, columns), factor);
            _targets[rows] = (structure.Energy!.Value - _settings.ReferenceEnergyOf(structure, _geometry)) * factor;
            _weights[rows] = plan.EnergyWeight;
            rows++;
        }
        if (plan.HasForceRows)
        {
            MoveRows(1, rows, 3 * n, columns);
            var forces = structure.Forces!.Value;
            for (int i = 0; i < n; i++)
            {
                _targets[rows] = forces[i].X;
                _targets[rows + 1] = forces[i].Y;
                _targets[rows + 2] = forces[i].Z;
                _weights[rows] = _weights[rows + 1] = _weights[rows + 2] = plan.ForceWeight;
                rows += 3;
            }
        }
        if (plan.HasVirialRows && hasGradientRows)
        {
            MoveRows(1 + 3 * n, rows, 6, columns);
            Scale(_block.AsSpan(rows * columns, 6 * columns), factor);
            Span<double> voigt = stackalloc double[6];
            structure.Virial!.Value.CopyToVoigt(voigt);
            for (int v = 0; v < 6; v++)
            {
                _targets[rows + v] = voigt[v] * factor;
                _weights[rows + v] = plan.VirialWeight;
            }
            rows += 6;
        }
        RowCount = rows;
    }

    private static void Add(Span<double> sum, ReadOnlySpan<double> values)
    {
        for (int f = 0; f < values.Length; f++)
        {
            sum[f] += values[f];
        }
    }

    private void MoveRows(int from, int to, int count, int columns)
    {
        if (from != to)
        {
            _block.AsSpan(from * columns, count * columns).CopyTo(_block.AsSpan(to * columns, count * columns));
        }
    }

    private static void Scale(Span<double> row, double factor)
    {
        for (int k = 0; k < row.Length; k++)
        {
            row[k] *= factor;
        }
    }

    private static void EnsureCapacity<T>(ref T[] array, int length)
    {
        if (array.Length < length)
        {
            array = new T[Math.Max(length, 2 * array.Length)];
        }
    }
}
