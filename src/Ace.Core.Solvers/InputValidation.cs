using System.Globalization;
using Ace.Core.Solvers.Backends;

namespace Ace.Core.Solvers;

/// <summary>Checks of user input that name the argument and the offending entry.</summary>
internal static class InputValidation
{
    public static void RequireFinite(ReadOnlySpan<double> values, string argument)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{argument}[{i}] = {values[i]} is not finite."), argument);
            }
        }
    }

    public static void RequireFiniteMatrix(ReadOnlySpan<double> values, int rows, MatrixLayout layout, string argument)
    {
        for (var k = 0; k < values.Length; k++)
        {
            if (!double.IsFinite(values[k]))
            {
                var columns = values.Length / rows;
                var (row, column) = layout == MatrixLayout.ColumnMajor ? (k % rows, k / rows) : (k / columns, k % columns);
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{argument}: the entry at row {row}, column {column} is {values[k]}, not finite."), argument);
            }
        }
    }

    public static void RequireWeights(ReadOnlySpan<double> weights, string argument)
    {
        for (var i = 0; i < weights.Length; i++)
        {
            if (!double.IsFinite(weights[i]) || weights[i] < 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{argument}[{i}] = {weights[i]}: weights must be finite and non-negative."), argument);
            }
        }
    }
}
