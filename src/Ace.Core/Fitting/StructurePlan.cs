using System.Globalization;
using Ace.Core.Atoms;
using Ace.Core.Sites;

namespace Ace.Core.Fitting;

/// <summary>The rows one training structure contributes: which kinds, their weights, and where they start.</summary>
internal sealed record StructurePlan(int Index, Structure Structure, double EnergyWeight, double ForceWeight, double VirialWeight, long RowOffset)
{
    public bool HasEnergyRow => EnergyWeight > 0;

    public bool HasForceRows => ForceWeight > 0;

    public bool HasVirialRows => VirialWeight > 0;

    public int RowCount => (HasEnergyRow ? 1 : 0) + (HasForceRows ? 3 * Structure.AtomCount : 0) + (HasVirialRows ? 6 : 0);

    public string Description => Describe(Structure);

    public static string Describe(Structure s) => string.Create(CultureInfo.InvariantCulture,
        $"{s.AtomCount} atoms, {string.Join(",", s.Species)}, config_type {s.ConfigType ?? "(none)"}");

    /// <summary>Checks every structure against the basis and the weights and lays out their rows.</summary>
    /// <exception cref="TrainingDataException">A structure cannot be used; the message names it.</exception>
    public static StructurePlan[] Create(IReadOnlyList<Structure> structures, FitSettings settings, BasisGeometry geometry)
    {
        if (structures.Count == 0)
        {
            throw new ArgumentException("the training set is empty", nameof(structures));
        }
        var plans = new StructurePlan[structures.Count];
        long offset = 0;
        for (int s = 0; s < structures.Count; s++)
        {
            var structure = structures[s] ?? throw new TrainingDataException(s, "null", "the structure is null");
            void Fail(string problem) => throw new TrainingDataException(s, Describe(structure), problem);
            if (structure.AtomCount == 0)
            {
                Fail("the structure has no atoms");
            }
            for (int i = 0; i < structure.AtomCount; i++)
            {
                if (geometry.SpeciesOf(structure.Elements[i]) < 0)
                {
                    Fail($"atom {i} is {structure.Elements[i]}, an element the basis lacks (basis elements: {string.Join(", ", geometry.Basis.Elements)})");
                }
            }
            var (we, wf, wv) = settings.WeightsOf(structure, s);
            if (we > 0 && structure.Energy is null)
            {
                Fail(string.Create(CultureInfo.InvariantCulture, $"it has no reference energy but its energy weight is {we}"));
            }
            if (wf > 0 && structure.Forces is null)
            {
                Fail(string.Create(CultureInfo.InvariantCulture, $"it has no reference forces but its force weight is {wf}"));
            }
            if (wv > 0 && structure.Virial is null)
            {
                Fail(string.Create(CultureInfo.InvariantCulture, $"it has no reference virial (or stress) but its virial weight is {wv}"));
            }
            plans[s] = new StructurePlan(s, structure, we, wf, wv, offset);
            offset += plans[s].RowCount;
        }
        if (offset == 0)
        {
            throw new ArgumentException("every weight of every training structure is zero: there is nothing to fit", nameof(structures));
        }
        return plans;
    }
}
