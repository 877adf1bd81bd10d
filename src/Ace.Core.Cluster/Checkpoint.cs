using System.Globalization;
using Ace.Core.Atoms;
using Ace.Core.Fitting;

namespace Ace.Core.Cluster;

/// <summary>The checkpoint of a cluster assembly: the shards merged so far, written atomically (<see cref="AtomicFile"/>).</summary>
internal static class Checkpoint
{
    /// <summary>The checkpoint file of <paramref name="job"/> with <paramref name="folds"/> folds in <paramref name="directory"/>.</summary>
    public static string PathOf(string directory, ClusterJob job, int folds) =>
        System.IO.Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"ace-{job.Id}-folds{folds}.partial"));

    /// <summary>The label that ties a checkpoint to its job and folds.</summary>
    public static string Label(ClusterJob job, int folds) => string.Create(CultureInfo.InvariantCulture, $"{job.Id}/folds{folds}");

    /// <summary>Writes the merged shards.</summary>
    public static void Write(string path, PartialNormalEquations merged, string label, int shardsMerged)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        AtomicFile.Write(path, stream => PartialNormalEquationsFormat.Write(stream, merged, label, shardsMerged));
    }

    /// <summary>The merged shards of a checkpoint of this job, or null when there is none.</summary>
    /// <exception cref="InvalidDataException">The checkpoint is corrupt or belongs to another job (delete it to start over).</exception>
    public static (PartialNormalEquations Merged, int ShardsMerged)? Read(string path, string label)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var (partial, found, merged) = PartialNormalEquationsFormat.Read(stream, path);
        if (found != label)
        {
            throw new InvalidDataException($"{path}: a checkpoint of another job ({found}, expected {label}); delete it to start over");
        }
        return (partial, merged);
    }
}
