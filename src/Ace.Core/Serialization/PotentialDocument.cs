using System.Text.Json.Serialization;
using Ace.Core.Basis;

namespace Ace.Core.Serialization;

/// <summary>The JSON shape of a saved <see cref="Potentials.LinearAcePotential"/> (see <see cref="PotentialSerializer"/>).</summary>
internal sealed class PotentialDocument
{
    [JsonPropertyName("format")]
    public string? Format { get; set; }

    [JsonPropertyName("version")]
    public int Version { get; set; }

    [JsonPropertyName("writtenBy")]
    public string? WrittenBy { get; set; }

    [JsonPropertyName("basis")]
    public AceBasisSpecification? Basis { get; set; }

    [JsonPropertyName("referenceEnergies")]
    public Dictionary<string, double>? ReferenceEnergies { get; set; }

    [JsonPropertyName("functions")]
    public List<string>? Functions { get; set; }

    [JsonPropertyName("coefficients")]
    public List<double>? Coefficients { get; set; }

    /// <summary>How the potential was fitted; absent in files written before provenance was recorded.</summary>
    [JsonPropertyName("provenance")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Fitting.FitProvenance? Provenance { get; set; }

    /// <summary>Optional: the extrapolation grade's active set (absent in files without one).</summary>
    [JsonPropertyName("activeSet")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ActiveSetDocument? ActiveSet { get; set; }

    /// <summary>Optional: the posterior committee (absent in files without one).</summary>
    [JsonPropertyName("committee")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CommitteeDocument? Committee { get; set; }
}
