using System.Security.Cryptography;

namespace Ace.Core.Fitting;

/// <summary>A training file of a fit: its path as given and the SHA-256 of its bytes (lower-case hex).</summary>
/// <param name="Path">The path as given to the fit (relative paths stay relative).</param>
/// <param name="Sha256">The SHA-256 of the file's bytes, 64 lower-case hex digits.</param>
public sealed record TrainingFile(string Path, string Sha256)
{
    /// <summary>Hashes the file at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static TrainingFile Of(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.OpenRead(path);
        return new TrainingFile(path, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }

    /// <summary>True when the file at <see cref="Path"/> (relative to <paramref name="baseDirectory"/>, default the current directory) still has this hash.</summary>
    public bool Matches(string? baseDirectory = null)
    {
        var full = System.IO.Path.Combine(baseDirectory ?? Directory.GetCurrentDirectory(), Path);
        return File.Exists(full) && Of(full).Sha256 == Sha256;
    }
}
