using Ace.Core.Solvers;
using MathNet.Numerics.LinearAlgebra;

namespace Ace.Core.Solvers.Tests;

/// <summary>Random test problems and brute-force references built with Math.NET directly.</summary>
internal static class TestProblems
{
    public static double[] Gaussian(Random random, int count, double scale = 1)
    {
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            var u1 = 1 - random.NextDouble();
            var u2 = random.NextDouble();
            values[i] = scale * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }
        return values;
    }

    /// <summary>A well-conditioned random problem with positive weights in [0.5, 2].</summary>
    public static LeastSquaresProblem Random(int rows, int columns, int seed, bool weighted = true)
    {
        var random = new Random(seed);
        var design = Gaussian(random, rows * columns);
        var targets = Gaussian(random, rows);
        var weights = weighted ? Enumerable.Range(0, rows).Select(_ => 0.5 + 1.5 * random.NextDouble()).ToArray() : null;
        return new LeastSquaresProblem(rows, columns, design, targets, weights);
    }

    /// <summary>y = A c_true + noise (unweighted), with c_true ~ N(0, 1).</summary>
    public static (LeastSquaresProblem Problem, double[] Truth) Noisy(int rows, int columns, double noise, int seed)
    {
        var random = new Random(seed);
        var design = Gaussian(random, rows * columns);
        var truth = Gaussian(random, columns);
        var noiseValues = Gaussian(random, rows, noise);
        var targets = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            var sum = noiseValues[i];
            for (var j = 0; j < columns; j++)
            {
                sum += design[i + j * rows] * truth[j];
            }
            targets[i] = sum;
        }
        return (new LeastSquaresProblem(rows, columns, design, targets), truth);
    }

    public static Matrix<double> WeightedMatrix(LeastSquaresProblem problem)
    {
        var a = Matrix<double>.Build.Dense(problem.Rows, problem.Columns, problem.Design.ToArray());
        for (var i = 0; i < problem.Rows; i++)
        {
            a.SetRow(i, a.Row(i) * problem.Weights[i]);
        }
        return a;
    }

    public static Vector<double> WeightedTargets(LeastSquaresProblem problem) =>
        Vector<double>.Build.Dense(problem.Rows, i => problem.Weights[i] * problem.Targets[i]);

    /// <summary>The minimum-norm least-squares solution pinv(W A) W y via Math.NET's full SVD.</summary>
    public static double[] MinimumNormSolution(LeastSquaresProblem problem, int? rank = null)
    {
        var svd = WeightedMatrix(problem).Svd(computeVectors: true);
        var b = WeightedTargets(problem);
        var keep = rank ?? svd.S.Count(s => s > 1e-10 * svd.S[0]);
        var x = Vector<double>.Build.Dense(problem.Columns);
        for (var i = 0; i < keep; i++)
        {
            x += svd.VT.Row(i) * (svd.U.Column(i).DotProduct(b) / svd.S[i]);
        }
        return x.ToArray();
    }

    /// <summary>||W (y - A c)|| computed with Math.NET.</summary>
    public static double ResidualNorm(LeastSquaresProblem problem, ReadOnlySpan<double> coefficients) =>
        (WeightedTargets(problem) - WeightedMatrix(problem) * Vector<double>.Build.Dense(coefficients.ToArray())).L2Norm();

    public static double MaxRelativeDifference(ReadOnlySpan<double> actual, ReadOnlySpan<double> expected)
    {
        var scale = 0.0;
        foreach (var e in expected)
        {
            scale = Math.Max(scale, Math.Abs(e));
        }
        var worst = 0.0;
        for (var i = 0; i < expected.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(actual[i] - expected[i]));
        }
        return worst / Math.Max(scale, double.Epsilon);
    }
}
