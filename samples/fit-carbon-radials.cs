#:project ../src/Ace.Core/Ace.Core.csproj

// Fits pacemaker's carbon descriptor (ChebExpCos radials, r_cut 5 A, lambda 5.25; n_max 45/8/4/3 and l_max 0/3/3/2 per
// correlation order; nradbase K primitive functions) to Tr1k_n.xyz with fitted radial functions R_nl = sum_k W_nlk g_k
// (FitBuilder.FitRadials: variable projection, L-BFGS), starting from the same basis with fixed radials R_nl = g_{n-1}
// (step 0 = the ordinary linear fit). Every tenth structure (index 9, 19, ...) is held out; of the rest, index 8, 18, ...
// is the validation set that chooses the step (early stopping), the others are trained on. Weights E 60 per atom / F 1,
// Bayesian linear regression with the column-scaled smoothness prior (p = 4) at the start (its lambda^2 = noise / prior
// variance is then kept). After the radial fit the radials are frozen and the linear model is refitted on training and
// validation structures together (the nine tenths the fixed-radial fits of docs/results-carbon.md train on), scored on
// the held-out tenth and cross-validated (5 folds over those nine tenths, radials frozen). The descriptor is pacemaker's
// ("pacemaker", the default) or the best fixed-radial basis of docs/results-carbon.md ("total-degree": transformed
// Jacobi radials, r0 1.287 A, total degrees 36/28/20/15 with w_L 3/2, pair basis 30), its radials made fittable.
// Prints Markdown (docs/results-carbon.md).
// Usage: dotnet run samples/fit-carbon-radials.cs -- [Tr1k_n.xyz] [max iterations] [K] [max structures] [max minutes]
//        [pacemaker|total-degree] [radial smoothness mu] [patience]
using System.Diagnostics;
using System.Globalization;
using Ace.Core;
using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Fitting;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var path = args.Length > 0 ? args[0] : Path.Combine(Environment.GetEnvironmentVariable("ACE_SHARED_DATA") ?? "../shared/data", "carbon/Tr1k_n.xyz");
int iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
int nradbase = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 45;
int limit = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : int.MaxValue;
TimeSpan? minutes = args.Length > 4 ? TimeSpan.FromMinutes(double.Parse(args[4], CultureInfo.InvariantCulture)) : null;
string descriptor = args.Length > 5 ? args[5] : "pacemaker";
double smoothness = args.Length > 6 ? double.Parse(args[6], CultureInfo.InvariantCulture) : 0;
int patience = args.Length > 7 ? int.Parse(args[7], CultureInfo.InvariantCulture) : 15;
const double E0 = -245.44385736;

var all = LinearAce.Read(path, new ExtendedXyzOptions { ForcesKey = "force" }).Take(limit).ToList();
var heldOut = all.Where((_, k) => k % 10 == 9).ToList();
var stopping = all.Where((_, k) => k % 10 == 8).ToList();
var train = all.Where((_, k) => k % 10 < 8).ToList();
var basis = descriptor switch
{
    "pacemaker" => LinearAce.Basis("C").Radial(new ChebExpCosRadialSpecification(5.0, 5.25)).FittedRadials(nradbase)
        .MaxBodyOrder(5).MaxLabels([45, 8, 4, 3], [0, 3, 3, 2]).Build(),
    "total-degree" => LinearAce.Basis("C").Cutoff(5.0).Radial(r0: 1.287).FittedRadials(nradbase).MaxBodyOrder(5)
        .TotalDegree([36, 28, 20, 15]).AngularWeight(new Rational(3, 2))
        .PairBasis(30, new TransformedJacobiRadialSpecification(1.287, 5.0, PIn: 0)).Build(),
    _ => throw new ArgumentException($"unknown descriptor '{descriptor}': use pacemaker or total-degree"),
};
Console.WriteLine($"{Path.GetFileName(path)}: {train.Count} training, {stopping.Count} validation (stopping), {heldOut.Count} held-out structures; " +
    $"{basis.FunctionCount} functions, {basis.FittedRadialParameters!.Count} radial parameters (K = {nradbase}), radial smoothness {smoothness:G3}, patience {patience}; {Environment.ProcessorCount} cores");
var clock = Stopwatch.StartNew();
var progress = new Reporter(clock);
var fit = Linear(basis)
    .FitRadials(maxIterations: iterations, validation: stopping, patience: patience, smoothness: smoothness, progress: progress, maxDuration: minutes).Run(train);
var report = fit.RadialFit!;
Console.WriteLine($"linear start (BLR): assembly and solve {fit.AssemblyTime.TotalSeconds:F0} s; radial fit {fit.SolveTime.TotalSeconds:F0} s");
Console.WriteLine($"stopped after {report.Steps[^1].Iteration} iterations ({report.StopReason}); best step {report.BestIteration}; lambda {report.Lambda:G4}; " +
    $"{report.Steps[^1].Evaluations} evaluations; {clock.Elapsed.TotalSeconds:F0} s in total");

Print("fixed radials R_nl = g_{n-1} (step 0, the linear fit)", report.Start);
Print($"fitted radials (step {report.BestIteration})", fit.Potential);
var output = Environment.GetEnvironmentVariable("ACE_RADIAL_FIT_OUTPUT");
if (output is not null)
{
    fit.Potential.Save(output);
}

var nineTenths = all.Where((_, k) => k % 10 != 9).ToList();
Console.WriteLine();
Console.WriteLine($"Radials frozen, linear refit on {nineTenths.Count} structures, 5-fold CV over them (out-of-fold RMSE), held-out RMSE:");
Console.WriteLine();
Console.WriteLine("| radials | functions | CV E | CV F | train E | train F | held-out E | held-out F | refit + CV (s) |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
Refit("fixed (start)", report.Start.Basis);
Refit($"fitted (step {report.BestIteration})", fit.Potential.Basis);

void Refit(string name, AceBasis radials)
{
    var refitClock = Stopwatch.StartNew();
    var refit = Linear(radials).Run(nineTenths);
    var cv = Linear(radials).CrossValidate(nineTenths, folds: 5).Errors.Overall;
    var t = refit.Errors(nineTenths).Overall;
    var h = refit.Errors(heldOut).Overall;
    Console.WriteLine($"| {name} | {radials.FunctionCount} | {cv.EnergyRmse:F2} | {cv.ForceRmse:F1} | {t.EnergyRmse:F2} | {t.ForceRmse:F1} | {h.EnergyRmse:F2} | {h.ForceRmse:F1} | {refitClock.Elapsed.TotalSeconds:F0} |");
}

FitBuilder Linear(AceBasis b) => LinearAce.Fit(b).ReferenceEnergies(("C", E0)).Weights(energy: 60, forces: 1)
    .SmoothnessPrior(p: 4, scaleByColumnNorms: true);

void Print(string name, Ace.Core.Potentials.LinearAcePotential potential)
{
    var v = LinearAce.Errors(potential, stopping).Overall;
    var h = LinearAce.Errors(potential, heldOut).Overall;
    Console.WriteLine($"| {name} | {basis.FunctionCount} | {v.EnergyRmse:F2} | {v.ForceRmse:F1} | {h.EnergyRmse:F2} | {h.ForceRmse:F1} |  (model, functions, RMSE validation / held-out E meV/atom, F meV/A)");
}

sealed class Reporter(Stopwatch clock) : IProgress<RadialFitProgress>
{
    public void Report(RadialFitProgress p) =>
        Console.WriteLine($"step {p.Iteration,4}  evaluations {p.Evaluations,4}  loss {p.Loss:G8}  validation {p.ValidationLoss:G8}  {clock.Elapsed.TotalSeconds,7:F0} s  load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
}
