using MathNet.Numerics.LinearAlgebra;
using static Ace.Core.Basis.Tests.BasisFixtures;

namespace Ace.Core.Basis.Tests;

public class IndependenceTests
{
    [Test]
    public void Functions_within_each_block_are_linearly_independent_on_random_environments()
    {
        var basis = AceBasis.Build(new AceBasisSpecification(["Si", "C"], SiliconRadial, 4, new TotalDegreeSelection([2, 4, 8, 11])));
        var range = basis.ColumnRange(0);
        var random = new Random(23);
        const int samples = 40;
        var ws = basis.CreateWorkspace();
        var rows = new double[samples][];
        for (int i = 0; i < samples; i++)
        {
            var (d, s) = RandomEnvironment(random, basis, 0, 4 + random.Next(8));
            rows[i] = Values(basis, 0, d, s, ws);
        }
        var blocks = Enumerable.Range(0, range.Count)
            .GroupBy(f => (basis.Functions[range.Start + f].CorrelationOrder, string.Concat(basis.Functions[range.Start + f].OneParticleLabels)))
            .ToList();
        int multi = 0;
        foreach (var block in blocks)
        {
            var columns = block.ToArray();
            var v = Matrix<double>.Build.Dense(samples, columns.Length, (i, k) => rows[i][columns[k]]);
            var singular = v.Svd(false).S;
            Assert.That(singular[columns.Length - 1], Is.GreaterThan(1e-8 * singular[0]), $"block {block.Key} is rank deficient");
            if (columns.Length > 1)
            {
                multi++;
            }
        }
        Assert.That(multi, Is.GreaterThan(3), "the test basis must contain blocks with several invariants");
    }
}
