using Ace.Core.Solvers.Backends;
using MathNet.Numerics.LinearAlgebra;

namespace Ace.Core.Solvers.Tests;

public abstract partial class SolverSuite
{
    [TestCase(false, false)]
    [TestCase(true, false)]
    [TestCase(false, true)]
    [TestCase(true, true)]
    public void Gemm_matches_the_explicit_product(bool transposeA, bool transposeB)
    {
        var random = new Random(1);
        int m = 5, n = 4, k = 3;
        var a = TestProblems.Gaussian(random, m * k);
        var b = TestProblems.Gaussian(random, k * n);
        var c = TestProblems.Gaussian(random, m * n);
        var ma = transposeA ? Matrix<double>.Build.Dense(k, m, a).Transpose() : Matrix<double>.Build.Dense(m, k, a);
        var mb = transposeB ? Matrix<double>.Build.Dense(n, k, b).Transpose() : Matrix<double>.Build.Dense(k, n, b);
        var expected = 2.0 * ma * mb + 0.5 * Matrix<double>.Build.Dense(m, n, c);

        Backend.Gemm(transposeA, transposeB, m, n, k, 2.0, a, b, 0.5, c);

        Assert.That(TestProblems.MaxRelativeDifference(c, expected.ToColumnMajorArray()), Is.LessThan(1e-14));
    }

    [TestCase(MatrixLayout.ColumnMajor)]
    [TestCase(MatrixLayout.RowMajor)]
    public void AddGram_adds_AtA_to_both_triangles(MatrixLayout layout)
    {
        var random = new Random(2);
        int rows = 7, columns = 4;
        var a = TestProblems.Gaussian(random, rows * columns);
        var matrix = layout == MatrixLayout.ColumnMajor
            ? Matrix<double>.Build.Dense(rows, columns, a)
            : Matrix<double>.Build.Dense(columns, rows, a).Transpose();
        var start = Matrix<double>.Build.DenseIdentity(columns);
        var gram = start.ToColumnMajorArray();

        Backend.AddGram(rows, columns, a, layout, gram);

        var expected = start + matrix.TransposeThisAndMultiply(matrix);
        Assert.That(TestProblems.MaxRelativeDifference(gram, expected.ToColumnMajorArray()), Is.LessThan(1e-14));
    }

    [TestCase(MatrixLayout.ColumnMajor)]
    [TestCase(MatrixLayout.RowMajor)]
    public void AddGram_fills_both_triangles_of_a_matrix_larger_than_its_copy_tile_and_the_upper_update_matches_it(MatrixLayout layout)
    {
        var random = new Random(5);
        int rows = 9, columns = 150; // several 64 x 64 tiles, the last one partial
        var a = TestProblems.Gaussian(random, rows * columns);
        var matrix = layout == MatrixLayout.ColumnMajor
            ? Matrix<double>.Build.Dense(rows, columns, a)
            : Matrix<double>.Build.Dense(columns, rows, a).Transpose();
        var expected = (Matrix<double>.Build.DenseIdentity(columns) + matrix.TransposeThisAndMultiply(matrix)).ToColumnMajorArray();
        var both = Matrix<double>.Build.DenseIdentity(columns).ToColumnMajorArray();
        var upper = (double[])both.Clone();

        Backend.AddGram(rows, columns, a, layout, both);
        Backend.AddGramUpperTriangle(rows, columns, a, layout, upper);

        Assert.That(TestProblems.MaxRelativeDifference(both, expected), Is.LessThan(1e-14));
        for (int j = 0; j < columns; j++)
        {
            for (int i = 0; i < j; i++)
            {
                Assert.That(both[j + i * columns], Is.EqualTo(both[i + j * columns]), "exactly symmetric");
            }
            for (int i = 0; i <= j; i++)
            {
                Assert.That(upper[i + j * columns], Is.EqualTo(both[i + j * columns]), "the upper triangles agree exactly");
            }
        }
    }

    [Test]
    public void Normal_equations_fed_many_blocks_and_merged_keep_an_exactly_symmetric_gram()
    {
        var problem = TestProblems.Random(300, 130, seed: 11);
        int m = problem.Rows, n = problem.Columns;
        var a = TestProblems.WeightedMatrix(problem);
        var expected = a.TransposeThisAndMultiply(a).ToColumnMajorArray();
        var first = new NormalEquations(n);
        var second = new NormalEquations(n);
        for (int start = 0; start < m; start += 17)
        {
            int count = Math.Min(17, m - start);
            var rows = new double[count * n];
            for (var r = 0; r < count; r++)
            {
                for (var j = 0; j < n; j++)
                {
                    rows[r * n + j] = problem.Design[start + r + j * m];
                }
            }
            (start % 2 == 0 ? first : second).Add(count, rows, problem.Targets.Slice(start, count), problem.Weights.Slice(start, count), Backend);
        }
        var residualBeforeReading = first.ResidualNorm(new double[n]);
        first.Merge(second);
        var gram = first.Gram.ToArray();

        Assert.That(TestProblems.MaxRelativeDifference(gram, expected), Is.LessThan(1e-13));
        Assert.That(residualBeforeReading, Is.GreaterThan(0));
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < j; i++)
            {
                Assert.That(gram[j + i * n], Is.EqualTo(gram[i + j * n]), "exactly symmetric");
            }
        }
    }

    [Test]
    public void CholeskySolve_solves_an_spd_system_and_rejects_an_indefinite_one()
    {
        var random = new Random(3);
        var b = Matrix<double>.Build.Dense(6, 4, TestProblems.Gaussian(random, 24));
        var spd = b.TransposeThisAndMultiply(b);
        var rhs = TestProblems.Gaussian(random, 8);
        var expected = spd.Solve(Matrix<double>.Build.Dense(4, 2, rhs));
        var factor = spd.ToColumnMajorArray();
        var solution = (double[])rhs.Clone();

        Backend.CholeskySolve(4, factor, solution, 2);

        Assert.That(TestProblems.MaxRelativeDifference(solution, expected.ToColumnMajorArray()), Is.LessThan(1e-12));
        var indefinite = new double[] { 1, 2, 2, 1 };
        var ex = Assert.Throws<SingularMatrixException>(() => Backend.CholeskySolve(2, indefinite, new double[2], 1));
        Assert.That(ex!.Message, Does.Contain("not positive definite"));
    }

    [TestCase(9, 4)]
    [TestCase(4, 9)]
    [TestCase(6, 6)]
    public void ThinSvd_reconstructs_the_matrix_with_orthonormal_factors(int m, int n)
    {
        var a = TestProblems.Gaussian(new Random(4), m * n);
        var k = Math.Min(m, n);
        var s = new double[k];
        var u = new double[m * k];
        var vt = new double[k * n];

        Backend.ThinSvd(m, n, a, s, u, vt);

        var mu = Matrix<double>.Build.Dense(m, k, u);
        var mvt = Matrix<double>.Build.Dense(k, n, vt);
        var rebuilt = mu * Matrix<double>.Build.DenseOfDiagonalArray(s) * mvt;
        Assert.That(TestProblems.MaxRelativeDifference(rebuilt.ToColumnMajorArray(), a), Is.LessThan(1e-13));
        var identity = Matrix<double>.Build.DenseIdentity(k).ToColumnMajorArray();
        Assert.That(TestProblems.MaxRelativeDifference(mu.TransposeThisAndMultiply(mu).ToColumnMajorArray(), identity), Is.LessThan(1e-13));
        Assert.That(TestProblems.MaxRelativeDifference(mvt.TransposeAndMultiply(mvt).ToColumnMajorArray(), identity), Is.LessThan(1e-13));
        Assert.That(s, Is.Ordered.Descending);
    }

    [Test]
    public void SymmetricEigen_gives_ascending_eigenvalues_and_orthonormal_eigenvectors()
    {
        var b = Matrix<double>.Build.Dense(5, 5, TestProblems.Gaussian(new Random(5), 25));
        var symmetric = b + b.Transpose();
        var values = new double[5];
        var vectors = new double[25];

        Backend.SymmetricEigen(5, symmetric.ToColumnMajorArray(), values, vectors);

        var v = Matrix<double>.Build.Dense(5, 5, vectors);
        var rebuilt = v * Matrix<double>.Build.DenseOfDiagonalArray(values) * v.Transpose();
        Assert.That(TestProblems.MaxRelativeDifference(rebuilt.ToColumnMajorArray(), symmetric.ToColumnMajorArray()), Is.LessThan(1e-13));
        Assert.That(values, Is.Ordered.Ascending);
    }
}
