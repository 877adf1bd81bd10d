#:project ../src/Ace.Core.Studies/Ace.Core.Studies.csproj

// Uses a saved potential the way simulation code would: load the JSON file, then compute energies, forces, virials
// and stresses of periodic cells and of an isolated cluster, many structures in parallel. Without an argument it
// first fits a small silicon potential (body order 4) to Stillinger-Weber clusters and bulk cells and saves it.
// Usage: dotnet run -c Release samples/use-potential.cs [-- potential.json]
using System.Diagnostics;
using System.Globalization;
using Ace.Core.Atoms;
using Ace.Core.Potentials;
using Ace.Core.Primitives;
using Ace.Core.Studies;
using Ace.Core;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
const double EvPerCubicAngstromInGPa = 160.21766208;
var sw = StillingerWeber.Silicon;
var si = Element.FromSymbol("Si");

string path = args.Length > 0 ? args[0] : FitSmallPotential();
LinearAcePotential potential = LinearAce.Load(path);
Console.WriteLine($"loaded {path}: elements {string.Join(",", potential.Basis.Elements)}, {potential.Basis.FunctionCount} functions, " +
    $"body order {potential.Basis.Specification.MaxBodyOrder}, cutoff {potential.Basis.MaxCutoff} A");

// 1. One periodic cell: the 64-atom diamond supercell at a = 5.431 A. By symmetry the forces vanish and the
//    stress is hydrostatic.
var ideal = Crystals.Diamond(si, 5.431, repeats: 2);
var result = potential.Evaluate(ideal);                         // energy, site energies, forces, virial in one pass
var stress = potential.Stress(ideal);                           // -virial / volume, eV/A^3 (ASE sign convention)
Console.WriteLine();
Console.WriteLine($"diamond Si, {ideal.AtomCount} atoms: E = {result.Energy / ideal.AtomCount:F5} eV/atom (SW {sw.Energy(ideal) / ideal.AtomCount:F5}), " +
    $"max |F| = {result.Forces.Max(f => f.Norm):0.0e+0} eV/A, sum of site energies - E = {result.SiteEnergies.Sum() - result.Energy:0.0e+0} eV");
var w = result.Virial;
Console.WriteLine($"  virial (eV): xx {w.Xx:F6}, yy {w.Yy:F6}, zz {w.Zz:F6}, yz {w.Yz:0.0e+0}, xz {w.Xz:0.0e+0}, xy {w.Xy:0.0e+0}");
Console.WriteLine($"  pressure = -tr(stress)/3 = {-stress.Trace / 3 * EvPerCubicAngstromInGPa:F3} GPa " +
    $"(SW {-(-1.0 / ideal.Cell.Volume * sw.Evaluate(ideal).Virial).Trace / 3 * EvPerCubicAngstromInGPa:F3} GPa)");

// 2. The virial is minus the strain derivative of the energy: check one component by central differences.
double h = 1e-5;
double Strained(double e) => potential.Energy(Strain(ideal, e));
double finiteDifference = -(Strained(h) - Strained(-h)) / (2 * h);
Console.WriteLine($"  virial xx = {result.Virial.Xx:F6} eV, -dE/d(strain xx) by finite differences = {finiteDifference:F6} eV");

// 3. Many structures in parallel (the potential is immutable and thread-safe): rattled and strained bulk cells
//    and isolated clusters, compared with the Stillinger-Weber reference that labelled the training data.
var generator = new SiliconClusterGenerator(seed: 7);
var cells = generator.PeriodicCells(24).Select(c => sw.Label(Crystals.Supercell(c, 2, 2, 2), "bulk")).ToList();
var clusters = generator.Clusters(5, 24);
var structures = cells.Concat(clusters).ToList();
var predictions = new PotentialEvaluation[structures.Count];
Parallel.For(0, structures.Count, s => predictions[s] = potential.Evaluate(structures[s]));     // warm-up (JIT)
var clock = Stopwatch.StartNew();
Parallel.For(0, structures.Count, s => predictions[s] = potential.Evaluate(structures[s]));
clock.Stop();
long atoms = structures.Sum(s => (long)s.AtomCount);
Console.WriteLine();
Console.WriteLine($"{structures.Count} structures ({atoms} atoms) evaluated in parallel in {clock.Elapsed.TotalMilliseconds:F0} ms " +
    $"({clock.Elapsed.TotalMilliseconds * 1000 / atoms:F1} us per atom, {Environment.ProcessorCount} cores)");
Report("bulk cells (periodic)", cells, predictions[..cells.Count]);
Report("Si5 clusters (isolated)", clusters, predictions[cells.Count..]);

// 4. An isolated cluster on its own: energy split by body order and the forces (they sum to zero).
var cluster = clusters[0];
var clusterResult = potential.Evaluate(cluster);
var total = clusterResult.Forces.Aggregate(Vec3.Zero, (a, f) => a + f);
Console.WriteLine();
Console.WriteLine($"one Si5 cluster: E = {clusterResult.Energy:F4} eV (SW {cluster.Energy:F4}), by body order " +
    string.Join(", ", potential.EnergyByCorrelationOrder(cluster).Skip(1).Select((e, k) => $"BO{k + 2} {e:F4}")) +
    $"; |sum of forces| = {total.Norm:0.0e+0} eV/A; virial trace {clusterResult.Virial.Trace:F4} eV (no stress: no cell volume)");

if (args.Length == 0)
{
    File.Delete(path);
}

static Structure Strain(Structure s, double exx)
{
    Vec3 Apply(Vec3 v) => new(v.X * (1 + exx), v.Y, v.Z);
    var c = s.Cell;
    return s.WithGeometry(new Cell(Apply(c.A), Apply(c.B), Apply(c.C)), s.Positions.Select(Apply));
}

static void Report(string what, IReadOnlyList<Structure> reference, ReadOnlySpan<PotentialEvaluation> predicted)
{
    double e2 = 0, f2 = 0, s2 = 0;
    int components = 0, stresses = 0;
    for (int k = 0; k < reference.Count; k++)
    {
        var r = reference[k];
        double de = (predicted[k].Energy - r.Energy!.Value) / r.AtomCount;
        e2 += de * de;
        for (int i = 0; i < r.AtomCount; i++)
        {
            var d = predicted[k].Forces[i] - r.Forces!.Value[i];
            f2 += d.NormSquared;
            components += 3;
        }
        if (r.Stress is { } stress)
        {
            double dp = (-1.0 / r.Cell.Volume * predicted[k].Virial).Trace / 3 - stress.Trace / 3;
            s2 += dp * dp;
            stresses++;
        }
    }
    Console.WriteLine($"  {what}: RMSE vs SW: energy {1000 * Math.Sqrt(e2 / reference.Count):F1} meV/atom, " +
        $"forces {1000 * Math.Sqrt(f2 / components):F0} meV/A" +
        (stresses > 0 ? $", pressure {Math.Sqrt(s2 / stresses) * EvPerCubicAngstromInGPa:F2} GPa" : ""));
}

// Fits a small potential to SW-labelled clusters and periodic cells (with virials) and saves it to a temporary file.
static string FitSmallPotential()
{
    var generator = new SiliconClusterGenerator(seed: 2025);
    var training = new List<Structure>();
    training.AddRange(generator.Dimers(30));
    foreach (int size in new[] { 3, 4, 5 })
    {
        training.AddRange(generator.Clusters(size, 40));
    }
    training.AddRange(generator.PeriodicCells(40));
    var basis = LinearAce.Basis("Si").Cutoff(5.0).Radial(r0: 2.3).TotalDegree(14, 12, 10).Build();
    // Virial rows only for the periodic cells (config_type "bulk"): clusters have no virial.
    var fit = LinearAce.Fit(basis).Weights(energy: 30, forces: 1).Weights("bulk", energy: 30, forces: 1, virial: 1).Run(training);
    var file = Path.Combine(Path.GetTempPath(), "use-potential-si.ace.json");
    fit.Potential.Save(file);
    Console.WriteLine($"no potential given: fitted {basis.FunctionCount} functions to {training.Count} SW structures " +
        $"(clusters and bulk cells) in {(fit.AssemblyTime + fit.SolveTime).TotalSeconds:F1} s and saved it");
    return file;
}
