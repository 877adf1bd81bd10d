using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Fitting;
using Ace.Core.Studies;

namespace Ace.Core.Cluster.Tests;

/// <summary>Small generated Stillinger-Weber silicon data in two extended XYZ files, and the fit spec of a small basis.</summary>
internal sealed class ClusterData : IDisposable
{
    public ClusterData(int clusters = 36, int cells = 4)
    {
        Directory = Path.Combine(Path.GetTempPath(), "ace-cluster-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        var generator = new SiliconClusterGenerator(seed: 17);
        var first = generator.Clusters(4, clusters / 2).Concat(cells > 0 ? generator.PeriodicCells(cells) : []).ToList();
        var second = generator.Clusters(5, clusters - clusters / 2).ToList();
        Files = [Path.Combine(Directory, "part1.xyz"), Path.Combine(Directory, "part2.xyz")];
        ExtendedXyz.Write(Files[0], first);
        ExtendedXyz.Write(Files[1], second);
        Structures = [.. first, .. second];
    }

    public static AceBasis Basis { get; } = LinearAce.Basis("Si").Cutoff(4.5).Radial(r0: 2.3).MaxBodyOrder(3).TotalDegree(6, 5).Build();

    public string Directory { get; }

    public string[] Files { get; }

    /// <summary>The structures as the files hold them (read back, so bitwise what workers read).</summary>
    public List<Structure> Structures { get; }

    public List<Structure> ReadBack() => [.. Files.SelectMany(f => ExtendedXyz.ReadAll(f))];

    public static AssemblySpec Spec { get; } = AssemblySpec.Create(ClusterData.Basis, new Dictionary<string, double> { ["Si"] = -0.5 },
        new FitWeights(Energy: 30, Forces: 1, Virial: 0));

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
