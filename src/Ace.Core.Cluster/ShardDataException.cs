using System.Globalization;

namespace Ace.Core.Cluster;

/// <summary>
/// A shard's data cannot be used (a malformed or missing frame, a structure the fit rejects): retrying elsewhere would
/// fail the same way, so the run stops. The message names the file and the frame.
/// </summary>
public sealed class ShardDataException : FormatException
{
    /// <summary>An error in frame <paramref name="frame"/> (0-based) of <paramref name="file"/>.</summary>
    public ShardDataException(string file, int frame, string problem, Exception? innerException = null)
        : base(string.Create(CultureInfo.InvariantCulture, $"{file}: frame {frame}: {problem}"), innerException)
    {
        File = file;
        Frame = frame;
    }

    /// <summary>An error without location (prefer the constructor with file and frame).</summary>
    public ShardDataException()
        : this("<unknown>", -1, "bad shard data")
    {
    }

    /// <summary>An error without location (prefer the constructor with file and frame).</summary>
    public ShardDataException(string message)
        : this("<unknown>", -1, message)
    {
    }

    /// <summary>An error without location (prefer the constructor with file and frame).</summary>
    public ShardDataException(string message, Exception innerException)
        : this("<unknown>", -1, message, innerException)
    {
    }

    /// <summary>The file, as the shard names it.</summary>
    public string File { get; }

    /// <summary>The 0-based frame in the file.</summary>
    public int Frame { get; }
}
