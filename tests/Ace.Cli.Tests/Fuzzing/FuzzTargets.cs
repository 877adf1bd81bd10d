using System.Text;
using Ace.Cli.Config;
using Ace.Core.Atoms;
using Ace.Core.Interop.Yace;
using Ace.Core.Serialization;

namespace Ace.Cli.Tests.Fuzzing;

/// <summary>
/// The parsers under fuzzing, each as one call on raw bytes: the parser's documented exception (docs/errors.md:
/// <see cref="ExtendedXyzException"/>, <see cref="PotentialFormatException"/>, <see cref="ConfigException"/>) is a
/// correct answer; any other exception is a finding. The same targets serve the
/// in-process mutation run of <see cref="FuzzTests"/> and SharpFuzz's libFuzzer/AFL drivers (docs/fuzzing.md).
/// </summary>
public static class FuzzTargets
{
    /// <summary>The targets by name; "yace" reads the document and builds the evaluator (which checks its consistency).</summary>
    public static IReadOnlyDictionary<string, (Action<byte[]> Parse, Type Documented)> All { get; } = new Dictionary<string, (Action<byte[]>, Type)>(StringComparer.Ordinal)
    {
        ["xyz"] = (bytes => ExtendedXyz.ParseText(Text(bytes), sourceName: "fuzz.xyz"), typeof(ExtendedXyzException)),
        ["potential"] = (bytes => PotentialSerializer.FromJson(Text(bytes)), typeof(PotentialFormatException)),
        ["config"] = (bytes => FitConfigReader.Parse(Text(bytes), "/fuzz/fit.yaml"), typeof(ConfigException)),
        ["cluster"] = (bytes => ClusterConfigReader.Parse(Text(bytes), "/fuzz/cluster.yaml"), typeof(ConfigException)),
        ["yace"] = (bytes => _ = new YacePotential(YaceReader.Parse(Text(bytes), "fuzz.yace"), "fuzz.yace"), typeof(PotentialFormatException)),
    };

    /// <summary>Runs <paramref name="target"/> on <paramref name="input"/>; returns null when it succeeded or failed as documented, else the unexpected exception.</summary>
    public static Exception? Check(string target, byte[] input)
    {
        var (parse, documented) = All[target];
        try
        {
            parse(input);
            return null;
        }
        catch (Exception e)
        {
            return documented.IsInstanceOfType(e) ? null : e;
        }
    }

    /// <summary>The entry a SharpFuzz driver calls: runs the target and lets an undocumented exception escape (the crash libFuzzer/AFL record).</summary>
    public static void Run(string target, ReadOnlySpan<byte> input)
    {
        if (Check(target, input.ToArray()) is { } finding)
        {
            throw new InvalidOperationException($"fuzz target {target}: undocumented {finding.GetType().Name}", finding);
        }
    }

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
