#:project ../src/Ace.Core.Studies/Ace.Core.Studies.csproj

// Two elements end to end: generate Si-Ge training and validation data labelled with a two-element Stillinger-Weber
// reference (BinaryStillingerWeber.SiliconGermanium), build a basis with per-pair cutoffs and radial settings, fit,
// print the validation errors and each pair's dimer curve against the reference, and write into OUTPUT:
// train.xyz and validation.xyz, the potential (sige.json), the dimer curves (dimer-*.csv) and the LAMMPS ML-PACE
// export (sige.yace). `ace report OUTPUT/sige.json OUTPUT/validation.xyz` then writes the full report (parity plots,
// histograms, dimer plots). Walk-through: docs/multi-element.md.
// Usage: dotnet run samples/binary.cs -- [output folder, default binary-output]
using System.Globalization;
using Ace.Core;
using Ace.Core.Analysis;
using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Interop.Yace;
using Ace.Core.Studies;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var output = args.Length > 0 ? args[0] : "binary-output";
Directory.CreateDirectory(output);

// 1. Data: dimers of each pair, random 3- to 5-atom clusters with random species, small periodic cells (seeded).
var reference = BinaryStillingerWeber.SiliconGermanium;
var data = BinaryStudyData.Generate(new BinaryStudyDataOptions(ClustersPerSize: 60, Cells: 12), reference);
Console.WriteLine($"{data.Name}: {data.Train.Count} training and {data.Validation.Count} validation structures");
ExtendedXyz.Write(Path.Combine(output, "train.xyz"), data.Train);
ExtendedXyz.Write(Path.Combine(output, "validation.xyz"), data.Validation);

// 2. The basis: Si and Ge, body order 3, total degrees 18 (2-body) and 12 (3-body); each element pair has its own
//    cutoff (just beyond the reference's: Si-Si 3.77, Si-Ge 3.85, Ge-Ge 3.93 A) and Agnesi scale r0.
var basis = LinearAce.Basis("Si", "Ge").Cutoff(4.2).Radial(r0: 2.4).MaxBodyOrder(3).TotalDegree(18, 12)
    .Radial("Si", "Si", new TransformedJacobiRadialSpecification(R0: 2.35, CutoffRadius: 4.0))
    .Radial("Ge", "Ge", new TransformedJacobiRadialSpecification(R0: 2.45, CutoffRadius: 4.2))
    .Radial("Si", "Ge", new TransformedJacobiRadialSpecification(R0: 2.4, CutoffRadius: 4.1))
    .Build();
Console.WriteLine($"basis: {basis.FunctionCount} functions");

// 3. Fit (isolated atoms have energy 0 in the reference, so no reference energies are needed) and check.
var fit = LinearAce.Fit(basis).Weights(energy: 30, forces: 1).Run(data.Train);
Console.WriteLine($"fit: {fit.Rows} rows, assembly {fit.AssemblyTime.TotalSeconds:F1} s, solve {fit.SolveTime.TotalSeconds:F1} s");
Console.WriteLine("Validation errors:");
Console.Write(fit.Errors(data.Validation));

// 4. Dimer curves of every pair against the reference's pair term.
var grid = ClusterCurves.Grid(1.9, 4.4, 51);
foreach (var (a, b) in new[] { ("Si", "Si"), ("Ge", "Ge"), ("Si", "Ge") })
{
    var (ea, eb) = (Element.FromSymbol(a), Element.FromSymbol(b));
    var curve = ClusterCurves.Dimer($"{a}-{b}", s => fit.Potential.Evaluate(s).Energy, ea, eb, grid);
    Console.WriteLine($"{a}-{b} dimer: RMS deviation from the reference over [2.1, 3.8] A: " +
        $"{1000 * curve.RmsDeviation(r => reference.PairEnergy(ea, eb, r), 2.1, 3.8):F1} meV");
    AtomicFile.WriteAllText(Path.Combine(output, $"dimer-{a}-{b}.csv"), curve.ToCsv());
}

// 5. Save, and export for LAMMPS (pair_style pace); tables to 1e-7 relative, see docs/multi-element.md.
fit.Potential.Save(Path.Combine(output, "sige.json"));
var export = LinearAce.ExportYace(fit.Potential, Path.Combine(output, "sige.yace"), new YaceExportOptions(Tolerance: 1e-7));
Console.WriteLine($"wrote {output}/sige.json and sige.yace ({(export.Tabulated ? "tabulated" : "analytic")} radials, {export.FunctionCount} functions)");
Console.WriteLine($"report: ace report {output}/sige.json {output}/validation.xyz --out {output}/report");
