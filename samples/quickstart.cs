#:project ../src/Ace.Core.Studies/Ace.Core.Studies.csproj

// Quickstart: fit a body-order-3 ACE potential to Stillinger-Weber silicon dimers and trimers, print its errors,
// evaluate a structure, and check that saving and reloading the potential keeps every prediction bit for bit.
// Usage: dotnet run samples/quickstart.cs
using System.Globalization;
using Ace.Core.Atoms;
using Ace.Core.Primitives;
using Ace.Core.Studies;
using Ace.Core;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

// 1. Data: SW-labelled dimers and trimers (energies, forces), split into training and validation sets.
var data = SiliconStudyData.Generate("Si23");
Console.WriteLine($"{data.Name}: {data.Train.Count} training and {data.Validation.Count} validation structures");

// 2. The basis: silicon, cutoff 5 A, transformed-Jacobi radial basis with r0 = 2.3 A, total degrees 16 (2-body)
//    and 14 (3-body), so body order 3.
var basis = LinearAce.Basis("Si").Cutoff(5.0).Radial(r0: 2.3).TotalDegree(16, 14).Build();
Console.WriteLine($"basis: {basis.FunctionCount} functions, body order {basis.Specification.MaxBodyOrder}; " +
    string.Join(", ", Enumerable.Range(1, basis.MaxCorrelationOrder).Select(nu => $"{basis.CountByOrder(nu)} of body order {nu + 1}")));

// 3. The fit: weighted least squares (energy per atom weight 30, force components 1), Bayesian linear regression.
var fit = LinearAce.Fit(basis).Weights(energy: 30, forces: 1).Run(data.Train);
Console.WriteLine($"fit: {fit.Rows} rows, {fit.Solution.Solver}, assembly {fit.AssemblyTime.TotalMilliseconds:F0} ms, solve {fit.SolveTime.TotalMilliseconds:F0} ms");
Console.WriteLine();
Console.WriteLine("validation errors:");
Console.Write(fit.Errors(data.Validation));
Console.WriteLine();

// 4. Predictions on a structure the fit has not seen: an isosceles trimer.
var si = Element.FromSymbol("Si");
var trimer = Structure.Isolated([si, si, si], [Vec3.Zero, new Vec3(2.25, 0, 0), new Vec3(-0.40, 2.30, 0.10)]);
var potential = fit.Potential;
var prediction = potential.Evaluate(trimer);
var exact = StillingerWeber.Silicon.Evaluate(trimer);
Console.WriteLine($"trimer energy: ACE {prediction.Energy:F6} eV, Stillinger-Weber {exact.Energy:F6} eV");
for (int i = 0; i < trimer.AtomCount; i++)
{
    Console.WriteLine($"  force on atom {i} (eV/A): ACE {Show(prediction.Forces[i])}, SW {Show(exact.Forces[i])}");
}
Console.WriteLine($"energy by body order: {string.Join(", ", potential.EnergyByCorrelationOrder(trimer).Select((e, nu) => $"{nu + 1}: {e:F6}"))} eV");

// 5. Save, reload, and compare every prediction bit for bit.
var path = Path.Combine(Path.GetTempPath(), "quickstart-si.ace.json");
potential.Save(path);
var reloaded = LinearAce.Load(path);
var again = reloaded.Evaluate(trimer);
bool identical = again.Energy == prediction.Energy
    && again.Forces.SequenceEqual(prediction.Forces)
    && again.Virial.Equals(prediction.Virial)
    && data.Validation.All(s => reloaded.Energy(s) == potential.Energy(s));
Console.WriteLine($"saved to {path} ({new FileInfo(path).Length / 1024} KiB) and reloaded: predictions identical = {identical}");
File.Delete(path);
return identical ? 0 : 1;

static string Show(Vec3 v) => $"({v.X,7:F3}, {v.Y,7:F3}, {v.Z,7:F3})";
