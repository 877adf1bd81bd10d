using System.Runtime.InteropServices;

namespace Ace.Core.Solvers.Backends;

/// <summary>
/// Finds a LAPACK/BLAS shared library at run time and resolves the Fortran entry points the native backend calls
/// (LP64: 32-bit integers; every argument by reference; hidden string lengths appended for character arguments).
/// Probes, in order: OpenBLAS (libopenblas.so.0, libopenblas.so, libopenblas.dylib, libopenblas.dll), MKL's single
/// dynamic library (libmkl_rt.so.2, libmkl_rt.so, mkl_rt.2.dll), then reference LAPACK with a separate BLAS
/// (liblapack.so.3 + libblas.so.3, liblapack.so + libblas.so). The first candidate that exports every symbol wins.
/// </summary>
internal sealed unsafe class NativeLapackLibrary
{
    private static readonly string[][] Candidates =
    [
        ["libopenblas.so.0"], ["libopenblas.so"], ["libopenblas.dylib"], ["libopenblas.dll"],
        ["libmkl_rt.so.2"], ["libmkl_rt.so"], ["mkl_rt.2.dll"],
        ["liblapack.so.3", "libblas.so.3"], ["liblapack.so", "libblas.so"], ["liblapack.dylib", "libblas.dylib"],
    ];

    private static readonly Lazy<(NativeLapackLibrary? Library, string Description)> Loaded = new(Probe);

    /// <summary>The loaded library, or null when none was found.</summary>
    public static NativeLapackLibrary? Instance => Loaded.Value.Library;

    /// <summary>The file names loaded, or why nothing loaded.</summary>
    public static string Description => Loaded.Value.Description;

    public delegate* unmanaged<byte*, byte*, int*, int*, int*, double*, double*, int*, double*, int*, double*, double*, int*, nint, nint, void> Dgemm;
    public delegate* unmanaged<byte*, byte*, int*, int*, double*, double*, int*, double*, double*, int*, nint, nint, void> Dsyrk;
    public delegate* unmanaged<byte*, int*, double*, int*, int*, nint, void> Dpotrf;
    public delegate* unmanaged<byte*, int*, int*, double*, int*, double*, int*, int*, nint, void> Dpotrs;
    public delegate* unmanaged<int*, int*, double*, int*, double*, double*, int*, int*, void> Dgeqrf;
    public delegate* unmanaged<byte*, byte*, int*, int*, int*, double*, int*, double*, double*, int*, double*, int*, int*, nint, nint, void> Dormqr;
    public delegate* unmanaged<byte*, byte*, byte*, int*, int*, double*, int*, double*, int*, int*, nint, nint, nint, void> Dtrtrs;
    public delegate* unmanaged<byte*, int*, int*, double*, int*, double*, double*, int*, double*, int*, double*, int*, int*, int*, nint, void> Dgesdd;
    public delegate* unmanaged<byte*, byte*, int*, double*, int*, double*, double*, int*, int*, int*, int*, nint, nint, void> Dsyevd;
    public delegate* unmanaged<int*, int*, int*, double*, int*, double*, int*, int*, double*, int*, double*, int*, int*, void> Dgelsy;

    private NativeLapackLibrary()
    {
    }

    /// <summary>The environment variable naming the library (or libraries) to load instead of probing.</summary>
    public const string LibraryVariable = "ACE_LAPACK_LIBRARY";

    private static (NativeLapackLibrary?, string) Probe()
    {
        var failures = new List<string>();
        var requested = Environment.GetEnvironmentVariable(LibraryVariable);
        var candidates = string.IsNullOrWhiteSpace(requested)
            ? Candidates
            : [requested.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        foreach (var names in candidates)
        {
            var handles = new List<nint>();
            foreach (var name in names)
            {
                if (NativeLibrary.TryLoad(name, typeof(NativeLapackLibrary).Assembly, null, out var handle))
                {
                    handles.Add(handle);
                }
            }
            var label = string.Join(" + ", names);
            if (handles.Count != names.Length)
            {
                failures.Add(label + ": not found");
                continue;
            }
            var library = new NativeLapackLibrary();
            var missing = library.Resolve(handles);
            if (missing.Count == 0)
            {
                return (library, label + OpenBlasCore(handles));
            }
            failures.Add(label + ": missing " + string.Join(", ", missing));
        }
        return (null, "no LAPACK/BLAS shared library could be loaded (" + string.Join("; ", failures) + ")");
    }

    /// <summary>
    /// ", OpenBLAS kernels NAME" when the library is OpenBLAS (openblas_get_corename), else "": which kernels OpenBLAS
    /// chose matters, since versions that do not know a CPU fall back to older kernels (e.g. Haswell's AVX2 kernels
    /// on Zen 5; OPENBLAS_CORETYPE overrides the choice).
    /// </summary>
    private static string OpenBlasCore(List<nint> handles)
    {
        foreach (var handle in handles)
        {
            if (NativeLibrary.TryGetExport(handle, "openblas_get_corename", out var address))
            {
                var name = Marshal.PtrToStringAnsi(((delegate* unmanaged<nint>)address)());
                return string.IsNullOrWhiteSpace(name) ? "" : ", OpenBLAS kernels " + name.Trim();
            }
        }
        return "";
    }

    private List<string> Resolve(List<nint> handles)
    {
        var missing = new List<string>();
        nint Find(string symbol)
        {
            foreach (var handle in handles)
            {
                if (NativeLibrary.TryGetExport(handle, symbol, out var address))
                {
                    return address;
                }
            }
            missing.Add(symbol);
            return 0;
        }
        Dgemm = (delegate* unmanaged<byte*, byte*, int*, int*, int*, double*, double*, int*, double*, int*, double*, double*, int*, nint, nint, void>)Find("dgemm_");
        Dsyrk = (delegate* unmanaged<byte*, byte*, int*, int*, double*, double*, int*, double*, double*, int*, nint, nint, void>)Find("dsyrk_");
        Dpotrf = (delegate* unmanaged<byte*, int*, double*, int*, int*, nint, void>)Find("dpotrf_");
        Dpotrs = (delegate* unmanaged<byte*, int*, int*, double*, int*, double*, int*, int*, nint, void>)Find("dpotrs_");
        Dgeqrf = (delegate* unmanaged<int*, int*, double*, int*, double*, double*, int*, int*, void>)Find("dgeqrf_");
        Dormqr = (delegate* unmanaged<byte*, byte*, int*, int*, int*, double*, int*, double*, double*, int*, double*, int*, int*, nint, nint, void>)Find("dormqr_");
        Dtrtrs = (delegate* unmanaged<byte*, byte*, byte*, int*, int*, double*, int*, double*, int*, int*, nint, nint, nint, void>)Find("dtrtrs_");
        Dgesdd = (delegate* unmanaged<byte*, int*, int*, double*, int*, double*, double*, int*, double*, int*, double*, int*, int*, int*, nint, void>)Find("dgesdd_");
        Dsyevd = (delegate* unmanaged<byte*, byte*, int*, double*, int*, double*, double*, int*, int*, int*, int*, nint, nint, void>)Find("dsyevd_");
        Dgelsy = (delegate* unmanaged<int*, int*, int*, double*, int*, double*, int*, int*, double*, int*, double*, int*, int*, void>)Find("dgelsy_");
        return missing;
    }
}
