namespace Ace.Core.Architecture.Tests;

/// <summary>Names that fight the compiler: a type named like a namespace segment shadows or is shadowed by it.</summary>
public class NamingTests
{
    [Test]
    public void NoTypeSharesItsNameWithANamespaceSegment()
    {
        var types = SourceAssemblies.All.SelectMany(a => a.GetTypes())
            .Where(t => !t.Name.Contains('<', StringComparison.Ordinal) && t.Namespace is not null).ToList();
        var segments = types.SelectMany(t => t.Namespace!.Split('.')).ToHashSet(StringComparer.Ordinal);
        var clashes = types.Where(t => segments.Contains(StripArity(t.Name)))
            .Select(t => $"{t.FullName} (namespace segment '{StripArity(t.Name)}')").Order(StringComparer.Ordinal).ToList();
        Assert.That(types, Has.Count.GreaterThan(100), "the src assemblies were not all loaded");
        Assert.That(clashes, Is.Empty);
    }

    /// <summary>
    /// Orleans' code generator makes the serializers and invokers of Ace.Core.Cluster's grain types public, under
    /// OrleansCodeGen.{their namespace}; they are Orleans' plumbing, not our API.
    /// </summary>
    private const string OrleansGenerated = "OrleansCodeGen.Ace.Core.";

    [Test]
    public void EveryPublicTypeLivesUnderTheAceCoreOrAceCliNamespace()
    {
        var stray = SourceAssemblies.All.SelectMany(a => a.GetExportedTypes())
            .Where(t => t.Namespace is null || !(t.Namespace.StartsWith("Ace.Core", StringComparison.Ordinal) || t.Namespace.StartsWith("Ace.Cli", StringComparison.Ordinal)
                || t.Namespace.StartsWith(OrleansGenerated, StringComparison.Ordinal)))
            .Select(t => t.FullName).ToList();
        Assert.That(stray, Is.Empty);
    }

    private static string StripArity(string name) => name.Split('`')[0];
}
