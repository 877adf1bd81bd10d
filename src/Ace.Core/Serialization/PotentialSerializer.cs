using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Potentials;

namespace Ace.Core.Serialization;

/// <summary>
/// Saves and loads <see cref="LinearAcePotential"/>s as a versioned JSON document: <c>format</c>
/// (<see cref="FormatName"/>), integer <c>version</c>, the basis specification (everything needed to rebuild the
/// basis), the reference energies, the function labels (checked on loading), the coefficients, optionally the fit's
/// <see cref="Fitting.FitProvenance"/> (files without it load with a null provenance) and the sections <c>activeSet</c>
/// and <c>committee</c> (docs/trust.md), and a per-section SHA-256 checksum (<c>checksum</c>, over the canonical
/// content of every other section, optional ones included). Loading validates every field against the rebuilt basis
/// and then the checksum, so any edit after saving is an error naming the section. Doubles are
/// written in their shortest round-trip form, so predictions after loading are bitwise equal. Files are written
/// atomically (a temporary file in the same folder, then renamed over the target).
/// </summary>
public static class PotentialSerializer
{
    /// <summary>The value of the document's "format" field.</summary>
    public const string FormatName = "Ace.Core.LinearAcePotential";

    /// <summary>
    /// The version this library writes, and the newest it reads. Version 2 added the checksum, which it requires;
    /// version-1 files (without one) still load, with every field validated.
    /// </summary>
    public const int CurrentVersion = 2;

    /// <summary>The JSON document of <paramref name="potential"/>.</summary>
    public static string ToJson(LinearAcePotential potential)
    {
        ArgumentNullException.ThrowIfNull(potential);
        var document = new PotentialDocument
        {
            Format = FormatName,
            Version = CurrentVersion,
            WrittenBy = "Ace.Core " + (typeof(PotentialSerializer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown"),
            Basis = potential.Basis.Specification,
            ReferenceEnergies = potential.ReferenceEnergies.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            Functions = potential.Basis.Functions.Select(f => f.ToString()).ToList(),
            Coefficients = potential.Coefficients.ToArray().ToList(),
            Provenance = potential.Provenance,
            ActiveSet = TrustSerialization.ToDocument(potential.ActiveSet),
            Committee = TrustSerialization.ToDocument(potential.Committee),
        };
        return PotentialChecksum.Seal(JsonSerializer.Serialize(document, PotentialJsonContext.Default.PotentialDocument));
    }

    /// <summary>Rebuilds a potential from its JSON document.</summary>
    /// <exception cref="PotentialFormatException">The text is not such a document, is of a newer version, or is inconsistent.</exception>
    public static LinearAcePotential FromJson(string json) => FromJson(json, null);

    /// <summary>Writes the document of <paramref name="potential"/> to <paramref name="path"/> atomically (UTF-8).</summary>
    public static void Save(LinearAcePotential potential, string path)
    {
        ArgumentNullException.ThrowIfNull(potential);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.WriteAllText(path, ToJson(potential));
    }

    /// <summary>Loads a potential saved by <see cref="Save"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="PotentialFormatException">The file is corrupt, of another format, of a newer version, or inconsistent.</exception>
    public static LinearAcePotential Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return FromJson(File.ReadAllText(path, Encoding.UTF8), path);
    }

    private static LinearAcePotential FromJson(string json, string? path)
    {
        ArgumentNullException.ThrowIfNull(json);
        PotentialDocument document;
        using var parsed = Parse(json, path);
        int version = CheckHeader(parsed.RootElement, path);
        try
        {
            document = JsonSerializer.Deserialize(parsed.RootElement, PotentialJsonContext.Default.PotentialDocument)
                ?? throw new PotentialFormatException(path, "the document is empty (null)");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or ArgumentException or FormatException and not PotentialFormatException)
        {
            throw new PotentialFormatException(path, $"not valid JSON of a potential ({e.Message})", e);
        }
        if (document.Basis is null || document.Coefficients is null || document.Functions is null)
        {
            throw new PotentialFormatException(path, "the document lacks one of \"basis\", \"functions\" or \"coefficients\"");
        }
        if (document.ReferenceEnergies is null)
        {
            throw new PotentialFormatException(path, "\"referenceEnergies\": the section is missing (an empty {} means no reference energies)");
        }
        AceBasis basis;
        try
        {
            basis = AceBasis.Build(document.Basis);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or ArithmeticException)
        {
            throw new PotentialFormatException(path, $"\"basis\": the specification is invalid: {e.Message}", e);
        }
        if (basis.FunctionCount != document.Coefficients.Count || basis.FunctionCount != document.Functions.Count)
        {
            throw new PotentialFormatException(path, string.Create(CultureInfo.InvariantCulture,
                $"the basis has {basis.FunctionCount} functions but the document lists {document.Functions.Count} functions and {document.Coefficients.Count} coefficients"));
        }
        for (int k = 0; k < basis.FunctionCount; k++)
        {
            var label = basis.Functions[k].ToString();
            if (!string.Equals(label, document.Functions[k], StringComparison.Ordinal))
            {
                throw new PotentialFormatException(path, string.Create(CultureInfo.InvariantCulture,
                    $"function {k} of the rebuilt basis is \"{label}\" but the document says \"{document.Functions[k]}\" (written by a different basis builder?)"));
            }
        }
        LinearAcePotential potential;
        try
        {
            potential = new LinearAcePotential(basis, document.Coefficients.ToArray(), document.ReferenceEnergies);
            if (document.Provenance is not null)
            {
                potential = potential.WithProvenance(document.Provenance);
            }
        }
        catch (ArgumentException e)
        {
            throw new PotentialFormatException(path, $"\"{(e.ParamName == "referenceEnergies" ? "referenceEnergies" : "coefficients")}\": {e.Message}", e);
        }
        // Every field is in range and consistent with the rebuilt basis; the checksum then finds any edit that is.
        if (version >= 2)
        {
            PotentialChecksum.Verify(parsed.RootElement, path);
        }
        return TrustSerialization.Attach(potential, document.ActiveSet, document.Committee, path);
    }

    /// <summary>The parsed document, or a <see cref="PotentialFormatException"/> with the line of the JSON error.</summary>
    private static JsonDocument Parse(string json, string? path)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new PotentialFormatException(path, $"not valid JSON of a potential ({e.Message})", e);
        }
    }

    /// <summary>Checks the format name and version; returns the version.</summary>
    private static int CheckHeader(JsonElement root, string? path)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String)
        {
            throw new PotentialFormatException(path, $"not an Ace.Core potential: the document has no \"format\" field (expected \"{FormatName}\")");
        }
        if (!string.Equals(format.GetString(), FormatName, StringComparison.Ordinal))
        {
            throw new PotentialFormatException(path, $"the format is \"{format.GetString()}\", not \"{FormatName}\"");
        }
        if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out int v))
        {
            throw new PotentialFormatException(path, "the document has no integer \"version\"");
        }
        if (v > CurrentVersion)
        {
            throw new PotentialFormatException(path, string.Create(CultureInfo.InvariantCulture,
                $"the document has version {v}, newer than this library reads ({CurrentVersion}); update Ace.Core"));
        }
        if (v < 1)
        {
            throw new PotentialFormatException(path, string.Create(CultureInfo.InvariantCulture, $"the document has the invalid version {v}"));
        }
        return v;
    }
}
