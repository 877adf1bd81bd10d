using System.Globalization;
using System.Text;
using Ace.Core.Atoms;

namespace Ace.Core.Cluster;

/// <summary>Reads a shard's frames from its file (seeking to the first), naming file, frame and line in every error.</summary>
internal static class ShardReader
{
    /// <summary>The shard's structures, read from <paramref name="path"/> (the shard's file as this process sees it).</summary>
    /// <exception cref="ShardDataException">A frame is malformed or missing; the message names the file, frame and line.</exception>
    public static List<Structure> Read(ShardSource shard, string path, ExtendedXyzOptions options)
    {
        if (!File.Exists(path))
        {
            throw new ShardDataException(shard.File, shard.FirstFrame, $"the file does not exist on this worker (looked for '{path}'; is the shared data path mounted?)");
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        stream.Seek(shard.ByteOffset, SeekOrigin.Begin);
        using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, 1 << 16);
        var structures = new List<Structure>(shard.FrameCount);
        using var frames = ExtendedXyz.Read(text, options, shard.File).GetEnumerator();
        while (structures.Count < shard.FrameCount)
        {
            int frame = shard.FirstFrame + structures.Count;
            try
            {
                if (!frames.MoveNext())
                {
                    throw new ShardDataException(shard.File, frame, "the file ends before this frame (it changed since the coordinator indexed it?)");
                }
            }
            catch (ExtendedXyzException e)
            {
                long line = shard.FirstLine + e.LineNumber - 1;
                throw new ShardDataException(shard.File, frame, string.Create(CultureInfo.InvariantCulture, $"line {line}: {e.Problem}"), e);
            }
            structures.Add(frames.Current);
        }
        return structures;
    }
}
