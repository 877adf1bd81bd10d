using System.Globalization;
using System.Text;
using Ace.Core.Atoms;
using Ace.Core.Potentials;

namespace Ace.Core.Errors;

/// <summary>
/// RMSE and MAE of the energy per atom (meV/atom) and the force components (meV/Angstrom) of a potential, per
/// config_type (in order of first appearance) and overall. Prints as an aligned text table; exports CSV.
/// </summary>
public sealed class ErrorTable
{
    /// <summary>The group name of the overall row.</summary>
    public const string OverallGroup = "overall";

    /// <summary>The group name of structures without a config_type.</summary>
    public const string NoConfigType = "(none)";

    private ErrorTable(IReadOnlyList<ErrorRow> groups, ErrorRow overall)
    {
        Groups = groups;
        Overall = overall;
    }

    /// <summary>One row per config_type, in order of first appearance.</summary>
    public IReadOnlyList<ErrorRow> Groups { get; }

    /// <summary>The row of all structures together.</summary>
    public ErrorRow Overall { get; }

    /// <summary>The groups followed by the overall row.</summary>
    public IEnumerable<ErrorRow> Rows => Groups.Append(Overall);

    /// <summary>Evaluates <paramref name="potential"/> on every structure and collects the errors.</summary>
    /// <exception cref="ArgumentException">The set is empty or a structure has an element the potential's basis lacks.</exception>
    public static ErrorTable Compute(IPotential potential, IEnumerable<Structure> structures)
    {
        ArgumentNullException.ThrowIfNull(potential);
        ArgumentNullException.ThrowIfNull(structures);
        var list = structures as IReadOnlyList<Structure> ?? structures.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("no structures to compute errors on", nameof(structures));
        }
        ThrowIfElementMissing(potential, list);
        var predictions = new PotentialEvaluation[list.Count];
        ParallelLoop.Run(() => Parallel.For(0, list.Count, s => predictions[s] = Predict(potential, list[s])));
        return FromPredictions(list, predictions);
    }

    /// <summary>Throws, naming the first structure and atom, when a structure has an element the potential lacks (checked before any work).</summary>
    internal static void ThrowIfElementMissing(IPotential potential, IReadOnlyList<Structure> structures)
    {
        var known = potential.Elements.ToHashSet(StringComparer.Ordinal);
        for (int s = 0; s < structures.Count; s++)
        {
            var elements = structures[s].Elements;
            for (int i = 0; i < elements.Length; i++)
            {
                if (!known.Contains(elements[i].Symbol))
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"structure {s} ({structures[s]}): atom {i} is {elements[i]}, an element the potential lacks (its elements: {string.Join(", ", potential.Elements)})"),
                        nameof(structures));
                }
            }
        }
    }

    /// <summary>What the table compares with a structure's reference data: the energy, and the forces when it has reference forces.</summary>
    internal static PotentialEvaluation Predict(IPotential potential, Structure structure) => structure.Forces is null
        ? new PotentialEvaluation(potential.Energy(structure), [], [], default)
        : potential.Evaluate(structure);

    /// <summary>The table of given predictions (from <see cref="Predict"/>), one per structure, possibly by different potentials.</summary>
    internal static ErrorTable FromPredictions(IReadOnlyList<Structure> structures, IReadOnlyList<PotentialEvaluation> predictions)
    {
        var groups = new Dictionary<string, Accumulator>(StringComparer.Ordinal);
        var order = new List<string>();
        var overall = new Accumulator();
        for (int s = 0; s < structures.Count; s++)
        {
            var key = structures[s].ConfigType ?? NoConfigType;
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = new Accumulator();
                order.Add(key);
            }
            group.Add(structures[s], predictions[s]);
            overall.Add(structures[s], predictions[s]);
        }
        return new ErrorTable(order.Select(k => groups[k].ToRow(k)).ToList(), overall.ToRow(OverallGroup));
    }

    /// <summary>The table as CSV with a header line (invariant culture, full precision).</summary>
    public string ToCsv()
    {
        var sb = new StringBuilder();
        sb.Append("group,structures,atoms,energy_rmse_meV_per_atom,energy_mae_meV_per_atom,force_rmse_meV_per_A,force_mae_meV_per_A\n");
        foreach (var r in Rows)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"{Quote(r.Group)},{r.Structures},{r.Atoms},{R(r.EnergyRmse)},{R(r.EnergyMae)},{R(r.ForceRmse)},{R(r.ForceMae)}\n");
        }
        return sb.ToString();
    }

    /// <summary>Writes <see cref="ToCsv"/> to <paramref name="path"/> atomically (<see cref="AtomicFile"/>).</summary>
    public void WriteCsv(string path) => AtomicFile.WriteAllText(path, ToCsv());

    /// <summary>An aligned text table (meV/atom and meV/A, one decimal).</summary>
    public override string ToString()
    {
        var header = new[] { "group", "structures", "atoms", "E RMSE", "E MAE", "F RMSE", "F MAE" };
        var cells = Rows.Select(r => new[]
        {
            r.Group, I(r.Structures), I(r.Atoms), F(r.EnergyRmse), F(r.EnergyMae), F(r.ForceRmse), F(r.ForceMae),
        }).ToList();
        var widths = header.Select((h, c) => Math.Max(h.Length, cells.Max(row => row[c].Length))).ToArray();
        var sb = new StringBuilder();
        sb.Append("energy per atom in meV/atom, force components in meV/A\n");
        Line(sb, header, widths);
        sb.Append(new string('-', widths.Sum() + 2 * (widths.Length - 1))).Append('\n');
        foreach (var row in cells)
        {
            Line(sb, row, widths);
        }
        return sb.ToString();
    }

    private static void Line(StringBuilder sb, string[] cells, int[] widths)
    {
        for (int c = 0; c < cells.Length; c++)
        {
            if (c > 0)
            {
                sb.Append("  ");
            }
            sb.Append(c == 0 ? cells[c].PadRight(widths[c]) : cells[c].PadLeft(widths[c]));
        }
        sb.Append('\n');
    }

    private static string I(int x) => x.ToString(CultureInfo.InvariantCulture);

    private static string F(double x) => double.IsNaN(x) ? "-" : x.ToString("F1", CultureInfo.InvariantCulture);

    private static string R(double x) => double.IsNaN(x) ? "" : x.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string s) => s.Contains(',', StringComparison.Ordinal) || s.Contains('"', StringComparison.Ordinal)
        ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : s;

    /// <summary>Sums of squared and absolute errors of one group.</summary>
    private sealed class Accumulator
    {
        private int _structures, _atoms, _energies;
        private long _components;
        private double _e2, _e1, _f2, _f1;

        public void Add(Structure structure, PotentialEvaluation prediction)
        {
            _structures++;
            _atoms += structure.AtomCount;
            if (structure.Energy is { } reference && structure.AtomCount > 0)
            {
                double e = 1000 * (prediction.Energy - reference) / structure.AtomCount;
                _e2 += e * e;
                _e1 += Math.Abs(e);
                _energies++;
            }
            if (structure.Forces is { } forces)
            {
                for (int i = 0; i < forces.Length; i++)
                {
                    var d = prediction.Forces[i] - forces[i];
                    AddComponent(1000 * d.X);
                    AddComponent(1000 * d.Y);
                    AddComponent(1000 * d.Z);
                }
                _components += 3L * forces.Length;
            }
        }

        private void AddComponent(double x)
        {
            _f2 += x * x;
            _f1 += Math.Abs(x);
        }

        public ErrorRow ToRow(string group) => new(group, _structures, _atoms,
            _energies == 0 ? double.NaN : Math.Sqrt(_e2 / _energies),
            _energies == 0 ? double.NaN : _e1 / _energies,
            _components == 0 ? double.NaN : Math.Sqrt(_f2 / _components),
            _components == 0 ? double.NaN : _f1 / _components);
    }
}
