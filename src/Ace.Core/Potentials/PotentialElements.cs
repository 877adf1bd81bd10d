using System.Globalization;
using Ace.Core.Atoms;

namespace Ace.Core.Potentials;

/// <summary>The check that a structure holds only elements a potential knows, with the offending atom named.</summary>
internal static class PotentialElements
{
    /// <exception cref="ArgumentException">An atom's element is not among the potential's elements.</exception>
    public static void Require(IPotential potential, Structure structure, string what, string parameterName)
    {
        for (int i = 0; i < structure.AtomCount; i++)
        {
            if (!potential.Elements.Contains(structure.Elements[i].Symbol))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{what} {structure}: atom {i} is {structure.Elements[i]}, an element the potential lacks (elements: {string.Join(", ", potential.Elements)})"),
                    parameterName);
            }
        }
    }
}
