namespace Ace.Core.Interop.Yace;

/// <summary>How the radial functions of an exported potential are written.</summary>
public enum YaceRadialForm
{
    /// <summary>
    /// ML-PACE's own analytic form where one reproduces the potential exactly (ChebExpCos many-body radials, with a pair
    /// basis of the same family and parameters or none), the re-expanded form (<see cref="Expanded"/>) otherwise, and the
    /// tabulated form where no expansion meets the tolerance (<see cref="YaceExportResult.ExpansionFailure"/> says why).
    /// </summary>
    Auto,

    /// <summary>
    /// ML-PACE's analytic ChebExpCos form where exact, otherwise every radial function re-expanded by least squares in a
    /// ChebExpCos basis of high degree (fit error below <see cref="YaceExportOptions.Tolerance"/>): read by upstream ML-PACE.
    /// <see cref="Auto"/> does this too, but falls back to <see cref="Tabulated"/> where no expansion up to
    /// <see cref="YaceExportOptions.MaxDegree"/> meets the tolerance (e.g. a pair basis whose cutoff differs from the
    /// many-body cutoff: the pair radials then end with a kink inside the bond's range); this one fails instead.
    /// </summary>
    Expanded,

    /// <summary>Always the tabulated form (radbasename "ACE.jl": nodal values and derivatives, cubic Hermite interpolation).</summary>
    Tabulated,
}

/// <summary>Options of the .yace export (<see cref="YaceExport"/>).</summary>
/// <param name="RadialForm">Analytic where exact, or always tabulated.</param>
/// <param name="Tolerance">
/// The largest interpolation error allowed for the radial tables (the tabulated form, and ML-PACE's own tables of the
/// analytic form, whose bin width the file sets), relative to each function's largest value and largest derivative on
/// the grid; the grid is refined until it holds. The error of energies and forces is of this order.
/// </param>
/// <param name="MaxBins">The largest number of bins per radial table; the export fails rather than exceed it.</param>
/// <param name="InnerRadius">
/// The re-expanded form fits on [InnerRadius, cutoff] (Angstrom); below it the expansion is a smooth but unfitted
/// continuation. 0 (the default) fits the whole range.
/// </param>
/// <param name="ExpansionLambda">The lambda of the ChebExpCos basis of the re-expanded form.</param>
/// <param name="MaxDegree">The largest ChebExpCos basis (nradbasemax) the re-expanded form may use; the export fails rather than exceed it.</param>
public sealed record YaceExportOptions(YaceRadialForm RadialForm = YaceRadialForm.Auto, double Tolerance = 1e-10, int MaxBins = 1_000_000,
    double InnerRadius = 0, double ExpansionLambda = 2.0, int MaxDegree = 300);

/// <summary>The radial table chosen for one bond of an export.</summary>
/// <param name="Center">The center element.</param>
/// <param name="Neighbour">The neighbour element.</param>
/// <param name="Bins">The number of bins (nodes: Bins + 1).</param>
/// <param name="BinWidth">The bin width in Angstrom.</param>
/// <param name="MaxRelativeError">The largest interpolation error measured between the nodes (relative, as <see cref="YaceExportOptions.Tolerance"/>).</param>
public sealed record YaceBondTable(string Center, string Neighbour, int Bins, double BinWidth, double MaxRelativeError);

/// <summary>What an export wrote.</summary>
/// <param name="Document">The document.</param>
/// <param name="Tabulated">True when the radial functions are tabulated (radbasename "ACE.jl"), false for ML-PACE's analytic ChebExpCos (exact or re-expanded).</param>
/// <param name="Tables">The radial table of every bond (for the analytic form: ML-PACE's own tables at the chosen deltaSplineBins).</param>
/// <param name="FunctionCount">The number of C-tilde functions written (all centers, rank 1 included).</param>
/// <param name="MsCombinationCount">The number of m-combinations written.</param>
public sealed record YaceExportResult(YaceDocument Document, bool Tabulated, IReadOnlyList<YaceBondTable> Tables, int FunctionCount, int MsCombinationCount)
{
    /// <summary>The re-expansion of every bond (empty unless the radials were re-expanded, <see cref="YaceRadialForm.Expanded"/>).</summary>
    public IReadOnlyList<YaceBondExpansion> Expansions { get; init; } = [];

    /// <summary>Why <see cref="YaceRadialForm.Auto"/> tabulated instead of re-expanding (null when it did not fall back).</summary>
    public string? ExpansionFailure { get; init; }
}

/// <summary>The ChebExpCos re-expansion of one bond's radial functions.</summary>
/// <param name="Center">The center element.</param>
/// <param name="Neighbour">The neighbour element.</param>
/// <param name="Degree">The number of basis functions (nradbasemax, common to all bonds).</param>
/// <param name="InnerRadius">The start of the fitted range (Angstrom).</param>
/// <param name="Cutoff">The end of the fitted range, the bond cutoff (Angstrom).</param>
/// <param name="MaxRelativeError">The largest fit error of values and derivatives, each relative to the function's largest value or derivative on the range.</param>
public sealed record YaceBondExpansion(string Center, string Neighbour, int Degree, double InnerRadius, double Cutoff, double MaxRelativeError);
