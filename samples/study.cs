#:project ../src/Ace.Core.Studies/Ace.Core.Studies.csproj

// A small body-order study from code (the `ace study` experiment in miniature): fit the study's two bases, SI (ACE1x's
// default pure2b basis) and PURE (fully purified), each with ACE1x's pair basis, of body order 2 to 4 to Stillinger-Weber
// silicon sets with and without dimers, and report the validation errors, the RMS deviation of each fit's dimer curve
// from the exact SW pair curve, the tail drops of the dimer and equilateral-trimer curves beyond 4.5 A (how far they
// fall below their value there before the cutoff) and mean |c| per body order. SW is exactly 2 + 3-body, so the true
// dimer curve is known.
// Usage: dotnet run -c Release samples/study.cs [-- degrees, e.g. 12,10,8]
using System.Globalization;
using Ace.Core;
using Ace.Core.Analysis;
using Ace.Core.Basis;
using Ace.Core.Fitting;
using Ace.Core.Studies;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
int[] degrees = args.Length > 0 ? [.. args[0].Split(',').Select(int.Parse)] : [12, 10, 8];

// Fewer structures than `ace study` (60/80/80/100) so the sample runs in seconds.
var options = new SiliconStudyDataOptions(Dimers: 30, Trimers: 40, Tetramers: 40, Pentamers: 40);
var sets = new[] { "Si2", "Si23", "Si234", "Si34" }.Select(name => SiliconStudyData.Generate(name, options)).ToList();

// The reference dimer curve: the exact SW pair energy on the study's window 1.9 - 6 A.
var grid = ClusterCurves.Grid(1.9, 6.0, 83);
var exactDimer = new Curve("SW pair curve", grid, [.. grid.Select(StillingerWeber.Silicon.PairEnergy)]);

// The study's bases (docs/study-si.md): the first degree is ACE1x's pair basis (Legendre polynomials in the Agnesi
// coordinate times a repulsive envelope), the many-body functions start at correlation order 2.
AceBasis Study(IReadOnlyList<int> d, PurificationKind kind) => LinearAce.Basis("Si").Cutoff(5.0).Radial(r0: 2.3).TotalDegree([.. d])
    .PairBasis(d[0]).WithoutCorrelationOrderOne().Purify(new PurificationOptions(kind)).Build();
var variants = new[]
{
    new BasisVariant("SI", d => Study(d, PurificationKind.Pure2b)),
    new BasisVariant("PURE", d => Study(d, PurificationKind.Full)),
};

Console.WriteLine($"degrees per correlation order {string.Join(".", degrees)}, cutoff 5 A, r0 2.3 A, BLR, weights energy 30 / forces 1, energy per sqrt(N)");
Console.WriteLine("errors on the validation set: energy meV/atom, force components meV/A; dimer RMS over 1.9-6 A and tail drops beyond 4.5 A in meV");
Console.WriteLine();
Console.Write("| set | basis | BO | functions | E val | F val | dimer RMS | dimer tail | trimer tail |");
for (int nu = 1; nu <= degrees.Length; nu++)
{
    Console.Write($" mean abs c BO{nu + 1} |");
}
Console.WriteLine();
Console.WriteLine("|---|---|---|---|---|---|---|---|---|" + string.Concat(Enumerable.Repeat("---|", degrees.Length)));

var settings = new BodyOrderStudySettings("Si", sets, variants, degrees,
    basis => LinearAce.Fit(basis).Weights(energy: 30, forces: 1).ScaleEnergy(EnergyScaling.PerSqrtAtom), exactDimer)
{
    // The SW cutoff (3.77 A) lies well inside the basis cutoff; score the curves' tails from 4.5 A.
    DimerTailFrom = 4.5,
    // Print each row as soon as its fit is done (reported on the fitting thread, in order).
    Progress = new Immediate<BodyOrderFit>(fit =>
    {
        Console.Write($"| {fit.Dataset} | {fit.Variant} | {fit.MaxBodyOrder} | {fit.FunctionCount} | " +
            $"{fit.Validation?.EnergyRmse:F2} | {fit.Validation?.ForceRmse:F1} | {1000 * fit.DimerRms:F1} | {1000 * fit.DimerTailDrop:F1} | {1000 * fit.TrimerTailDrop:F1} |");
        for (int nu = 1; nu <= degrees.Length; nu++)
        {
            double c = fit.MeanAbsCoefficient(nu);
            Console.Write(double.IsNaN(c) ? " |" : $" {c:0.0e+0} |");
        }
        Console.WriteLine();
    }),
};
var clock = System.Diagnostics.Stopwatch.StartNew();
var fits = BodyOrderStudy.Run(settings);
Console.WriteLine();
Console.WriteLine($"{fits.Count} fits in {clock.Elapsed.TotalSeconds:F1} s");

// The energy of one Si4 validation cluster split by body order, for the highest-order fit of each variant on Si234.
var cluster = sets.First(s => s.Name == "Si234").Validation.First(s => s.AtomCount == 4);
foreach (var fit in fits.Where(f => f.Dataset == "Si234" && f.MaxBodyOrder == degrees.Length + 1))
{
    var parts = fit.Potential.EnergyByCorrelationOrder(cluster);
    Console.WriteLine($"{fit.Variant} energy of a Si4 cluster by body order: " +
        string.Join(", ", parts.Skip(1).Select((e, k) => $"BO{k + 2} {e:F4}")) + $" eV (total {parts.Sum():F4}, SW {cluster.Energy:F4})");
}

/// <summary>An IProgress that calls its handler on the reporting thread (Progress&lt;T&gt; would post to the thread pool).</summary>
sealed class Immediate<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
