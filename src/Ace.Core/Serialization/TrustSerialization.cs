using System.Globalization;
using Ace.Core.Potentials;
using Ace.Core.Trust;

namespace Ace.Core.Serialization;

/// <summary>Converts a potential's active set and committee to and from their optional document sections.</summary>
internal static class TrustSerialization
{
    public static ActiveSetDocument? ToDocument(ActiveSet? set) => set is null ? null : new ActiveSetDocument
    {
        Tolerance = set.Tolerance,
        Passes = set.Passes,
        Elements = set.Elements.Select(e => new ElementActiveSetDocument
        {
            Element = e.Element,
            Columns = e.Columns.ToList(),
            Rank = e.Rank,
            ComplementScale = e.ComplementScale,
            EnvironmentCount = e.EnvironmentCount,
            MaxTrainingGrade = e.MaxTrainingGrade,
            Environments = e.Environments.Select(r => new[] { r.Structure, r.Atom }).ToList(),
            Projection = Enumerable.Range(0, e.FeatureCount).Select(k => e.Projection.Slice(k * e.FeatureCount, e.FeatureCount).ToArray()).ToList(),
        }).ToList(),
    };

    public static CommitteeDocument? ToDocument(PotentialCommittee? committee) => committee is null ? null : new CommitteeDocument
    {
        Seed = committee.Seed,
        Deviations = Enumerable.Range(0, committee.Size).Select(k => committee.Deviation(k).ToArray()).ToList(),
    };

    /// <summary>The potential with the sections of the document attached (the potential itself when there are none).</summary>
    /// <exception cref="PotentialFormatException">A section is inconsistent with the basis.</exception>
    public static LinearAcePotential Attach(LinearAcePotential potential, ActiveSetDocument? activeSet, CommitteeDocument? committee, string? path)
    {
        if (activeSet is not null)
        {
            potential = potential.WithActiveSet(ActiveSetOf(potential, activeSet, path));
        }
        if (committee is not null)
        {
            try
            {
                potential = potential.WithCommittee(PotentialCommittee.FromDeviations(
                    committee.Deviations ?? throw new PotentialFormatException(path, "the \"committee\" section has no \"deviations\""), committee.Seed));
            }
            catch (ArgumentException e)
            {
                throw new PotentialFormatException(path, $"the \"committee\" section is invalid: {e.Message}", e);
            }
        }
        return potential;
    }

    private static ActiveSet ActiveSetOf(LinearAcePotential potential, ActiveSetDocument document, string? path)
    {
        var features = new SiteFeatureMap(potential.Basis);
        var elements = potential.Basis.Elements;
        if (document.Elements is null || document.Elements.Count != elements.Count)
        {
            throw new PotentialFormatException(path, string.Create(CultureInfo.InvariantCulture,
                $"the \"activeSet\" section lists {document.Elements?.Count ?? 0} elements, the basis has {elements.Count}"));
        }
        var sets = new ElementActiveSet[elements.Count];
        for (int s = 0; s < elements.Count; s++)
        {
            var e = document.Elements[s];
            void Fail(string problem) => throw new PotentialFormatException(path, $"the \"activeSet\" section of element {s} ({e.Element}): {problem}");
            if (!string.Equals(e.Element, elements[s], StringComparison.Ordinal))
            {
                Fail($"names {e.Element}, but element {s} of the basis is {elements[s]}");
            }
            int p = features.Count(s);
            if (e.Columns is null || !e.Columns.SequenceEqual(features.Columns(s)))
            {
                Fail(string.Create(CultureInfo.InvariantCulture, $"its feature columns differ from the basis's {p} columns of this element"));
            }
            if (e.Rank < 0 || e.Rank > p || !(e.ComplementScale >= 0) || !double.IsFinite(e.ComplementScale))
            {
                Fail(string.Create(CultureInfo.InvariantCulture, $"rank {e.Rank} or complement scale {e.ComplementScale} is out of range"));
            }
            if (e.Projection is null || e.Projection.Count != p || e.Projection.Any(row => row.Length != p || row.Any(x => !double.IsFinite(x))))
            {
                Fail(string.Create(CultureInfo.InvariantCulture, $"the projection is not a finite {p} x {p} matrix"));
            }
            var environments = (e.Environments ?? []).Select(pair => pair.Length == 2
                ? new EnvironmentReference(pair[0], pair[1])
                : throw new PotentialFormatException(path, $"the \"activeSet\" section of element {s}: an environment is not a [structure, atom] pair")).ToArray();
            sets[s] = new ElementActiveSet(elements[s], features.Columns(s).ToArray(), e.Rank, e.ComplementScale,
                e.Projection!.SelectMany(row => row).ToArray(), environments, e.EnvironmentCount, e.MaxTrainingGrade);
        }
        return new ActiveSet(features, sets, document.Tolerance, document.Passes);
    }
}
