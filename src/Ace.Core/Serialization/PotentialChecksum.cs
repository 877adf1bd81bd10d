using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ace.Core.Serialization;

/// <summary>
/// The checksum of a saved potential: a SHA-256 of every top-level section of the document (all keys but
/// <c>checksum</c> itself), each over its canonical form (object keys sorted, no whitespace, numbers as written), stored
/// as <c>"checksum": {"algorithm": "sha256", "sections": {"basis": "...", ...}}</c>. Because it is computed over the
/// serialised document, sections added later (optional ones included) are covered without further code; because it is
/// kept per section, a mismatch names the section that was changed, removed or added after saving.
/// </summary>
internal static class PotentialChecksum
{
    /// <summary>The key of the checksum section.</summary>
    public const string Key = "checksum";

    private const string Algorithm = "sha256";

    /// <summary>The document <paramref name="json"/> with its checksum section (replacing any), indented.</summary>
    public static string Seal(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        root.Remove(Key);
        var sections = new JsonObject();
        using (var parsed = JsonDocument.Parse(root.ToJsonString()))
        {
            foreach (var section in parsed.RootElement.EnumerateObject())
            {
                sections[section.Name] = Hash(section.Value);
            }
        }
        root[Key] = new JsonObject { ["algorithm"] = Algorithm, ["sections"] = sections };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Checks the checksum of the document <paramref name="root"/>; throws naming the first section that does not match.</summary>
    /// <exception cref="PotentialFormatException">No checksum, an unknown algorithm, or a section changed, missing or added after saving.</exception>
    public static void Verify(JsonElement root, string? path)
    {
        if (!root.TryGetProperty(Key, out var checksum) || checksum.ValueKind != JsonValueKind.Object)
        {
            throw new PotentialFormatException(path, $"the document has no \"{Key}\" section; it was not written by Ace.Core's PotentialSerializer or has been edited (save the potential again)");
        }
        if (!checksum.TryGetProperty("algorithm", out var algorithm) || algorithm.ValueKind != JsonValueKind.String
            || !string.Equals(algorithm.GetString(), Algorithm, StringComparison.Ordinal))
        {
            throw new PotentialFormatException(path, $"{Key}.algorithm: expected \"{Algorithm}\"");
        }
        if (!checksum.TryGetProperty("sections", out var sections) || sections.ValueKind != JsonValueKind.Object)
        {
            throw new PotentialFormatException(path, $"{Key}.sections: expected an object of section checksums");
        }
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var expected in sections.EnumerateObject())
        {
            listed.Add(expected.Name);
            if (!root.TryGetProperty(expected.Name, out var section))
            {
                throw new PotentialFormatException(path, $"\"{expected.Name}\": the section was removed after saving (the checksum lists it)");
            }
            if (expected.Value.ValueKind != JsonValueKind.String || !string.Equals(expected.Value.GetString(), Hash(section), StringComparison.Ordinal))
            {
                throw new PotentialFormatException(path, $"\"{expected.Name}\": the content does not match its checksum; the section was changed after saving (or the file is corrupt)");
            }
        }
        foreach (var section in root.EnumerateObject())
        {
            if (!string.Equals(section.Name, Key, StringComparison.Ordinal) && !listed.Contains(section.Name))
            {
                throw new PotentialFormatException(path, $"\"{section.Name}\": the section was added after saving (the checksum does not cover it)");
            }
        }
    }

    /// <summary>The SHA-256 (lower-case hex) of the canonical form of <paramref name="value"/>.</summary>
    private static string Hash(JsonElement value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteCanonical(writer, value);
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    private static void WriteCanonical(Utf8JsonWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in value.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    WriteCanonical(writer, property.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    WriteCanonical(writer, item);
                }
                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(value.GetString());
                break;
            case JsonValueKind.Number:
                writer.WriteRawValue(value.GetRawText(), skipInputValidation: true);
                break;
            default:
                writer.WriteRawValue(value.GetRawText());
                break;
        }
    }

    /// <summary>UTF-8 without a byte-order mark, as the serializer writes.</summary>
    internal static Encoding Utf8 { get; } = new UTF8Encoding(false);
}
