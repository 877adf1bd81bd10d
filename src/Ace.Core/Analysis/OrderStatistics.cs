namespace Ace.Core.Analysis;

/// <summary>Coefficient magnitudes of the functions of one correlation order (a row of the study's Tables 3 and 4).</summary>
/// <param name="CorrelationOrder">The correlation order nu (pair-basis functions count as 1).</param>
/// <param name="Count">The number of functions of this order.</param>
/// <param name="MeanAbsCoefficient">The mean |c| over them.</param>
/// <param name="MaxAbsCoefficient">The largest |c|.</param>
public sealed record OrderStatistics(int CorrelationOrder, int Count, double MeanAbsCoefficient, double MaxAbsCoefficient)
{
    /// <summary>The body order, nu + 1.</summary>
    public int BodyOrder => CorrelationOrder + 1;
}
