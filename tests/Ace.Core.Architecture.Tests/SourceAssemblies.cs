using System.Reflection;
using System.Xml.Linq;
using Ace.Core.TestUtilities;

namespace Ace.Core.Architecture.Tests;

/// <summary>The assemblies built from src/ (one per project) and their project files.</summary>
internal static class SourceAssemblies
{
    /// <summary>The src project names (the folder names under src/).</summary>
    public static IReadOnlyList<string> ProjectNames { get; } = Directory.GetDirectories(Path.Combine(SharedData.RepositoryRoot, "src"))
        .Where(d => File.Exists(Path.Combine(d, Path.GetFileName(d) + ".csproj")))
        .Select(Path.GetFileName).Select(n => n!).Order(StringComparer.Ordinal).ToList();

    /// <summary>Every src assembly, loaded from this test's output folder (the CLI's assembly is named "ace").</summary>
    public static IReadOnlyList<Assembly> All { get; } = ProjectNames
        .Select(name => Assembly.Load(AssemblyNameOf(name))).ToList();

    /// <summary>The assembly name a src project builds (its AssemblyName property, else the project name).</summary>
    public static string AssemblyNameOf(string project) =>
        Project(project).Descendants("AssemblyName").Select(e => e.Value).FirstOrDefault() ?? project;

    /// <summary>The src projects that <paramref name="project"/> references.</summary>
    public static IReadOnlyList<string> ProjectReferences(string project) => Project(project).Descendants("ProjectReference")
        .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/'))).ToList();

    private static XDocument Project(string project) =>
        XDocument.Load(Path.Combine(SharedData.RepositoryRoot, "src", project, project + ".csproj"));
}
