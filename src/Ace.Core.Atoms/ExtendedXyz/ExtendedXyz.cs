using System.Text;

namespace Ace.Core.Atoms;

/// <summary>
/// Reading and writing the extended XYZ format with ASE's conventions (Lattice="...",
/// Properties=species:S:1:pos:R:3:..., quoted or bare key=value pairs, pbc="T T T", extra per-atom columns).
/// Reading streams frame by frame; writing is atomic and round-trips what was read.
/// </summary>
public static class ExtendedXyz
{
    /// <summary>
    /// The structures of the file at <paramref name="path"/>, read lazily one frame at a time (the file stays open
    /// while the sequence is enumerated). Bad input throws <see cref="ExtendedXyzException"/> when the enumeration
    /// reaches it; every structure yielded before that is complete.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist (thrown at once).</exception>
    public static IEnumerable<Structure> Read(string path, ExtendedXyzOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"extended XYZ file '{path}' does not exist", path);
        }
        return ReadFile(path, options ?? ExtendedXyzOptions.Default);
    }

    /// <summary>
    /// The structures read lazily from <paramref name="reader"/>; <paramref name="sourceName"/> names the source in
    /// error messages. The reader is not disposed.
    /// </summary>
    public static IEnumerable<Structure> Read(TextReader reader, ExtendedXyzOptions? options = null, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ReadFrames(reader, options ?? ExtendedXyzOptions.Default, sourceName);
    }

    /// <summary>All structures of the file at <paramref name="path"/>.</summary>
    public static IReadOnlyList<Structure> ReadAll(string path, ExtendedXyzOptions? options = null) =>
        Read(path, options).ToList();

    /// <summary>
    /// Writes <paramref name="structures"/> to <paramref name="path"/> atomically: into a temporary file beside it,
    /// renamed over the target only when every frame is written, so a failure never leaves a half-written file.
    /// </summary>
    /// <exception cref="ArgumentException">A structure's info keys or property names clash with the keys written.</exception>
    public static void Write(string path, IEnumerable<Structure> structures, ExtendedXyzOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(structures);
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            Write(writer, structures, options);
        });
    }

    /// <summary>Writes <paramref name="structures"/> to <paramref name="writer"/> (lines end with '\n').</summary>
    /// <exception cref="ArgumentException">A structure's info keys or property names clash with the keys written.</exception>
    public static void Write(TextWriter writer, IEnumerable<Structure> structures, ExtendedXyzOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(structures);
        var frameWriter = new ExtendedXyzWriter(writer, options ?? ExtendedXyzOptions.Default);
        int index = 0;
        foreach (var s in structures)
        {
            ArgumentNullException.ThrowIfNull(s, nameof(structures));
            frameWriter.Write(s, index++);
        }
    }

    /// <summary>The extended XYZ text of <paramref name="structures"/>.</summary>
    public static string ToText(IEnumerable<Structure> structures, ExtendedXyzOptions? options = null)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(writer, structures, options);
        return writer.ToString();
    }

    /// <summary>All structures in the extended XYZ <paramref name="text"/>.</summary>
    public static IReadOnlyList<Structure> ParseText(string text, ExtendedXyzOptions? options = null, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return ReadFrames(reader, options ?? ExtendedXyzOptions.Default, sourceName).ToList();
    }

    private static IEnumerable<Structure> ReadFile(string path, ExtendedXyzOptions options)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16);
        foreach (var s in ReadFrames(reader, options, path))
        {
            yield return s;
        }
    }

    private static IEnumerable<Structure> ReadFrames(TextReader reader, ExtendedXyzOptions options, string? sourceName)
    {
        var frames = new ExtendedXyzFrameReader(reader, options, sourceName);
        while (frames.ReadNext() is { } structure)
        {
            yield return structure;
        }
    }
}
