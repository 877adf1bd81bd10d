using System.Text;

namespace Ace.Core.Atoms;

/// <summary>
/// Writes files atomically: the content goes to a temporary file beside the target, which replaces the target only
/// once it is complete and flushed, so a failure (an exception, a full disk) never leaves a half-written file and an
/// existing file survives it unchanged. A target that is a symbolic link is written through: the file the link points
/// to is replaced (atomically), the link stays.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes the file at <paramref name="path"/> with <paramref name="write"/>, atomically.</summary>
    /// <param name="path">The target file (or a symbolic link to it); its directory must exist.</param>
    /// <param name="write">Writes the whole content to the stream it is given.</param>
    /// <exception cref="IOException">The file cannot be written (a folder of that name, a missing folder, a full disk); the message names the path.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or file is not writable; the message names the path.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = ResolveTarget(path);
        ThrowIfNotWritable(full);
        var directory = Path.GetDirectoryName(full) ?? ".";
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        catch (IOException e) when (e is not FileNotFoundException)
        {
            throw new IOException($"{path}: cannot write the file: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new UnauthorizedAccessException($"{path}: cannot write the file (permission denied): {e.Message}", e);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> as UTF-8 without a byte-order mark, atomically.</summary>
    /// <param name="path">The target file; its directory must exist.</param>
    /// <param name="text">The content.</param>
    public static void WriteAllText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Write(path, stream => stream.Write(new UTF8Encoding(false).GetBytes(text)));
    }

    /// <summary>
    /// The file a write to <paramref name="path"/> changes: its full path with symbolic links followed to the final
    /// target (the path itself when it is not a link or does not exist). Two paths name the same file when their
    /// targets are equal.
    /// </summary>
    public static string ResolveTarget(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var info = new FileInfo(full);
        if (info.LinkTarget is not null)
        {
            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            if (target is not null)
            {
                return Path.GetFullPath(target.FullName);
            }
        }
        return full;
    }

    /// <summary>
    /// Throws, before any work is done, when <paramref name="path"/> cannot be written: it is a folder, its folder does
    /// not exist, or the folder does not accept new files (read-only, no permission).
    /// </summary>
    /// <exception cref="IOException">A folder of that name or a missing folder; the message names the path.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder is not writable; the message names it.</exception>
    public static void ThrowIfNotWritable(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = ResolveTarget(path);
        if (Directory.Exists(full))
        {
            throw new IOException($"{path}: is a folder, not a file; give a file name");
        }
        var directory = Path.GetDirectoryName(full) ?? ".";
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"{path}: the folder {directory} does not exist");
        }
        var probe = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.probe");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (UnauthorizedAccessException e)
        {
            throw new UnauthorizedAccessException($"{path}: cannot write in the folder {directory} (permission denied)", e);
        }
        catch (IOException e)
        {
            throw new IOException($"{path}: cannot write in the folder {directory}: {e.Message}", e);
        }
        if (File.Exists(full) && new FileInfo(full).IsReadOnly)
        {
            throw new UnauthorizedAccessException($"{path}: the file is read-only");
        }
    }
}
