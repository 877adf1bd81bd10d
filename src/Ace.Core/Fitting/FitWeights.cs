using System.Globalization;

namespace Ace.Core.Fitting;

/// <summary>
/// Row weights of one kind of structure: each multiplies its rows and targets, so it enters the objective squared.
/// A zero weight leaves those rows out (and the data may then be absent).
/// </summary>
/// <param name="Energy">The weight of the (scaled, see <see cref="EnergyScaling"/>) energy row.</param>
/// <param name="Forces">The weight of every force-component row.</param>
/// <param name="Virial">The weight of the six (scaled) virial rows; 0 leaves them out.</param>
public sealed record FitWeights(double Energy = 1, double Forces = 1, double Virial = 0)
{
    /// <summary>Throws <see cref="ArgumentException"/> when a weight is negative or not finite; <paramref name="where"/> names the weights.</summary>
    public void Validate(string where)
    {
        foreach (var (name, value) in new[] { ("energy", Energy), ("forces", Forces), ("virial", Virial) })
        {
            if (!double.IsFinite(value) || value < 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{where}: the {name} weight must be finite and non-negative, got {value}"), name);
            }
        }
    }
}
