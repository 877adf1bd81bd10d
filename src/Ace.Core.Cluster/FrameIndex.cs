using System.Globalization;
using Ace.Core.Atoms;

namespace Ace.Core.Cluster;

/// <summary>
/// Where each frame of an extended XYZ file starts (byte offset and 1-based line) and how many atoms it has, found by
/// reading only the atom-count lines, so that a worker can seek to its shard's first frame.
/// </summary>
internal sealed class FrameIndex
{
    private FrameIndex(string path, long[] offsets, long[] lines, int[] atoms)
    {
        Path = path;
        Offsets = offsets;
        Lines = lines;
        Atoms = atoms;
    }

    /// <summary>The file indexed.</summary>
    public string Path { get; }

    /// <summary>The byte offset of each frame's atom-count line.</summary>
    public long[] Offsets { get; }

    /// <summary>The 1-based line number of each frame's atom-count line.</summary>
    public long[] Lines { get; }

    /// <summary>The atom count of each frame.</summary>
    public int[] Atoms { get; }

    /// <summary>The number of frames.</summary>
    public int FrameCount => Atoms.Length;

    /// <summary>Indexes the file at <paramref name="path"/>.</summary>
    /// <exception cref="ExtendedXyzException">An atom-count line is not a positive integer, or the file ends inside a frame (file and line named).</exception>
    public static FrameIndex Build(string path)
    {
        var offsets = new List<long>();
        var lines = new List<long>();
        var atoms = new List<int>();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var buffer = new byte[1 << 16];
        var countLine = new List<byte>();
        long position = 0; // byte offset of buffer[0]
        long line = 1; // the line being read
        long lineStart = 0; // its byte offset
        long remaining = 0; // lines of the current frame after the line being read
        bool lineHasBytes = false;
        void EndLine()
        {
            if (remaining > 0)
            {
                remaining--;
                return;
            }
            var text = System.Text.Encoding.ASCII.GetString([.. countLine]).Trim();
            countLine.Clear();
            if (text.Length == 0)
            {
                return; // blank lines between or after frames
            }
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1)
            {
                throw new ExtendedXyzException(path, line, string.Create(CultureInfo.InvariantCulture,
                    $"frame {atoms.Count}: expected the number of atoms (a positive integer), found '{text}'"));
            }
            offsets.Add(lineStart);
            lines.Add(line);
            atoms.Add(n);
            remaining = n + 1; // the comment line and the atom lines
        }
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (int i = 0; i < read; i++)
            {
                byte b = buffer[i];
                if (b == (byte)'\n')
                {
                    EndLine();
                    line++;
                    lineStart = position + i + 1;
                    lineHasBytes = false;
                    continue;
                }
                lineHasBytes = true;
                if (remaining == 0)
                {
                    countLine.Add(b);
                }
            }
            position += read;
        }
        if (lineHasBytes)
        {
            EndLine(); // a last line without '\n'
        }
        if (remaining > 0)
        {
            throw new ExtendedXyzException(path, line, string.Create(CultureInfo.InvariantCulture,
                $"frame {atoms.Count - 1}: the file ends {remaining} lines before the frame's {atoms[^1]} atoms are complete"));
        }
        return new FrameIndex(path, [.. offsets], [.. lines], [.. atoms]);
    }
}
