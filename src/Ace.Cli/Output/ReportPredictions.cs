using Ace.Core.Atoms;
using Ace.Core.Potentials;

namespace Ace.Cli.Output;

/// <summary>
/// A potential's predictions next to the reference data of a set of structures, as the fit report plots them:
/// energy per atom (reference energies subtracted, eV/atom) per structure, and force components and per-atom force
/// error magnitudes (eV/A), each with its structure's config_type.
/// </summary>
internal sealed class ReportPredictions
{
    /// <summary>The config_type of structures without one.</summary>
    public const string NoConfigType = "(none)";

    private ReportPredictions(List<(string Type, double Reference, double Predicted)> energies,
        List<(string Type, double Reference, double Predicted)> forces, List<(double ReferenceNorm, double ErrorNorm)> atoms)
    {
        Energies = energies;
        ForceComponents = forces;
        AtomForces = atoms;
    }

    /// <summary>Per structure with a reference energy: config_type, reference and predicted energy per atom (eV/atom, E0 subtracted).</summary>
    public IReadOnlyList<(string Type, double Reference, double Predicted)> Energies { get; }

    /// <summary>Per force component with a reference: config_type, reference and predicted component (eV/A).</summary>
    public IReadOnlyList<(string Type, double Reference, double Predicted)> ForceComponents { get; }

    /// <summary>Per atom with a reference force: |F_ref| and |F_pred - F_ref| (eV/A).</summary>
    public IReadOnlyList<(double ReferenceNorm, double ErrorNorm)> AtomForces { get; }

    /// <summary>The config_types in order of first appearance.</summary>
    public IReadOnlyList<string> Types => [.. Energies.Select(e => e.Type).Concat(ForceComponents.Select(f => f.Type)).Distinct()];

    /// <summary>Evaluates <paramref name="potential"/> on every structure (in parallel).</summary>
    public static ReportPredictions Compute(LinearAcePotential potential, IReadOnlyList<Structure> structures)
    {
        var evaluations = new PotentialEvaluation[structures.Count];
        Parallel.For(0, structures.Count, s => evaluations[s] = potential.Evaluate(structures[s]));
        var energies = new List<(string, double, double)>();
        var forces = new List<(string, double, double)>();
        var atoms = new List<(double, double)>();
        for (int s = 0; s < structures.Count; s++)
        {
            var structure = structures[s];
            var type = structure.ConfigType ?? NoConfigType;
            double e0 = structure.Elements.Sum(e => potential.ReferenceEnergies.GetValueOrDefault(e.Symbol));
            var p = evaluations[s];
            if (structure.Energy is { } reference)
            {
                energies.Add((type, (reference - e0) / structure.AtomCount, (p.Energy - e0) / structure.AtomCount));
            }
            if (structure.Forces is { } f)
            {
                for (int i = 0; i < structure.AtomCount; i++)
                {
                    forces.Add((type, f[i].X, p.Forces[i].X));
                    forces.Add((type, f[i].Y, p.Forces[i].Y));
                    forces.Add((type, f[i].Z, p.Forces[i].Z));
                    atoms.Add((f[i].Norm, (p.Forces[i] - f[i]).Norm));
                }
            }
        }
        return new ReportPredictions(energies, forces, atoms);
    }
}
