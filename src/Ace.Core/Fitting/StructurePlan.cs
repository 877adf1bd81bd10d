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

    /// <summary>
    /// The data is probably misread when no structure has reference forces (or energies) while their weight is
    /// non-zero: a forces column or energy key read under another name. The error lists what the data does have.
    /// </summary>
    private static void ThrowIfDataProbablyMisread(IReadOnlyList<Structure> structures, FitSettings settings, int firstIndex)
    {
        if (structures.Any(s => s is null || s.AtomCount == 0))
        {
            return; // named per structure below
        }
        var weights = structures.Select((s, i) => settings.WeightsOf(s, firstIndex + i)).ToList();
        if (structures.All(s => s.Forces is null) && weights.Any(w => w.Forces > 0))
        {
            var columns = structures.SelectMany(s => s.AtomProperties.Select(p => p.Name)).Distinct(StringComparer.Ordinal).ToList();
            throw new TrainingDataException(string.Create(CultureInfo.InvariantCulture,
                $"none of the {structures.Count} training structures has reference forces, but the force weight is {weights.Max(w => w.Forces)}; the per-atom columns present besides species and positions are: {(columns.Count == 0 ? "none" : string.Join(", ", columns))} (read the forces under one of these names, e.g. ExtendedXyzOptions.ForcesKey or data.forces_key, or set the force weight to 0)"));
        }
        if (structures.All(s => s.Energy is null) && weights.Any(w => w.Energy > 0))
        {
            var keys = structures.SelectMany(s => s.Info.Keys).Distinct(StringComparer.Ordinal).ToList();
            throw new TrainingDataException(string.Create(CultureInfo.InvariantCulture,
                $"none of the {structures.Count} training structures has a reference energy, but the energy weight is {weights.Max(w => w.Energy)}; the header keys present are: {(keys.Count == 0 ? "none" : string.Join(", ", keys))} (read the energy under one of these names, e.g. ExtendedXyzOptions.EnergyKey or data.energy_key, or set the energy weight to 0)"));
        }
    }

    /// <summary>
    /// Checks every structure against the basis and the weights and lays out their rows; the structures are those from
    /// index <paramref name="firstIndex"/> of the training set (a shard), which names them and picks their folds. A
    /// shard (<paramref name="isShard"/>) may have no rows at all (every weight zero): other shards may have them.
    /// </summary>
    /// <exception cref="TrainingDataException">A structure cannot be used; the message names it.</exception>
    public static StructurePlan[] Create(IReadOnlyList<Structure> structures, FitSettings settings, BasisGeometry geometry, int firstIndex = 0, bool isShard = false)
    {
        if (structures.Count == 0)
        {
            throw new ArgumentException("the training set is empty", nameof(structures));
        }
        ThrowIfDataProbablyMisread(structures, settings, firstIndex);
        var plans = new StructurePlan[structures.Count];
        long offset = 0;
        for (int k = 0; k < structures.Count; k++)
        {
            int s = firstIndex + k;
            var structure = structures[k] ?? throw new TrainingDataException(s, "null", "the structure is null");
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
            try
            {
                structure.ThrowIfCloserThan(settings.MinimumSeparation);
            }
            catch (AtomsTooCloseException e)
            {
                throw new TrainingDataException(s, Describe(structure), e.Message, e);
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
            plans[k] = new StructurePlan(s, structure, we, wf, wv, offset);
            offset += plans[k].RowCount;
        }
        if (offset == 0 && !isShard)
        {
            throw new ArgumentException("every weight of every training structure is zero: there is nothing to fit", nameof(structures));
        }
        return plans;
    }
}
