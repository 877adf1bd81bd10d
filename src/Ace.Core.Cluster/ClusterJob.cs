using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ace.Core.Fitting;

namespace Ace.Core.Cluster;

/// <summary>
/// A fit's assembly cut into shards by file and frame ranges: the spec, the training files in order (their frames,
/// concatenated, are the training set) and the shards, each a run of frames of one file with about
/// <c>atomsPerShard</c> atoms. <see cref="Plan"/> is the matching <see cref="ShardPlan"/>: a local fit with
/// <see cref="FitBuilder.Shards"/>(Plan) gives the same bits as the cluster.
/// </summary>
public sealed class ClusterJob
{
    private ClusterJob(AssemblySpec spec, IReadOnlyList<string> files, IReadOnlyList<ShardSource> shards, ShardPlan plan, string id)
    {
        Spec = spec;
        Files = files;
        Shards = shards;
        Plan = plan;
        Id = id;
    }

    /// <summary>The assembly settings workers use.</summary>
    public AssemblySpec Spec { get; }

    /// <summary>The training files, as the coordinator reads them.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The shards in training-set order.</summary>
    public IReadOnlyList<ShardSource> Shards { get; }

    /// <summary>The shard plan over the training set (the frames of all files, in order).</summary>
    public ShardPlan Plan { get; }

    /// <summary>The job's fingerprint: a SHA-256 over the spec, the files (names, sizes, modification times) and the plan; it names the checkpoint.</summary>
    public string Id { get; }

    /// <summary>The number of training structures.</summary>
    public int StructureCount => Plan.StructureCount;

    /// <summary>The number of atoms.</summary>
    public long AtomCount => Shards.Sum(s => s.AtomCount);

    /// <summary>
    /// Indexes <paramref name="files"/> (reading only their atom-count lines) and cuts each into shards of about
    /// <paramref name="atomsPerShard"/> atoms. With <paramref name="sharedPath"/> every file must lie under it and
    /// workers get paths relative to it (each worker mounts the shared data at its own <see cref="WorkerOptions.SharedPath"/>).
    /// </summary>
    /// <exception cref="ArgumentException">No files, or a file outside the shared path.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    /// <exception cref="Atoms.ExtendedXyzException">A file's frame structure is broken (file and line named).</exception>
    public static ClusterJob Create(AssemblySpec spec, IReadOnlyList<string> files, long atomsPerShard, string? sharedPath = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentOutOfRangeException.ThrowIfLessThan(atomsPerShard, 1);
        if (files.Count == 0)
        {
            throw new ArgumentException("a cluster fit needs at least one training file", nameof(files));
        }
        var shards = new List<ShardSource>();
        var ranges = new List<StructureRange>();
        var fingerprint = new StringBuilder(spec.Fingerprint());
        int structure = 0;
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"training file '{file}' does not exist", file);
            }
            var info = new FileInfo(file);
            fingerprint.Append('\n').Append(Path.GetFullPath(file)).Append(' ').Append(info.Length).Append(' ')
                .Append(info.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture));
            var index = FrameIndex.Build(file);
            if (index.FrameCount == 0)
            {
                throw new ArgumentException($"training file '{file}' has no frames", nameof(files));
            }
            var name = SharedName(file, sharedPath);
            foreach (var range in ShardPlan.ByAtoms(index.Atoms, atomsPerShard).Shards)
            {
                shards.Add(new ShardSource
                {
                    Index = shards.Count,
                    File = name,
                    ByteOffset = index.Offsets[range.First],
                    FirstLine = index.Lines[range.First],
                    FirstFrame = range.First,
                    FrameCount = range.Count,
                    FirstStructure = structure + range.First,
                    AtomCount = index.Atoms.AsSpan(range.First, range.Count).ToArray().Sum(a => (long)a),
                });
                ranges.Add(new StructureRange(structure + range.First, range.Count));
            }
            structure += index.FrameCount;
        }
        var plan = ShardPlan.FromRanges(ranges);
        foreach (var range in ranges)
        {
            fingerprint.Append('\n').Append(range.First.ToString(CultureInfo.InvariantCulture)).Append('+').Append(range.Count.ToString(CultureInfo.InvariantCulture));
        }
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint.ToString())))[..32];
        return new ClusterJob(spec, [.. files], shards, plan, id);
    }

    private static string SharedName(string file, string? sharedPath)
    {
        if (sharedPath is null)
        {
            return Path.GetFullPath(file);
        }
        var relative = Path.GetRelativePath(Path.GetFullPath(sharedPath), Path.GetFullPath(file));
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            throw new ArgumentException($"training file '{file}' is not under the cluster's shared data path '{sharedPath}', so workers cannot read it");
        }
        return relative;
    }
}
