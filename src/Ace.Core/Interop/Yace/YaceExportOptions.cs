namespace Ace.Core.Interop.Yace;

/// <summary>How the radial functions of an exported potential are written.</summary>
public enum YaceRadialForm
{
    /// <summary>
    /// ML-PACE's own analytic form where one reproduces the potential exactly (ChebExpCos many-body radials, with a pair
    /// basis of the same family and parameters or none), the tabulated form otherwise.
    /// </summary>
    Auto,

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
public sealed record YaceExportOptions(YaceRadialForm RadialForm = YaceRadialForm.Auto, double Tolerance = 1e-10, int MaxBins = 1_000_000);

/// <summary>The radial table chosen for one bond of an export.</summary>
/// <param name="Center">The center element.</param>
/// <param name="Neighbour">The neighbour element.</param>
/// <param name="Bins">The number of bins (nodes: Bins + 1).</param>
/// <param name="BinWidth">The bin width in Angstrom.</param>
/// <param name="MaxRelativeError">The largest interpolation error measured between the nodes (relative, as <see cref="YaceExportOptions.Tolerance"/>).</param>
public sealed record YaceBondTable(string Center, string Neighbour, int Bins, double BinWidth, double MaxRelativeError);

/// <summary>What an export wrote.</summary>
/// <param name="Document">The document.</param>
/// <param name="Tabulated">True when the radial functions are tabulated (radbasename "ACE.jl"), false for ML-PACE's analytic ChebExpCos.</param>
/// <param name="Tables">The radial table of every bond (for the analytic form: ML-PACE's own tables at the chosen deltaSplineBins).</param>
/// <param name="FunctionCount">The number of C-tilde functions written (all centers, rank 1 included).</param>
/// <param name="MsCombinationCount">The number of m-combinations written.</param>
public sealed record YaceExportResult(YaceDocument Document, bool Tabulated, IReadOnlyList<YaceBondTable> Tables, int FunctionCount, int MsCombinationCount);
