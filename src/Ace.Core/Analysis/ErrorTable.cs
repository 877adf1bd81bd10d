using System.Collections.Immutable;
using Ace.Core.Atoms;
using Ace.Core.Primitives;

namespace Ace.Core.Analysis;

/// <summary>Errors overall and per config_type (structures without one count as "default").</summary>
/// <param name="Overall">All structures.</param>
/// <param name="ByConfigType">Per configuration label, sorted by label.</param>
public sealed record ErrorTable(ErrorStatistics Overall, IReadOnlyList<KeyValuePair<string, ErrorStatistics>> ByConfigType)
{
    /// <summary>The label used for structures without a config_type.</summary>
    public const string DefaultConfigType = "default";

    /// <summary>
    /// Compares <paramref name="predict"/> (total energy in eV and forces in eV/Angstrom of a structure) with the
    /// reference data of <paramref name="structures"/>. Structures without a reference energy are skipped; forces are
    /// compared where the structure has them.
    /// </summary>
    /// <exception cref="ArgumentException">A prediction has the wrong number of forces; the message names the structure.</exception>
    public static ErrorTable Compute(IEnumerable<Structure> structures, Func<Structure, (double Energy, ImmutableArray<Vec3> Forces)> predict)
    {
        ArgumentNullException.ThrowIfNull(structures);
        ArgumentNullException.ThrowIfNull(predict);
        var all = new Accumulator();
        var byType = new SortedDictionary<string, Accumulator>(StringComparer.Ordinal);
        int index = 0;
        foreach (var s in structures)
        {
            if (s.Energy is not { } reference)
            {
                index++;
                continue;
            }
            var (energy, forces) = predict(s);
            string type = s.ConfigType ?? DefaultConfigType;
            if (!byType.TryGetValue(type, out var acc))
            {
                byType[type] = acc = new Accumulator();
            }
            double de = 1000 * (energy - reference) / s.AtomCount;
            all.AddEnergy(de);
            acc.AddEnergy(de);
            if (s.Forces is { } f)
            {
                if (forces.IsDefault || forces.Length != s.AtomCount)
                {
                    throw new ArgumentException($"structure {index} ({s}): the prediction has {(forces.IsDefault ? 0 : forces.Length)} forces for {s.AtomCount} atoms", nameof(predict));
                }
                for (int i = 0; i < s.AtomCount; i++)
                {
                    var d = 1000 * (forces[i] - f[i]);
                    for (int axis = 0; axis < 3; axis++)
                    {
                        all.AddForce(d[axis]);
                        acc.AddForce(d[axis]);
                    }
                }
            }
            index++;
        }
        return new ErrorTable(all.ToStatistics(), [.. byType.Select(p => new KeyValuePair<string, ErrorStatistics>(p.Key, p.Value.ToStatistics()))]);
    }

    private sealed class Accumulator
    {
        private int _structures, _components;
        private double _e2, _e1, _f2, _f1;

        public void AddEnergy(double d)
        {
            _structures++;
            _e2 += d * d;
            _e1 += Math.Abs(d);
        }

        public void AddForce(double d)
        {
            _components++;
            _f2 += d * d;
            _f1 += Math.Abs(d);
        }

        public ErrorStatistics ToStatistics() => new(
            _structures, _components,
            _structures == 0 ? double.NaN : Math.Sqrt(_e2 / _structures),
            _structures == 0 ? double.NaN : _e1 / _structures,
            _components == 0 ? double.NaN : Math.Sqrt(_f2 / _components),
            _components == 0 ? double.NaN : _f1 / _components);
    }
}
