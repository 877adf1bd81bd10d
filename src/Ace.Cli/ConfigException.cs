namespace Ace.Cli;

/// <summary>A fit config is wrong; the message names the file, the line and the key.</summary>
internal sealed class ConfigException(string message) : Exception(message);
