#:project ../src/Ace.Core/Ace.Core.csproj

// Fits linear ACE potentials of body order 2 .. 5 to the carbon set Tr1k_n.xyz (r_cut 5 A, r0 1.287 A,
// E0(C) = -245.44385736 eV, forces key "force"), holding out every tenth structure for validation, and prints
// the errors and timings as Markdown (docs/results-carbon.md). Best settings found by cross-validation
// (docs/results-carbon.md, fourth round): total degrees 36, 28, 20, 15 for correlation orders 1..4 with angular
// weight w_L = 1, a separate pair basis of 30 functions (transformed Jacobi, PIn = 0), energy weight 60 per atom
// against force weight 1, and ridge regression with the smoothness prior (p = 4, w_L = 1) scaled by the column norms
// of the design, its strength chosen by 5-fold cross-validation over the training structures.
// Usage: dotnet run samples/fit-carbon.cs -- [path to Tr1k_n.xyz] [max structures] [max body order] [min body order]
using System.Diagnostics;
using System.Globalization;
using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var path = args.Length > 0 ? args[0] : Path.Combine(Environment.GetEnvironmentVariable("ACE_SHARED_DATA") ?? "../shared/data", "carbon/Tr1k_n.xyz");
int limit = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : int.MaxValue;
int maxBodyOrder = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
int minBodyOrder = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2;
const double E0 = -245.44385736;
const double EnergyWeight = 60;
const int PairDegree = 30;
int[] degrees = [36, 28, 20, 15];

var all = LinearAce.Read(path, new ExtendedXyzOptions { ForcesKey = "force" }).Take(limit).ToList();
var train = all.Where((_, k) => k % 10 != 9).ToList();
var validation = all.Where((_, k) => k % 10 == 9).ToList();
Console.WriteLine($"{Path.GetFileName(path)}: {train.Count} training structures ({train.Sum(s => s.AtomCount)} atoms), " +
    $"{validation.Count} validation structures ({validation.Sum(s => s.AtomCount)} atoms); {Environment.ProcessorCount} cores");
Console.WriteLine();
Console.WriteLine($"w_L 1, pair basis {PairDegree}, weights E {EnergyWeight} / F 1 (energy per atom), ridge with the column-scaled smoothness prior (p = 4), strength by 5-fold CV.");
Console.WriteLine();
Console.WriteLine("| body order | D per correlation order | functions | rows | assembly (s) | solve (s) | train E (meV/atom) | train F (meV/A) | val E (meV/atom) | val F (meV/A) | val E MAE | val F MAE |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
for (int bodyOrder = minBodyOrder; bodyOrder <= maxBodyOrder; bodyOrder++)
{
    var d = degrees[..(bodyOrder - 1)];
    var clock = Stopwatch.StartNew();
    var basis = LinearAce.Basis("C").Cutoff(5.0).Radial(r0: 1.287).MaxBodyOrder(bodyOrder).TotalDegree(d).AngularWeight(1)
        .PairBasis(PairDegree, new TransformedJacobiRadialSpecification(1.287, 5.0, PIn: 0)).Build();
    var fit = LinearAce.Fit(basis).ReferenceEnergies(("C", E0)).Weights(energy: EnergyWeight, forces: 1)
        .SmoothnessPrior(p: 4, scaleByColumnNorms: true).RidgeByCrossValidation(folds: 5).Run(train);
    var trainErrors = fit.Errors(train);
    var validationErrors = fit.Errors(validation);
    Console.WriteLine($"| {bodyOrder} | {string.Join(", ", d)} | {basis.FunctionCount} | {fit.Rows} | {fit.AssemblyTime.TotalSeconds:F1} | {fit.SolveTime.TotalSeconds:F1} | " +
        $"{trainErrors.Overall.EnergyRmse:F2} | {trainErrors.Overall.ForceRmse:F1} | {validationErrors.Overall.EnergyRmse:F2} | {validationErrors.Overall.ForceRmse:F1} | " +
        $"{validationErrors.Overall.EnergyMae:F2} | {validationErrors.Overall.ForceMae:F1} |");
    if (bodyOrder == maxBodyOrder)
    {
        Console.WriteLine();
        Console.WriteLine($"Regularisation strength chosen by cross-validation: {fit.Ridge}");
        Console.WriteLine();
        Console.WriteLine($"Validation errors of the body-order-{bodyOrder} fit by config_type ({fit.Solution.Solver}):");
        Console.WriteLine();
        Console.WriteLine("```");
        Console.Write(validationErrors);
        Console.WriteLine("```");
        var structure = validation[0];
        var evalClock = Stopwatch.StartNew();
        int repeats = 0;
        while (evalClock.Elapsed.TotalSeconds < 2 || repeats < 3)
        {
            fit.Potential.Evaluate(structure);
            repeats++;
        }
        Console.WriteLine($"Energy + forces + virial of a {structure.AtomCount}-atom structure: " +
            $"{evalClock.Elapsed.TotalMilliseconds * 1000 / repeats / structure.AtomCount:F0} us per atom.");
    }
}
