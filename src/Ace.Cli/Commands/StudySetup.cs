using Ace.Core;
using System.Globalization;
using Ace.Core.Analysis;
using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Fitting;
using Ace.Core.Studies;

namespace Ace.Cli.Commands;

/// <summary>
/// What both forms of `ace study` share: the data sets and reference dimer curve, the basis variants (SI and PURE)
/// with their cutoff and radial settings, the fit settings and the default degrees per correlation order.
/// By default generated Stillinger-Weber silicon clusters (exact pair curve known); with a data folder the DFT
/// clusters of the study (files Si23_train.xyz, Si23_val.xyz, ..., Si2_dimer_dft.dat).
/// </summary>
internal sealed record StudySetup(
    IReadOnlyList<StudyDataset> Datasets, Curve Reference, string Description,
    double Cutoff, double R0, double E0, double EnergyWeight, IReadOnlyList<int> DefaultDegrees)
{
    /// <summary>The element of the study ("Si", or "C" for the carbon half).</summary>
    public string Element { get; init; } = "Si";

    /// <summary>The window of this setup's dimer-curve RMS deviation, Angstrom.</summary>
    public (double From, double To) Window { get; init; } = DimerWindow;

    /// <summary>The carbon study's free-atom energy (eV).</summary>
    private const double CarbonFreeAtomEnergy = -245.44385736;

    /// <summary>The study's free-atom energy of silicon (eV); the DFT dimer curve Si2_dimer_dft.dat is E - 2 E0.</summary>
    private const double DftFreeAtomEnergy = -7881.32677981122;

    private static readonly string[] DftSets = ["Si2", "Si23", "Si234", "Si2345", "Si3", "Si4", "Si5", "Si345"];

    /// <summary>The window of the dimer-curve RMS deviation from the reference, Angstrom (the study's range).</summary>
    public static (double From, double To) DimerWindow { get; } = (1.9, 6.0);

    /// <summary>The RMS deviation of a fitted dimer curve from the reference over <see cref="DimerWindow"/>, eV.</summary>
    public double DimerRms(Curve dimer) => dimer.RmsDeviation(Reference, Window.From, Window.To);

    /// <summary>How the energy rows are scaled: per sqrt(N) (ACEpotentials.jl, the study's code; the default) or per atom.</summary>
    public EnergyScaling EnergyScaling { get; init; } = EnergyScaling.PerSqrtAtom;

    /// <summary>
    /// The study's two bases, as ACE1x (ACEpotentials.jl 0.6.7) builds them: ACE1x's pair basis of D_1 functions and the
    /// many-body functions of correlation orders 2.. (order 1 removed), selected as ACE1.jl does; SI is ACE1x's default
    /// pure2b basis (every many-body function vanishes on one neighbour), PURE is fully purified (`pure = true`).
    /// </summary>
    public IReadOnlyList<BasisVariant> Variants =>
    [
        new("SI", d => Basis(d).Purify(new PurificationOptions(PurificationKind.Pure2b)).Build()),
        new("PURE", d => Basis(d).Purify(new PurificationOptions(PurificationKind.Full)).Build()),
    ];

    /// <summary>The basis of the given maximum degrees per correlation order with this setup's cutoff and radial bases.</summary>
    private Core.Building.BasisBuilder Basis(IReadOnlyList<int> degrees) =>
        LinearAce.Basis(Element).Cutoff(Cutoff).Radial(r0: R0).TotalDegree([.. degrees])
            .DegreeArithmetic(TotalDegreeArithmetic.Ace1xFloatingPoint).PairBasis(degrees[0]).WithoutCorrelationOrderOne();

    /// <summary>
    /// The exponent p of the smoothness prior the fits use, or null (the default) for the isotropic prior. ACEpotentials.jl's
    /// `acefit!` applies p = 4 by default (<see cref="AcefitSmoothness"/>); the study's default stays isotropic because
    /// only that reproduces the study's own Si2 coefficients (docs/study-si.md, "Settings").
    /// </summary>
    public int? SmoothnessExponent { get; init; }

    /// <summary>
    /// Whether the smoothness prior is ACE1's scaling of the coupled basis (<see cref="FitBuilder.Ace1SmoothnessPrior"/>,
    /// what `acefit!` computes) rather than the prior from the labels alone (<see cref="FitBuilder.SmoothnessPrior"/>).
    /// </summary>
    public bool Ace1Scaling { get; init; }

    /// <summary>`acefit!`'s default smoothness exponent (ACEpotentials.jl 0.6.7: `smoothness = 4`).</summary>
    public const int AcefitSmoothness = 4;

    /// <summary>
    /// The angular weight of ACE1x's algebraic smoothness prior as `acefit!` builds it (`smoothness_prior(model; p)` leaves
    /// ACE1x's default w_L = 1, not the basis's 1.5).
    /// </summary>
    public const double AcefitPriorAngularWeight = 1.0;

    /// <summary>
    /// The fit of a basis as ACEpotentials.jl's `acefit!` makes it: reference energy, weights and energy scaling; BLR (the
    /// default solver, evidence maximisation of one prior and one noise variance) on the design scaled by the smoothness
    /// prior (p = <see cref="SmoothnessExponent"/>, w_L = 1), or with the isotropic prior when the exponent is null.
    /// </summary>
    public FitBuilder ConfigureFit(Core.Basis.AceBasis basis)
    {
        var fit = LinearAce.Fit(basis).ReferenceEnergies((Element, E0)).Weights(energy: EnergyWeight, forces: 1).ScaleEnergy(EnergyScaling);
        return SmoothnessExponent is not { } p ? fit
            : Ace1Scaling ? fit.Ace1SmoothnessPrior(p, AcefitPriorAngularWeight) : fit.SmoothnessPrior(p, AcefitPriorAngularWeight);
    }

    /// <summary>One line describing the basis and fit settings, for the console.</summary>
    public string SettingsLine =>
        string.Create(CultureInfo.InvariantCulture,
            $"cutoff {Cutoff} A, r0 {R0} A, E0({Element}) {E0} eV, ACE1x pair basis, SI = pure2b, PURE = full, BLR with {(SmoothnessExponent is { } p ? $"the smoothness prior p = {p}, w_L = {AcefitPriorAngularWeight}{(Ace1Scaling ? " (ACE1's scaling)" : "")}" : "the isotropic prior")}, weights energy {EnergyWeight} / forces 1, energy {(EnergyScaling == EnergyScaling.PerAtom ? "per atom" : "per sqrt(N)")}");

    /// <summary>The generated data (when <paramref name="dataDir"/> is null) or the DFT clusters in <paramref name="dataDir"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">A file the study needs is missing.</exception>
    public static StudySetup Create(string? dataDir, bool quick) => dataDir is null ? Generated(quick) : Dft(dataDir);

    /// <summary>
    /// The carbon half of the study on <paramref name="dataDir"/>/carbon: Tr124_dim (DFT dimers, every second one held out;
    /// they are also the reference dimer curve), Tr100_n and Tr1k_n (diverse structures, every tenth held out); r_cut 5 A,
    /// r0 1.287 A, E0(C) = -245.44385736 eV, energy weight 30 (ACEpotentials.jl's default). <paramref name="quick"/> keeps a
    /// small subset of each set (the reduced setting CI runs: a third of the dimers, 20 structures of each diverse set) and degrees 8.6.4.3.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">A file the study needs is missing.</exception>
    public static StudySetup CreateCarbon(string dataDir, bool quick)
    {
        var dir = Path.Combine(dataDir, "carbon");
        if (!Directory.Exists(dir))
        {
            throw new DirectoryNotFoundException($"--data {dataDir}: no folder carbon/ with Tr124_dim.xyz, Tr100_n.xyz and Tr1k_n.xyz");
        }
        string Need(string file) => File.Exists(Path.Combine(dir, file)) ? Path.Combine(dir, file)
            : throw new FileNotFoundException($"--data {dataDir}: the carbon study needs carbon/{file}");
        var dimers = ExtendedXyz.ReadAll(Need("Tr124_dim.xyz"));
        var diverse100 = ExtendedXyz.ReadAll(Need("Tr100_n.xyz"));
        var diverse1k = ExtendedXyz.ReadAll(Need("Tr1k_n.xyz"));
        if (quick)
        {
            dimers = dimers.Where((_, k) => k % 3 == 0).ToList();
            diverse100 = diverse100.Take(20).ToList();
            diverse1k = diverse1k.Take(20).ToList();
        }
        StudyDataset Split(string name, IReadOnlyList<Structure> all, int every) => new(name,
            all.Where((_, k) => k % every != every - 1).ToList(), all.Where((_, k) => k % every == every - 1).ToList());
        var sets = new List<StudyDataset> { Split("Tr124_dim", dimers, 2), Split("Tr100_n", diverse100, 10), Split("Tr1k_n", diverse1k, 10) };
        var reference = DimerReference(ExtendedXyz.ReadAll(Need("Tr124_dim.xyz")), CarbonFreeAtomEnergy);
        return new StudySetup(sets, reference, $"carbon (Tr124_dim, Tr100_n, Tr1k_n) in {dir}{(quick ? ", reduced" : "")}",
            5.0, 1.287, CarbonFreeAtomEnergy, 30.0, quick ? [8, 6, 4, 3] : [24, 20, 16, 12])
        {
            Element = "C",
            Window = (reference.X[0], reference.X[^1]),
        };
    }

    /// <summary>The DFT dimer curve E - 2 E0 against the distance (nearest image) of the two-atom structures, sorted.</summary>
    private static Curve DimerReference(IReadOnlyList<Structure> dimers, double e0)
    {
        var points = dimers.Where(s => s.AtomCount == 2 && s.Energy is not null)
            .Select(s => (R: PairDistances.Collect([s], 20.0)[0], E: s.Energy!.Value - 2 * e0))
            .OrderBy(p => p.R).ToList();
        return new Curve("DFT dimers (Tr124_dim)", points.Select(p => p.R).ToList(), points.Select(p => p.E).ToList());
    }

    private static StudySetup Generated(bool quick)
    {
        var options = quick ? new SiliconStudyDataOptions(Dimers: 30, Trimers: 40, Tetramers: 40, Pentamers: 50) : SiliconStudyDataOptions.Default;
        var sets = SiliconStudyData.Names.Select(n => SiliconStudyData.Generate(n, options)).ToList();
        var grid = ClusterCurves.Grid(DimerWindow.From, DimerWindow.To, 83);
        var exact = new Curve("exact SW pair curve", grid, grid.Select(StillingerWeber.Silicon.PairEnergy).ToList());
        // E0 = 0 and the SW cutoff (3.77 A) lies well inside 5 A.
        return new StudySetup(sets, exact, "generated Stillinger-Weber silicon clusters (embedded data)",
            5.0, 2.3, 0.0, 30.0, quick ? [8, 6, 5, 4] : [16, 14, 12, 10]);
    }

    private static StudySetup Dft(string dir)
    {
        if (!Directory.Exists(dir))
        {
            throw new DirectoryNotFoundException($"--data {dir}: no such directory");
        }
        string Need(string file) => File.Exists(Path.Combine(dir, file)) ? Path.Combine(dir, file)
            : throw new FileNotFoundException($"--data {dir}: the study needs {file}");
        var reference = Curve.Read(Need("Si2_dimer_dft.dat"), "DFT dimer");
        var sets = DftSets.Select(name => new StudyDataset(name, ExtendedXyz.ReadAll(Need($"{name}_train.xyz")),
            File.Exists(Path.Combine(dir, $"{name}_val.xyz")) ? ExtendedXyz.ReadAll(Path.Combine(dir, $"{name}_val.xyz")) : [])).ToList();
        // The study's settings.
        return new StudySetup(sets, reference, $"DFT silicon clusters in {dir}", 6.0, 2.20707071, DftFreeAtomEnergy, 50.0, [24, 20, 16, 12]);
    }
}
