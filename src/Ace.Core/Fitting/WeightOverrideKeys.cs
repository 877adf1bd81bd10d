using System.Globalization;
using Ace.Core.Atoms;

namespace Ace.Core.Fitting;

/// <summary>
/// The <see cref="Structure.Info"/> keys whose values override a structure's fit weights (extended XYZ header keys
/// such as energy_weight=30 land there).
/// </summary>
/// <param name="Energy">The key of the energy weight.</param>
/// <param name="Forces">The key of the force weight.</param>
/// <param name="Virial">The key of the virial weight.</param>
internal sealed record WeightOverrideKeys(string Energy, string Forces, string Virial)
{
    /// <summary>energy_weight, force_weight and virial_weight, as in ACEpotentials.jl and the shared data sets.</summary>
    public static WeightOverrideKeys Default { get; } = new("energy_weight", "force_weight", "virial_weight");

    /// <summary>The weight the info of structure <paramref name="index"/> gives under <paramref name="key"/>, or null.</summary>
    /// <exception cref="TrainingDataException">The value is not a finite non-negative number; the message names the structure, key and value.</exception>
    public static double? Read(Structure structure, int index, string key)
    {
        if (!structure.Info.TryGetValue(key, out var text))
        {
            return null;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double weight) && double.IsFinite(weight) && weight >= 0)
        {
            return weight;
        }
        throw new TrainingDataException(index, StructurePlan.Describe(structure),
            $"its info key '{key}' is \"{text}\", not a weight; expected a finite non-negative number");
    }
}
