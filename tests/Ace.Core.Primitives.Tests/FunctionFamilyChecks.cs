using Ace.Core.Primitives.Quadrature;
using Ace.Core.TestUtilities;

namespace Ace.Core.Primitives.Tests;

/// <summary>Evaluates a family of functions f_0 .. f_{count-1} and their derivatives at one point.</summary>
internal delegate void FamilyAtPoint(double point, Span<double> values, Span<double> derivatives);

/// <summary>Evaluates a family of functions and their derivatives at a batch of points (component-major layout).</summary>
internal delegate void FamilyOnBatch(ReadOnlySpan<double> points, Span<double> values, Span<double> derivatives);

/// <summary>Checks shared by the tests of polynomial families and radial bases (all evaluated point by point).</summary>
internal static class FunctionFamilyChecks
{
    /// <summary>
    /// Asserts that every derivative at every point matches the fourth-order central difference with step 1e-4 (relative
    /// error below 1e-8); failures name the point as <c>{variable} = point</c> and the function as <c>{index} = k</c>.
    /// </summary>
    public static void DerivativesMatchFiniteDifferences(int count, FamilyAtPoint evaluate, IEnumerable<double> points,
        string variable, string index = "n")
    {
        var values = new double[count];
        var derivatives = new double[count];
        foreach (double point in points)
        {
            evaluate(point, values, derivatives);
            for (int k = 0; k < count; k++)
            {
                double fd = FiniteDifference.Derivative(t =>
                {
                    var v = new double[count];
                    evaluate(t, v, new double[count]);
                    return v[k];
                }, point, 1e-4);
                Assert.That(FiniteDifference.RelativeError(derivatives[k], fd), Is.LessThan(1e-8),
                    $"{variable} = {point}, {index} = {k}");
            }
        }
    }

    /// <summary>
    /// Evaluates <paramref name="count"/> functions at <paramref name="points"/> through the batched kernel and through its
    /// scalar reference, each into fresh arrays of count * points.Length entries.
    /// </summary>
    public static (double[] Values, double[] Derivatives, double[] ReferenceValues, double[] ReferenceDerivatives)
        BatchAndReference(int count, FamilyOnBatch batch, FamilyOnBatch reference, double[] points)
    {
        int size = count * points.Length;
        var values = new double[size];
        var derivatives = new double[size];
        var referenceValues = new double[size];
        var referenceDerivatives = new double[size];
        batch(points, values, derivatives);
        reference(points, referenceValues, referenceDerivatives);
        return (values, derivatives, referenceValues, referenceDerivatives);
    }

    /// <summary>The Gram matrix G_ab = sum_i w_i f_a(x_i) f_b(x_i) of the family under a quadrature rule.</summary>
    public static double[,] Gram(int count, FamilyAtPoint evaluate, GaussQuadratureRule rule)
    {
        var v = new double[count];
        var d = new double[count];
        var gram = new double[count, count];
        for (int i = 0; i < rule.Count; i++)
        {
            evaluate(rule.Nodes[i], v, d);
            for (int a = 0; a < count; a++)
            {
                for (int b = 0; b < count; b++)
                {
                    gram[a, b] += rule.Weights[i] * v[a] * v[b];
                }
            }
        }

        return gram;
    }

    /// <summary>Asserts that values and derivatives are overwritten with exact zeros at every point.</summary>
    public static void VanishesAt(int count, FamilyAtPoint evaluate, IEnumerable<double> points)
    {
        var v = new double[count];
        var d = new double[count];
        foreach (double point in points)
        {
            v.AsSpan().Fill(1.0);
            d.AsSpan().Fill(1.0);
            evaluate(point, v, d);
            Assert.That(v, Is.All.EqualTo(0.0), $"values at r = {point}");
            Assert.That(d, Is.All.EqualTo(0.0), $"derivatives at r = {point}");
        }
    }
}
