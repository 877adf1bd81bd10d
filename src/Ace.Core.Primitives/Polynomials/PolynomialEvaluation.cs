using Ace.Core.Primitives.Transforms;

namespace Ace.Core.Primitives.Polynomials;

/// <summary>The argument checks and dispatch shared by the public polynomial families.</summary>
internal static class PolynomialEvaluation
{
    /// <summary>Checks the outputs and evaluates one point.</summary>
    public static void Point(ThreeTermRecurrence recurrence, double x, Span<double> values, Span<double> derivatives)
    {
        int count = recurrence.MaxDegree + 1;
        DistanceGuard.RequireOutputs(values, derivatives, count);
        recurrence.EvaluatePoint(x, 1.0, 0.0, 1.0, values, derivatives, 1);
    }

    /// <summary>Checks the outputs and evaluates a component-major batch.</summary>
    public static void Batch(ThreeTermRecurrence recurrence, ReadOnlySpan<double> x, Span<double> values,
        Span<double> derivatives, bool vectorised)
    {
        int required = (recurrence.MaxDegree + 1) * x.Length;
        DistanceGuard.RequireOutputs(values, derivatives, required);
        if (x.IsEmpty)
        {
            return;
        }

        if (vectorised)
        {
            recurrence.EvaluateBatch(x, default, default, default, values, derivatives, x.Length);
        }
        else
        {
            recurrence.EvaluateBatchReference(x, default, default, default, values, derivatives, x.Length);
        }
    }
}
