using System.Text.Json.Serialization;

namespace Ace.Core.Serialization;

/// <summary>The optional "activeSet" section of a potential document (see docs/trust.md).</summary>
internal sealed class ActiveSetDocument
{
    [JsonPropertyName("tolerance")]
    public double Tolerance { get; set; }

    [JsonPropertyName("passes")]
    public int Passes { get; set; }

    [JsonPropertyName("elements")]
    public List<ElementActiveSetDocument>? Elements { get; set; }
}

/// <summary>One element of an "activeSet" section: M is stored row-major, one row per feature.</summary>
internal sealed class ElementActiveSetDocument
{
    [JsonPropertyName("element")]
    public string? Element { get; set; }

    [JsonPropertyName("columns")]
    public List<int>? Columns { get; set; }

    [JsonPropertyName("rank")]
    public int Rank { get; set; }

    [JsonPropertyName("complementScale")]
    public double ComplementScale { get; set; }

    [JsonPropertyName("environmentCount")]
    public long EnvironmentCount { get; set; }

    [JsonPropertyName("maxTrainingGrade")]
    public double MaxTrainingGrade { get; set; }

    /// <summary>The active environments as [structure, atom] pairs.</summary>
    [JsonPropertyName("environments")]
    public List<int[]>? Environments { get; set; }

    [JsonPropertyName("projection")]
    public List<double[]>? Projection { get; set; }
}

/// <summary>The optional "committee" section of a potential document: the members' deviations from the coefficients.</summary>
internal sealed class CommitteeDocument
{
    [JsonPropertyName("seed")]
    public int Seed { get; set; }

    [JsonPropertyName("deviations")]
    public List<double[]>? Deviations { get; set; }
}
