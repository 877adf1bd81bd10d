using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Ace.Core.Solvers.Backends;

/// <summary>
/// The always-available backend: Math.NET Numerics' managed provider (plus a managed pivoted QR with a complete
/// orthogonal decomposition, which Math.NET lacks). Spans are copied into exact-size arrays where Math.NET needs them.
/// </summary>
public sealed class ManagedBackend : ILinearAlgebraBackend
{
    /// <summary>The shared instance (the backend is stateless).</summary>
    public static ManagedBackend Instance { get; } = new();

    private ManagedBackend()
    {
    }

    /// <inheritdoc />
    public string Name => "managed";

    /// <inheritdoc />
    public void Gemm(bool transposeA, bool transposeB, int m, int n, int k, double alpha, ReadOnlySpan<double> a,
        ReadOnlySpan<double> b, double beta, Span<double> c)
    {
        var ma = transposeA ? Wrap(k, m, a) : Wrap(m, k, a);
        var mb = transposeB ? Wrap(n, k, b) : Wrap(k, n, b);
        Matrix<double> product = (transposeA, transposeB) switch
        {
            (false, false) => ma * mb,
            (true, false) => ma.TransposeThisAndMultiply(mb),
            (false, true) => ma.TransposeAndMultiply(mb),
            _ => ma.TransposeThisAndMultiply(mb.Transpose()),
        };
        var values = ((DenseMatrix)product).Values;
        for (var i = 0; i < m * n; i++)
        {
            c[i] = alpha * values[i] + (beta == 0 ? 0 : beta * c[i]);
        }
    }

    /// <inheritdoc />
    public void AddGram(int rows, int columns, ReadOnlySpan<double> a, MatrixLayout layout, Span<double> gram)
    {
        var matrix = layout == MatrixLayout.ColumnMajor ? Wrap(rows, columns, a) : Wrap(columns, rows, a);
        var gramProduct = layout == MatrixLayout.ColumnMajor
            ? matrix.TransposeThisAndMultiply(matrix)
            : matrix.TransposeAndMultiply(matrix);
        var values = ((DenseMatrix)gramProduct).Values;
        for (var i = 0; i < columns * columns; i++)
        {
            gram[i] += values[i];
        }
    }

    /// <inheritdoc />
    public void CholeskySolve(int n, Span<double> matrix, Span<double> rightHandSides, int rightHandSideCount)
    {
        Cholesky<double> cholesky;
        try
        {
            cholesky = Wrap(n, n, matrix).Cholesky();
        }
        catch (ArgumentException e)
        {
            throw new SingularMatrixException(
                $"Cholesky factorisation of the {n} x {n} normal-equations matrix failed: it is not positive definite " +
                "(the design matrix is rank-deficient or too ill-conditioned). Add a Tikhonov term or use a " +
                "rank-revealing solver (TruncatedSvd, RankRevealingQr).", e);
        }
        var solution = cholesky.Solve(Wrap(n, rightHandSideCount, rightHandSides));
        ((DenseMatrix)solution).Values.AsSpan().CopyTo(rightHandSides);
        ((DenseMatrix)cholesky.Factor).Values.AsSpan().CopyTo(matrix);
    }

    /// <inheritdoc />
    public void QrLeastSquares(int m, int n, Span<double> a, Span<double> b, Span<double> rDiagonal)
    {
        var qr = Wrap(m, n, a).QR(QRMethod.Thin);
        var r = qr.R;
        for (var j = 0; j < n; j++)
        {
            rDiagonal[j] = r[j, j];
            if (r[j, j] == 0)
            {
                throw new SingularMatrixException(string.Create(CultureInfo.InvariantCulture,
                    $"QR factorisation: R[{j},{j}] is exactly zero, so the {m} x {n} design matrix is rank-deficient. ") +
                    "Use a rank-revealing solver (TruncatedSvd, RankRevealingQr) or add a Tikhonov term.");
            }
        }
        var x = qr.Solve(Vector<double>.Build.DenseOfArray(b[..m].ToArray()));
        for (var j = 0; j < n; j++)
        {
            b[j] = x[j];
        }
    }

    /// <inheritdoc />
    public void ThinSvd(int m, int n, ReadOnlySpan<double> a, Span<double> singularValues, Span<double> u,
        Span<double> vt)
    {
        // Math.NET's SVD computes the full U (m x m); go through a thin QR of the tall orientation instead.
        var matrix = Wrap(m, n, a);
        var tall = m >= n ? matrix : matrix.Transpose();
        var qr = tall.QR(QRMethod.Thin);
        var svd = qr.R.Svd(computeVectors: true);
        var leftTall = qr.Q * svd.U;           // (max x min)
        var rightTall = svd.VT;                // (min x min)
        var k = Math.Min(m, n);
        for (var i = 0; i < k; i++)
        {
            singularValues[i] = svd.S[i];
        }
        if (m >= n)
        {
            ((DenseMatrix)leftTall).Values.AsSpan().CopyTo(u);
            ((DenseMatrix)rightTall).Values.AsSpan().CopyTo(vt);
        }
        else
        {
            // A^T = L S R^T  =>  A = R S L^T: U = R, V^T = L^T.
            ((DenseMatrix)rightTall.Transpose()).Values.AsSpan().CopyTo(u);
            ((DenseMatrix)leftTall.Transpose()).Values.AsSpan().CopyTo(vt);
        }
    }

    /// <inheritdoc />
    public void SymmetricEigen(int n, ReadOnlySpan<double> matrix, Span<double> eigenvalues, Span<double> eigenvectors)
    {
        var evd = Wrap(n, n, matrix).Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, n).OrderBy(i => evd.EigenValues[i].Real).ToArray();
        var vectors = evd.EigenVectors;
        for (var j = 0; j < n; j++)
        {
            eigenvalues[j] = evd.EigenValues[order[j]].Real;
            for (var i = 0; i < n; i++)
            {
                eigenvectors[i + j * n] = vectors[i, order[j]];
            }
        }
    }

    /// <inheritdoc />
    public int RankRevealingLeastSquares(int m, int n, ReadOnlySpan<double> a, ReadOnlySpan<double> b,
        double relativeTolerance, Span<double> solution)
        => ManagedCompleteOrthogonalDecomposition.Solve(m, n, a, b, relativeTolerance, solution);

    private static Matrix<double> Wrap(int rows, int columns, ReadOnlySpan<double> values)
        => Matrix<double>.Build.Dense(rows, columns, values[..(rows * columns)].ToArray());
}
