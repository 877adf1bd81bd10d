using System.Globalization;
using Ace.Core.Basis;
using Ace.Core.Primitives;
using MathNet.Numerics.LinearAlgebra;
using static Ace.Core.Basis.Tests.BasisFixtures;
using static Ace.Core.Basis.Tests.Purification.PurificationFixtures;

namespace Ace.Core.Basis.Tests.Purification;

/// <summary>
/// Gram matrices G = (1/S) sum_s B(s) B(s)^T of the functions of one correlation order over S random environments, for the
/// pure and the self-interacting basis (the numbers in docs/purification.md come from <see cref="Report_for_the_documentation"/>).
/// </summary>
public class ConditioningTests
{
    [Test]
    public void Pure_functions_of_each_order_have_a_positive_definite_Gram_matrix()
    {
        var spec = SingleElement(10, 9, 7, 5);
        var table = Table(AceBasis.Build(spec), Purified(spec), new Random(9), environmentsPerFunction: 4);
        foreach (var row in table)
        {
            TestContext.Out.WriteLine(row.ToString());
            Assert.That(row.Pure.Min, Is.GreaterThan(1e-10 * row.Pure.Max), $"order {row.Order}: pure functions independent");
            Assert.That(row.SelfInteracting.Min, Is.GreaterThan(1e-10 * row.SelfInteracting.Max), $"order {row.Order}: original functions independent");
        }
        Assert.That(table.Select(r => r.Order), Is.EqualTo(new[] { 1, 2, 3, 4 }));
    }

    [Test, Explicit("prints the table of docs/purification.md (about a minute)")]
    public void Report_for_the_documentation()
    {
        var spec = SingleElement(24, 20, 16, 12);
        var original = AceBasis.Build(spec);
        var pure = Purified(spec);
        foreach (double rMin in new[] { 1.8, 0.5 })
        {
            TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"neighbours at {rMin} A < r < 0.97 r_cut:"));
            foreach (var row in Table(original, pure, new Random(2026), environmentsPerFunction: 4, rMin))
            {
                TestContext.Out.WriteLine(row.ToString());
            }
        }
    }

    internal sealed record Spectrum(double Min, double Max)
    {
        public double Condition => Max / Min;
    }

    internal sealed record OrderRow(int Order, int Count, Spectrum Pure, Spectrum SelfInteracting)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"order {Order}: {Count} functions, cond pure {Pure.Condition:E2}, cond self-interacting {SelfInteracting.Condition:E2}");
    }

    /// <summary>
    /// Environments: 4 .. 16 Si neighbours (uniform), positions uniform in the shell rMin &lt; r &lt; 0.97 r_cut;
    /// environmentsPerFunction times the size of the largest order.
    /// </summary>
    internal static List<OrderRow> Table(AceBasis original, AceBasis pure, Random random, int environmentsPerFunction, double rMin = 1.8)
    {
        int count = original.ColumnRange(0).Count;
        int largest = Enumerable.Range(1, original.MaxCorrelationOrder).Max(original.CountByOrder);
        int samples = environmentsPerFunction * largest;
        var o = Matrix<double>.Build.Dense(samples, count);
        var p = Matrix<double>.Build.Dense(samples, count);
        var wo = original.CreateWorkspace();
        var wp = pure.CreateWorkspace();
        for (int i = 0; i < samples; i++)
        {
            var (d, s) = RandomEnvironment(random, original, 0, random.Next(4, 17), rMin);
            o.SetRow(i, Values(original, 0, d, s, wo));
            p.SetRow(i, Values(pure, 0, d, s, wp));
        }
        var rows = new List<OrderRow>();
        for (int order = 1; order <= original.MaxCorrelationOrder; order++)
        {
            var columns = original.FunctionsOfOrder(order).Select(f => f.Column).ToArray();
            if (columns.Length > 0)
            {
                rows.Add(new OrderRow(order, columns.Length, Gram(p, columns, samples), Gram(o, columns, samples)));
            }
        }
        return rows;
    }

    private static Spectrum Gram(Matrix<double> values, int[] columns, int samples)
    {
        var b = Matrix<double>.Build.Dense(samples, columns.Length, (i, j) => values[i, columns[j]]);
        var eigenvalues = (b.TransposeThisAndMultiply(b) / samples).Evd(Symmetricity.Symmetric).EigenValues.Select(x => x.Real).ToArray();
        return new Spectrum(eigenvalues.Min(), eigenvalues.Max());
    }
}
