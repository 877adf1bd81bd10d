using System.Text.Json.Serialization;

namespace Ace.Core.Serialization;

/// <summary>
/// Source-generated JSON metadata for the potential document, so saving and loading also work where reflection-based
/// serialization is off (trimmed or native-AOT applications, file-based apps).
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PotentialDocument))]
internal sealed partial class PotentialJsonContext : JsonSerializerContext;
