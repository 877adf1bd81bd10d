using Ace.Core.Analysis;
using Ace.Core.Studies;
using ScottPlot;

namespace Ace.Cli.Output;

/// <summary>One fitted dimer curve in a plot: its legend, colour (null: the plot's next colour), line width and pattern.</summary>
internal sealed record DimerLine(string Label, Curve Curve, Color? Color, float Width, bool Dashed);
