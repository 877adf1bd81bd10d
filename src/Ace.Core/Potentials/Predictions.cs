using System.Collections.Immutable;
using System.Globalization;
using Ace.Core.Atoms;

namespace Ace.Core.Potentials;

/// <summary>
/// Attaches a potential's predictions to structures in ASE's extended-XYZ conventions, for writing with
/// <see cref="ExtendedXyz"/>. With a prefix p (default "ace_"), the reference data is kept and the predictions go
/// beside it: header keys p+"energy" (eV), p+"virial" (9 numbers, row-major, eV) and, for cells with a volume,
/// p+"stress" (9 numbers, eV/Angstrom^3, -virial / volume); per-atom columns p+"forces" (eV/Angstrom, 3 columns)
/// and p+"energies" (site energies, eV). With the empty prefix the predictions replace the reference data: energy,
/// forces and virial become the predicted ones (what ase.io.read returns as the calculator's results), and the site
/// energies go to the column "energies".
/// </summary>
public static class Predictions
{
    /// <summary>The default prefix of the prediction keys.</summary>
    public const string DefaultPrefix = "ace_";

    /// <summary>Each structure with the predictions of <paramref name="potential"/> attached (evaluated lazily, in order).</summary>
    /// <exception cref="ArgumentException">The prefix is not a valid key start, or a structure already holds a key of that name.</exception>
    public static IEnumerable<Structure> Attach(IPotential potential, IEnumerable<Structure> structures, string prefix = DefaultPrefix)
    {
        ArgumentNullException.ThrowIfNull(potential);
        ArgumentNullException.ThrowIfNull(structures);
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Any(c => char.IsWhiteSpace(c) || c is '=' or '"' or ':' or '\''))
        {
            throw new ArgumentException($"the prediction prefix '{prefix}' contains a space, '=', ':' or a quote", nameof(prefix));
        }
        return AttachLazily(potential, structures, prefix);
    }

    /// <summary><paramref name="structure"/> with <paramref name="evaluation"/> attached under <paramref name="prefix"/> (see the class summary).</summary>
    /// <exception cref="ArgumentException">The evaluation has another atom count, or the structure already holds a key of the names written.</exception>
    public static Structure Attach(Structure structure, PotentialEvaluation evaluation, string prefix = DefaultPrefix)
    {
        ArgumentNullException.ThrowIfNull(structure);
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(prefix);
        if (evaluation.Forces.Length != structure.AtomCount)
        {
            throw new ArgumentException($"{structure}: the evaluation has {evaluation.Forces.Length} forces for {structure.AtomCount} atoms", nameof(evaluation));
        }
        var siteEnergies = AtomProperty.Real(prefix + "energies", 1, evaluation.SiteEnergies);
        if (prefix.Length == 0)
        {
            return new Structure(structure.Elements, structure.Positions, structure.Cell, structure.Pbc)
            {
                Energy = evaluation.Energy,
                Forces = evaluation.Forces,
                Virial = evaluation.Virial,
                ConfigType = structure.ConfigType,
                Info = structure.Info,
                AtomProperties = Add(structure, siteEnergies),
            };
        }
        var info = new Dictionary<string, string>(structure.Info, StringComparer.Ordinal);
        AddInfo(structure, info, prefix + "energy", evaluation.Energy.ToString("R", CultureInfo.InvariantCulture));
        AddInfo(structure, info, prefix + "virial", Matrix(evaluation.Virial));
        if (!structure.Cell.IsSingular)
        {
            AddInfo(structure, info, prefix + "stress", Matrix((-1.0 / structure.Cell.Volume) * evaluation.Virial));
        }
        var forces = new double[3 * structure.AtomCount];
        for (int i = 0; i < structure.AtomCount; i++)
        {
            forces[3 * i] = evaluation.Forces[i].X;
            forces[3 * i + 1] = evaluation.Forces[i].Y;
            forces[3 * i + 2] = evaluation.Forces[i].Z;
        }
        return new Structure(structure.Elements, structure.Positions, structure.Cell, structure.Pbc)
        {
            Energy = structure.Energy,
            Forces = structure.Forces,
            Virial = structure.Virial,
            ConfigType = structure.ConfigType,
            Info = info,
            AtomProperties = Add(structure, AtomProperty.Real(prefix + "forces", 3, forces), siteEnergies),
        };
    }

    private static IEnumerable<Structure> AttachLazily(IPotential potential, IEnumerable<Structure> structures, string prefix)
    {
        foreach (var s in structures)
        {
            yield return Attach(s, potential.Evaluate(s), prefix);
        }
    }

    private static void AddInfo(Structure structure, Dictionary<string, string> info, string key, string value)
    {
        if (!info.TryAdd(key, value))
        {
            throw new ArgumentException($"{structure} already holds the header key '{key}'; choose another prediction prefix", nameof(structure));
        }
    }

    private static ImmutableArray<AtomProperty> Add(Structure structure, params AtomProperty[] properties)
    {
        foreach (var p in properties)
        {
            if (structure.AtomProperties.Any(q => q.Name == p.Name))
            {
                throw new ArgumentException($"{structure} already holds the per-atom column '{p.Name}'; choose another prediction prefix", nameof(structure));
            }
        }
        return structure.AtomProperties.AddRange(properties);
    }

    private static string Matrix(SymmetricTensor3 t)
    {
        Span<double> m = stackalloc double[9];
        t.CopyToMatrix(m);
        return string.Join(' ', m.ToArray().Select(x => x.ToString("R", CultureInfo.InvariantCulture)));
    }
}
