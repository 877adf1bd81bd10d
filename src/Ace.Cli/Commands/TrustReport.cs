using System.Globalization;
using Ace.Core.Potentials;
using Spectre.Console;

namespace Ace.Cli.Commands;

/// <summary>The one-line descriptions of a potential's active set and committee that fit and activeset print.</summary>
internal static class TrustReport
{
    public static void Describe(IAnsiConsole console, LinearAcePotential potential)
    {
        if (potential.ActiveSet is { } set)
        {
            var parts = set.Elements.Select(e => string.Create(CultureInfo.InvariantCulture,
                $"{e.Element}: {e.Rank} of {e.FeatureCount} directions from {e.EnvironmentCount} environments"));
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"active set ({set.Passes} MaxVol passes): {string.Join("; ", parts)}");
        }
        if (potential.Committee is { } committee)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"committee: {committee.Size} members (seed {committee.Seed})");
        }
    }
}
