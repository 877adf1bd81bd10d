using Ace.Core.Atoms;
using BenchmarkDotNet.Attributes;

namespace Ace.Core.Benchmarks.Atoms;

/// <summary>
/// Reading carbon/Tr1k_n.xyz (1000 structures, 18,488 atoms) from ../shared/data (or ACE_SHARED_DATA).
/// Times are per structure (OperationsPerInvoke = 1000), so 1 / time is structures per second. The baseline only
/// splits the file into lines, the I/O floor. Without the data the class has no cases and is skipped.
/// </summary>
[MemoryDiagnoser]
public class ExtendedXyzReadBenchmarks
{
    private const int Structures = 1000;

    /// <summary>The data file, when present.</summary>
    [ParamsSource(nameof(Files))]
    public string File { get; set; } = "";

    /// <summary>Tr1k_n.xyz if the shared data can be found, else nothing.</summary>
    public static IEnumerable<string> Files()
    {
        var path = Locate("carbon/Tr1k_n.xyz");
        if (path is null)
        {
            Console.WriteLine("ExtendedXyzReadBenchmarks: shared data not found (set ACE_SHARED_DATA); skipped.");
            return [];
        }
        return [path];
    }

    /// <summary>Reads the lines only.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Structures)]
    public int ReadLines() => System.IO.File.ReadLines(File).Count();

    /// <summary>Parses every structure.</summary>
    [Benchmark(OperationsPerInvoke = Structures)]
    public int ReadStructures()
    {
        int atoms = 0;
        foreach (var s in ExtendedXyz.Read(File))
        {
            atoms += s.AtomCount;
        }
        return atoms;
    }

    private static string? Locate(string relative)
    {
        var env = Environment.GetEnvironmentVariable("ACE_SHARED_DATA");
        if (!string.IsNullOrEmpty(env) && System.IO.File.Exists(Path.Combine(env, relative)))
        {
            return Path.Combine(env, relative);
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Ace.Core.sln")))
            {
                var candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", relative));
                return System.IO.File.Exists(candidate) ? candidate : null;
            }
        }
        return null;
    }
}
