#:project ../src/Ace.Core.Studies/Ace.Core.Studies.csproj

// Data for trying (and measuring) `ace fit --cluster`: STRUCTURES Stillinger-Weber silicon structures (4- and 5-atom
// clusters and 2- and 8-atom rattled diamond cells, labelled with energies and forces) in OUTPUT/train.xyz, a fit
// config OUTPUT/fit.yaml for them, and a development cluster config OUTPUT/cluster.yaml (loopback, no TLS). Then:
//   ace worker --cluster OUTPUT/cluster.yaml &                       (more workers: --silo-port/--gateway-port)
//   ace fit OUTPUT/fit.yaml --cluster OUTPUT/cluster.yaml
// Walk-through and the measured scaling: docs/cluster.md.
// Usage: dotnet run samples/cluster-data.cs -- [output folder, default cluster-data] [structures, default 2000]
using System.Globalization;
using Ace.Core.Atoms;
using Ace.Core.Studies;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var output = args.Length > 0 ? args[0] : "cluster-data";
int count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
Directory.CreateDirectory(output);
var generator = new SiliconClusterGenerator(seed: 2026);
var structures = new List<Structure>();
structures.AddRange(generator.Clusters(4, count * 3 / 10));
structures.AddRange(generator.Clusters(5, count * 3 / 10));
structures.AddRange(generator.PeriodicCells(count - structures.Count));
ExtendedXyz.Write(Path.Combine(output, "train.xyz"), structures);
AtomicFile.WriteAllText(Path.Combine(output, "fit.yaml"), """
    elements: [Si]
    cutoff: 5.0
    radial: {r0: 2.3}
    degrees: [12, 10, 8]
    data: {train: train.xyz}
    reference_energies: {Si: 0.0}
    weights: {energy: 30, forces: 1}
    solver: blr
    output: si-cluster.json

    """);
AtomicFile.WriteAllText(Path.Combine(output, "cluster.yaml"), """
    # A development cluster on this machine: workers bind to loopback only, so no TLS is needed (docs/cluster.md).
    cluster_id: ace-dev
    address: 127.0.0.1
    silo_port: 11111          # the first worker's ports; it is the primary the others join
    gateway_port: 30000
    primary: 127.0.0.1:11111
    gateways: [127.0.0.1:30000]
    atoms_per_shard: 2000
    checkpoint: checkpoints

    """);
Console.WriteLine($"{structures.Count} structures, {structures.Sum(s => s.AtomCount)} atoms in {Path.Combine(output, "train.xyz")}; fit.yaml and cluster.yaml beside it");
