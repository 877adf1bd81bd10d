using Ace.Core.Basis;

namespace Ace.Core.Analysis;

/// <summary>Coefficient statistics per correlation order of a linear ACE model (the study's Tables 3 and 4).</summary>
public static class BodyOrderStatistics
{
    /// <summary>
    /// Mean and largest |c| of the functions of each correlation order present in <paramref name="basis"/>, in
    /// increasing order (pair-basis functions are counted with correlation order 1).
    /// </summary>
    /// <exception cref="ArgumentException">The coefficient count differs from the basis's function count.</exception>
    public static IReadOnlyList<OrderStatistics> Compute(AceBasis basis, ReadOnlySpan<double> coefficients)
    {
        ArgumentNullException.ThrowIfNull(basis);
        if (coefficients.Length != basis.FunctionCount)
        {
            throw new ArgumentException($"{coefficients.Length} coefficients for a basis of {basis.FunctionCount} functions", nameof(coefficients));
        }
        var sums = new SortedDictionary<int, (int Count, double Sum, double Max)>();
        foreach (var f in basis.Functions)
        {
            double c = Math.Abs(coefficients[f.Column]);
            sums.TryGetValue(f.CorrelationOrder, out var s);
            sums[f.CorrelationOrder] = (s.Count + 1, s.Sum + c, Math.Max(s.Max, c));
        }
        return [.. sums.Select(p => new OrderStatistics(p.Key, p.Value.Count, p.Value.Sum / p.Value.Count, p.Value.Max))];
    }
}
