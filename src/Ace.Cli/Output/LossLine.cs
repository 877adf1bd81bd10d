namespace Ace.Cli.Output;

/// <summary>One line of a log-scale loss plot (<see cref="StudyPlots.LogLines"/>): its legend, points and pattern.</summary>
/// <param name="Label">The legend.</param>
/// <param name="X">The x values (functions, iterations).</param>
/// <param name="Y">The positive y values (errors, losses), plotted as log10.</param>
/// <param name="Dashed">Whether the line is dashed (e.g. validation).</param>
internal sealed record LossLine(string Label, IReadOnlyList<double> X, IReadOnlyList<double> Y, bool Dashed);
