using System.Globalization;

namespace Ace.Core.Solvers.Backends;

/// <summary>
/// LAPACK/BLAS through function pointers into a shared library found at run time (OpenBLAS, MKL, or reference
/// LAPACK + BLAS; see <see cref="LibraryDescription"/>; the environment variable ACE_LAPACK_LIBRARY names a
/// specific library instead): dgemm, dsyrk, dpotrf/dpotrs, dgeqrf/dormqr/dtrtrs, dgesdd,
/// dsyevd and dgelsy. LAPACK error codes become <see cref="SingularMatrixException"/> (numerical failure) or
/// <see cref="InvalidOperationException"/> (an illegal argument, which would be a bug here).
/// </summary>
public sealed unsafe class NativeLapackBackend : ILinearAlgebraBackend
{
    private static readonly Lazy<NativeLapackBackend?> Shared =
        new(() => NativeLapackLibrary.Instance is { } library ? new NativeLapackBackend(library) : null);

    private readonly NativeLapackLibrary _lib;

    private NativeLapackBackend(NativeLapackLibrary library)
    {
        _lib = library;
        Name = "native (" + NativeLapackLibrary.Description + ")";
    }

    /// <summary>True when a LAPACK/BLAS shared library with every needed symbol was loaded.</summary>
    public static bool IsAvailable => Shared.Value is not null;

    /// <summary>The library files in use, or why no library could be loaded.</summary>
    public static string LibraryDescription => NativeLapackLibrary.Description;

    /// <summary>The native backend.</summary>
    /// <exception cref="InvalidOperationException">No LAPACK/BLAS library could be loaded; the message says why.</exception>
    public static NativeLapackBackend Instance => Shared.Value ?? throw new InvalidOperationException(
        "The native LAPACK backend is unavailable: " + LibraryDescription +
        ". Install OpenBLAS (Debian/Ubuntu: apt-get install libopenblas0) or use the managed backend.");

    /// <summary>The native backend, or null (with the reason in <see cref="LibraryDescription"/>) when unavailable.</summary>
    public static NativeLapackBackend? TryGetInstance() => Shared.Value;

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public void Gemm(bool transposeA, bool transposeB, int m, int n, int k, double alpha, ReadOnlySpan<double> a,
        ReadOnlySpan<double> b, double beta, Span<double> c)
    {
        if (m == 0 || n == 0)
        {
            return;
        }
        byte ta = transposeA ? (byte)'T' : (byte)'N', tb = transposeB ? (byte)'T' : (byte)'N';
        int lda = Math.Max(1, transposeA ? k : m), ldb = Math.Max(1, transposeB ? n : k), ldc = m;
        fixed (double* pa = a, pb = b, pc = c)
        {
            _lib.Dgemm(&ta, &tb, &m, &n, &k, &alpha, pa, &lda, pb, &ldb, &beta, pc, &ldc, 1, 1);
        }
    }

    /// <inheritdoc />
    public void AddGram(int rows, int columns, ReadOnlySpan<double> a, MatrixLayout layout, Span<double> gram)
    {
        AddGramUpperTriangle(rows, columns, a, layout, gram);
        if (rows > 0)
        {
            SymmetricStorage.FillLowerFromUpper(columns, gram);
        }
    }

    /// <inheritdoc />
    public void AddGramUpperTriangle(int rows, int columns, ReadOnlySpan<double> a, MatrixLayout layout, Span<double> gram)
    {
        if (rows == 0 || columns == 0)
        {
            return;
        }
        byte uplo = (byte)'U';
        byte trans = layout == MatrixLayout.ColumnMajor ? (byte)'T' : (byte)'N';
        int n = columns, k = rows, lda = layout == MatrixLayout.ColumnMajor ? rows : columns, ldc = columns;
        double one = 1;
        fixed (double* pa = a, pc = gram)
        {
            _lib.Dsyrk(&uplo, &trans, &n, &k, &one, pa, &lda, &one, pc, &ldc, 1, 1);
        }
    }

    /// <inheritdoc />
    public void CholeskySolve(int n, Span<double> matrix, Span<double> rightHandSides, int rightHandSideCount)
    {
        if (n == 0)
        {
            return;
        }
        byte uplo = (byte)'U';
        int lda = n, nrhs = rightHandSideCount, info;
        fixed (double* pa = matrix, pb = rightHandSides)
        {
            _lib.Dpotrf(&uplo, &n, pa, &lda, &info, 1);
            if (info > 0)
            {
                throw new SingularMatrixException(string.Create(CultureInfo.InvariantCulture,
                    $"Cholesky factorisation (dpotrf) of the {n} x {n} normal-equations matrix failed: the leading minor of order {info} is not positive definite ") +
                    "(the design matrix is rank-deficient or too " +
                    "ill-conditioned). Add a Tikhonov term or use a rank-revealing solver (TruncatedSvd, RankRevealingQr).");
            }
            Check(info, "dpotrf");
            _lib.Dpotrs(&uplo, &n, &nrhs, pa, &lda, pb, &lda, &info, 1);
            Check(info, "dpotrs");
        }
    }

    /// <inheritdoc />
    public void QrLeastSquares(int m, int n, Span<double> a, Span<double> b, Span<double> rDiagonal)
    {
        if (n == 0)
        {
            return;
        }
        var tau = new double[n];
        int lda = m, info, lwork = -1, one = 1;
        double query;
        fixed (double* pa = a, pb = b, pt = tau)
        {
            _lib.Dgeqrf(&m, &n, pa, &lda, pt, &query, &lwork, &info);
            Check(info, "dgeqrf");
            var work = new double[Math.Max(1, (int)query)];
            lwork = work.Length;
            fixed (double* pw = work)
            {
                _lib.Dgeqrf(&m, &n, pa, &lda, pt, pw, &lwork, &info);
            }
            Check(info, "dgeqrf");
            for (var j = 0; j < n; j++)
            {
                rDiagonal[j] = pa[j + (long)j * m];
            }

            byte side = (byte)'L', trans = (byte)'T';
            lwork = -1;
            _lib.Dormqr(&side, &trans, &m, &one, &n, pa, &lda, pt, pb, &lda, &query, &lwork, &info, 1, 1);
            Check(info, "dormqr");
            work = new double[Math.Max(1, (int)query)];
            lwork = work.Length;
            fixed (double* pw = work)
            {
                _lib.Dormqr(&side, &trans, &m, &one, &n, pa, &lda, pt, pb, &lda, pw, &lwork, &info, 1, 1);
            }
            Check(info, "dormqr");

            byte upper = (byte)'U', none = (byte)'N';
            _lib.Dtrtrs(&upper, &none, &none, &n, &one, pa, &lda, pb, &lda, &info, 1, 1, 1);
            if (info > 0)
            {
                throw new SingularMatrixException(string.Create(CultureInfo.InvariantCulture,
                    $"QR factorisation: R[{info - 1},{info - 1}] is exactly zero, so the {m} x {n} design matrix is ") +
                    "rank-deficient. Use a rank-revealing solver (TruncatedSvd, RankRevealingQr) or add a Tikhonov term.");
            }
            Check(info, "dtrtrs");
        }
    }

    /// <inheritdoc />
    public void ThinSvd(int m, int n, ReadOnlySpan<double> a, Span<double> singularValues, Span<double> u,
        Span<double> vt)
    {
        var k = Math.Min(m, n);
        if (k == 0)
        {
            return;
        }
        var copy = a[..(m * n)].ToArray();
        var iwork = new int[8 * k];
        byte jobz = (byte)'S';
        int lda = m, ldu = m, ldvt = k, lwork = -1, info;
        double query;
        fixed (double* pa = copy, ps = singularValues, pu = u, pvt = vt)
        fixed (int* pi = iwork)
        {
            _lib.Dgesdd(&jobz, &m, &n, pa, &lda, ps, pu, &ldu, pvt, &ldvt, &query, &lwork, pi, &info, 1);
            Check(info, "dgesdd");
            var work = new double[Math.Max(1, (int)query)];
            lwork = work.Length;
            fixed (double* pw = work)
            {
                _lib.Dgesdd(&jobz, &m, &n, pa, &lda, ps, pu, &ldu, pvt, &ldvt, pw, &lwork, pi, &info, 1);
            }
        }
        if (info > 0)
        {
            throw new SingularMatrixException(string.Create(CultureInfo.InvariantCulture,
                $"SVD (dgesdd) of the {m} x {n} matrix did not converge (info = {info})."));
        }
        Check(info, "dgesdd");
    }

    /// <inheritdoc />
    public void SymmetricEigen(int n, ReadOnlySpan<double> matrix, Span<double> eigenvalues, Span<double> eigenvectors)
    {
        if (n == 0)
        {
            return;
        }
        matrix[..(n * n)].CopyTo(eigenvectors);
        byte jobz = (byte)'V', uplo = (byte)'U';
        int lda = n, lwork = -1, liwork = -1, info, iquery;
        double query;
        fixed (double* pa = eigenvectors, pw = eigenvalues)
        {
            _lib.Dsyevd(&jobz, &uplo, &n, pa, &lda, pw, &query, &lwork, &iquery, &liwork, &info, 1, 1);
            Check(info, "dsyevd");
            var work = new double[Math.Max(1, (int)query)];
            var iwork = new int[Math.Max(1, iquery)];
            lwork = work.Length;
            liwork = iwork.Length;
            fixed (double* pwork = work)
            fixed (int* piwork = iwork)
            {
                _lib.Dsyevd(&jobz, &uplo, &n, pa, &lda, pw, pwork, &lwork, piwork, &liwork, &info, 1, 1);
            }
        }
        if (info > 0)
        {
            throw new SingularMatrixException(string.Create(CultureInfo.InvariantCulture,
                $"Symmetric eigendecomposition (dsyevd) of the {n} x {n} matrix did not converge (info = {info})."));
        }
        Check(info, "dsyevd");
    }

    /// <inheritdoc />
    public int RankRevealingLeastSquares(int m, int n, ReadOnlySpan<double> a, ReadOnlySpan<double> b,
        double relativeTolerance, Span<double> solution)
    {
        if (m == 0 || n == 0)
        {
            solution[..n].Clear();
            return 0;
        }
        var copy = a[..(m * n)].ToArray();
        var rhs = new double[Math.Max(m, n)];
        b[..m].CopyTo(rhs);
        var pivots = new int[n];
        int lda = m, ldb = rhs.Length, nrhs = 1, rank, lwork = -1, info;
        double rcond = relativeTolerance, query;
        fixed (double* pa = copy, pb = rhs)
        fixed (int* pp = pivots)
        {
            _lib.Dgelsy(&m, &n, &nrhs, pa, &lda, pb, &ldb, pp, &rcond, &rank, &query, &lwork, &info);
            Check(info, "dgelsy");
            var work = new double[Math.Max(1, (int)query)];
            lwork = work.Length;
            fixed (double* pw = work)
            {
                _lib.Dgelsy(&m, &n, &nrhs, pa, &lda, pb, &ldb, pp, &rcond, &rank, pw, &lwork, &info);
            }
        }
        Check(info, "dgelsy");
        rhs.AsSpan(0, n).CopyTo(solution);
        return rank;
    }

    private static void Check(int info, string routine)
    {
        if (info < 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"LAPACK {routine} rejected argument {-info} (info = {info}); this is a bug in Ace.Core.Solvers."));
        }
        if (info > 0)
        {
            throw new SingularMatrixException(string.Create(CultureInfo.InvariantCulture,
                $"LAPACK {routine} failed with info = {info}."));
        }
    }
}
