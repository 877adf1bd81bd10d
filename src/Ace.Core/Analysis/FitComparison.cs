using Ace.Core.Basis;

namespace Ace.Core.Analysis;

/// <summary>
/// Two fits compared function by function on matching labels (kind, center, correlation order, one-particle label
/// tuple, invariant index): the study's check of coefficient stability as orders are added.
/// </summary>
public sealed class FitComparison
{
    private FitComparison(IReadOnlyList<CoefficientPair> matched, int onlyInFirst, int onlyInSecond)
    {
        Matched = matched;
        OnlyInFirst = onlyInFirst;
        OnlyInSecond = onlyInSecond;
    }

    /// <summary>The functions both bases contain, in the first basis's column order.</summary>
    public IReadOnlyList<CoefficientPair> Matched { get; }

    /// <summary>How many functions only the first basis has.</summary>
    public int OnlyInFirst { get; }

    /// <summary>How many functions only the second basis has.</summary>
    public int OnlyInSecond { get; }

    /// <summary>Compares two fits; the bases may differ in size (typically the second has more orders or degree).</summary>
    /// <exception cref="ArgumentException">A coefficient count differs from its basis's function count.</exception>
    public static FitComparison Compare(AceBasis first, ReadOnlySpan<double> firstCoefficients, AceBasis second, ReadOnlySpan<double> secondCoefficients)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        Check(first, firstCoefficients, nameof(firstCoefficients));
        Check(second, secondCoefficients, nameof(secondCoefficients));
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var f in second.Functions)
        {
            columns[Key(f)] = f.Column;
        }
        var matched = new List<CoefficientPair>();
        foreach (var f in first.Functions)
        {
            if (columns.TryGetValue(Key(f), out int column))
            {
                matched.Add(new CoefficientPair(f, firstCoefficients[f.Column], secondCoefficients[column]));
            }
        }
        return new FitComparison(matched, first.FunctionCount - matched.Count, second.FunctionCount - matched.Count);
    }

    /// <summary>
    /// The relative change of the coefficients of correlation order <paramref name="correlationOrder"/>:
    /// |c2 - c1| / |c1| (Euclidean norms over the matched functions of that order); NaN when none match.
    /// </summary>
    public double RelativeChange(int correlationOrder)
    {
        double d2 = 0, c2 = 0;
        int n = 0;
        foreach (var p in Matched.Where(p => p.Label.CorrelationOrder == correlationOrder))
        {
            d2 += p.Difference * p.Difference;
            c2 += p.First * p.First;
            n++;
        }
        return n == 0 ? double.NaN : Math.Sqrt(d2) / Math.Max(Math.Sqrt(c2), double.Epsilon);
    }

    private static string Key(BasisFunctionLabel f) =>
        $"{f.Kind}|{f.CenterElement}|{f.CorrelationOrder}|{string.Concat(f.OneParticleLabels)}|{f.IndexInBlock}/{f.BlockSize}";

    private static void Check(AceBasis basis, ReadOnlySpan<double> coefficients, string name)
    {
        if (coefficients.Length != basis.FunctionCount)
        {
            throw new ArgumentException($"{coefficients.Length} coefficients for a basis of {basis.FunctionCount} functions", name);
        }
    }
}
