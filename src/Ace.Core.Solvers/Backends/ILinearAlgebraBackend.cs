namespace Ace.Core.Solvers.Backends;

/// <summary>
/// The dense linear-algebra kernels the solvers need. Every matrix is a dense <b>column-major</b> array with its
/// natural leading dimension (element (i, j) of an m x n matrix sits at <c>i + j * m</c>) unless a
/// <see cref="MatrixLayout"/> says otherwise. Implementations: <see cref="ManagedBackend"/> (Math.NET Numerics, always
/// available) and <see cref="NativeLapackBackend"/> (LAPACK/BLAS shared libraries found at run time).
/// Implementations are thread-safe: they keep no state between calls.
/// </summary>
public interface ILinearAlgebraBackend
{
    /// <summary>A short name for messages and benchmarks, e.g. "managed" or "native (libopenblas.so.0)".</summary>
    string Name { get; }

    /// <summary>
    /// General matrix product <c>C = alpha op(A) op(B) + beta C</c> with C m x n and op(A) m x k, op(B) k x n,
    /// where op transposes when asked. A is m x k (k x m when transposed), B is k x n (n x k when transposed).
    /// </summary>
    void Gemm(bool transposeA, bool transposeB, int m, int n, int k, double alpha, ReadOnlySpan<double> a,
        ReadOnlySpan<double> b, double beta, Span<double> c);

    /// <summary>
    /// Adds the Gram matrix <c>A^T A</c> of the <paramref name="rows"/> x <paramref name="columns"/> matrix A (stored in
    /// <paramref name="layout"/>) to the symmetric columns x columns matrix <paramref name="gram"/>; both triangles
    /// are updated.
    /// </summary>
    void AddGram(int rows, int columns, ReadOnlySpan<double> a, MatrixLayout layout, Span<double> gram);

    /// <summary>
    /// Adds <c>A^T A</c> as <see cref="AddGram"/> does, but only the upper triangle (element (i, j), i &lt;= j, at
    /// <c>i + j * columns</c>) of <paramref name="gram"/> is guaranteed to be updated; the strictly lower triangle may
    /// be left as it was. Accumulators that make many updates (<see cref="NormalEquations"/>) fill the lower triangle
    /// once at the end instead of after every update. The default implementation calls <see cref="AddGram"/>.
    /// </summary>
    void AddGramUpperTriangle(int rows, int columns, ReadOnlySpan<double> a, MatrixLayout layout, Span<double> gram) =>
        AddGram(rows, columns, a, layout, gram);

    /// <summary>
    /// Solves <c>G X = B</c> for a symmetric positive definite n x n matrix G by Cholesky factorisation.
    /// <paramref name="matrix"/> is overwritten by the factor; <paramref name="rightHandSides"/> (n x
    /// <paramref name="rightHandSideCount"/>) by the solution.
    /// </summary>
    /// <exception cref="SingularMatrixException">G is not (numerically) positive definite.</exception>
    void CholeskySolve(int n, Span<double> matrix, Span<double> rightHandSides, int rightHandSideCount);

    /// <summary>
    /// Least squares <c>min ||A x - b||</c> for an m x n matrix A with m &gt;= n by Householder QR. A and b are
    /// overwritten; the solution is returned in the first n entries of <paramref name="b"/>, and the diagonal of R in
    /// <paramref name="rDiagonal"/> (length n) so callers can judge the rank.
    /// </summary>
    /// <exception cref="SingularMatrixException">R has an exactly zero diagonal entry.</exception>
    void QrLeastSquares(int m, int n, Span<double> a, Span<double> b, Span<double> rDiagonal);

    /// <summary>
    /// Thin singular value decomposition <c>A = U diag(s) V^T</c> of the m x n matrix A, with k = min(m, n):
    /// <paramref name="singularValues"/> (k, descending), <paramref name="u"/> (m x k) and <paramref name="vt"/> (k x n).
    /// </summary>
    void ThinSvd(int m, int n, ReadOnlySpan<double> a, Span<double> singularValues, Span<double> u, Span<double> vt);

    /// <summary>
    /// Eigendecomposition <c>G = V diag(w) V^T</c> of the symmetric n x n matrix G: eigenvalues ascending in
    /// <paramref name="eigenvalues"/>, orthonormal eigenvectors as the columns of <paramref name="eigenvectors"/>.
    /// </summary>
    void SymmetricEigen(int n, ReadOnlySpan<double> matrix, Span<double> eigenvalues, Span<double> eigenvectors);

    /// <summary>
    /// Minimum-norm least squares for a possibly rank-deficient m x n matrix A by QR with column pivoting and a
    /// complete orthogonal decomposition. The numerical rank is the size of the leading block of R judged
    /// well-conditioned at <paramref name="relativeTolerance"/> (LAPACK dgelsy: estimated condition below
    /// <c>1 / relativeTolerance</c>; managed: pivots <c>|R_jj| &gt; relativeTolerance |R_00|</c>). Writes the n
    /// coefficients to <paramref name="solution"/>.
    /// </summary>
    /// <returns>The numerical rank.</returns>
    int RankRevealingLeastSquares(int m, int n, ReadOnlySpan<double> a, ReadOnlySpan<double> b,
        double relativeTolerance, Span<double> solution);
}
