#:project ../src/Ace.Core.Studies/Ace.Core.Studies.csproj

// Molecular dynamics with a fitted potential: fits a small silicon potential (body order 4) to Stillinger-Weber
// clusters and bulk cells, then runs a 64-atom diamond cell at 300 K: NVE (velocity Verlet) for the energy
// conservation and Langevin (BAOAB) for the temperature, writing the NVE trajectory as extended XYZ.
// With "carbon" it fits a carbon potential to ../shared/data/carbon/Tr1k_n.xyz instead and runs the acceptance runs of
// docs/md.md: a 64-atom diamond cell at 300 K, 10,000 NVE steps of 0.5 fs and 10,000 Langevin steps.
// The fitted potential is saved to the temporary folder for `ace md` and `ace serve`.
// Usage: dotnet run -c Release samples/md.cs [-- carbon [path to Tr1k_n.xyz] [steps]]
using System.Globalization;
using Ace.Core;
using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Dynamics;
using Ace.Core.Potentials;
using Ace.Core.Studies;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
bool carbon = args.Length > 0 && args[0] == "carbon";
int steps = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : carbon ? 10_000 : 2_000;
double dt = carbon ? 0.5 : 1.0;
var (potential, start) = carbon ? FitCarbon(args.Length > 1 ? args[1] : null) : FitSilicon();
var saved = Path.Combine(Path.GetTempPath(), carbon ? "md-sample-carbon.json" : "md-sample-si.json");
((LinearAcePotential)potential).Save(saved);
Console.WriteLine($"potential saved to {saved} (for ace md / ace serve); start: {start}, {Environment.ProcessorCount} cores");

// 1. NVE: Maxwell-Boltzmann velocities at 300 K (seeded, zero momentum), velocity Verlet, skin 1 A.
var trajectory = Path.Combine(Path.GetTempPath(), "md-sample-nve.xyz");
var nve = LinearAce.Dynamics(potential).Nve(dt).InitialTemperature(300).Seed(7).LogEvery(Math.Max(1, steps / 10))
    .OnLog(f => Console.WriteLine($"  NVE step {f.Step,6}: Epot {f.PotentialEnergy:F5}  Ekin {f.KineticEnergy:F5}  Etot {f.TotalEnergy:F6} eV  T {f.Temperature:F1} K"))
    .Run(start, steps, trajectory, every: Math.Max(1, steps / 20));
Console.WriteLine($"NVE, {nve.StepsRun} steps of {dt} fs: energy drift {nve.EnergyDriftPerAtom:0.000e+0} eV/atom, " +
    $"max deviation {nve.MaxEnergyDeviationPerAtom:0.000e+0} eV/atom, mean T {nve.MeanTemperature:F1} K, " +
    $"{nve.NeighbourSearches} neighbour searches, {nve.StepsPerSecond:F0} steps/s; trajectory {trajectory} ({LinearAce.Read(trajectory).Count} frames)");

// 2. Langevin at 300 K, friction 0.01 /fs: the mean temperature over the second half of the run.
var nvt = LinearAce.Dynamics(potential).Langevin(dt, temperature: 300, friction: 0.01).Seed(11).LogEvery(10).Run(start, steps);
var settled = nvt.Frames.Where(f => f.Step > steps / 2).ToList();
double meanT = settled.Average(f => f.Temperature);
Console.WriteLine($"Langevin, {nvt.StepsRun} steps of {dt} fs: mean T over the second half {meanT:F1} K " +
    $"({100 * (meanT / 300 - 1):+0.0;-0.0} % from 300 K), {nvt.StepsPerSecond:F0} steps/s");
bool ok = Math.Abs(nve.MaxEnergyDeviationPerAtom) < (carbon ? 1e-4 : 1e-3) && Math.Abs(meanT / 300 - 1) < 0.05;
Console.WriteLine(ok ? "energy conserved and temperature reached" : "FAILED: energy drift or temperature out of bounds");
return ok ? 0 : 1;

static (IPotential, Structure) FitSilicon()
{
    var sw = StillingerWeber.Silicon;
    var generator = new SiliconClusterGenerator(seed: 2025);
    var training = new List<Structure>();
    training.AddRange(generator.Dimers(30));
    training.AddRange(generator.Clusters(3, 40));
    training.AddRange(generator.Clusters(4, 40));
    training.AddRange(generator.PeriodicCells(40));
    var basis = LinearAce.Basis("Si").Cutoff(5.0).Radial(r0: 2.3).TotalDegree(12, 10, 8).Build();
    var fit = LinearAce.Fit(basis).Weights(energy: 30, forces: 1).Run(training);
    Console.WriteLine($"fitted {basis.FunctionCount} functions to {training.Count} Stillinger-Weber structures");
    return (fit.Potential, Crystals.Diamond(Element.FromSymbol("Si"), 5.431, repeats: 2));
}

static (IPotential, Structure) FitCarbon(string? path)
{
    path ??= Path.Combine(Environment.GetEnvironmentVariable("ACE_SHARED_DATA") ?? "../shared/data", "carbon/Tr1k_n.xyz");
    var data = LinearAce.Read(path, new ExtendedXyzOptions { ForcesKey = "force" });
    var basis = LinearAce.Basis("C").Cutoff(5.0).Radial(r0: 1.287).MaxBodyOrder(4).TotalDegree(20, 16, 12).AngularWeight(1)
        .PairBasis(16, new TransformedJacobiRadialSpecification(1.287, 5.0, PIn: 0)).Build();
    var fit = LinearAce.Fit(basis).ReferenceEnergies(("C", -245.44385736)).Weights(energy: 60, forces: 1)
        .SmoothnessPrior(p: 4, scaleByColumnNorms: true).RidgeByCrossValidation(folds: 5).Run(data);
    Console.WriteLine($"fitted {basis.FunctionCount} functions to {data.Count} carbon structures; training errors:");
    Console.Write(fit.Errors(data));
    return (fit.Potential, Crystals.Diamond(Element.FromSymbol("C"), 3.567, repeats: 2));
}
