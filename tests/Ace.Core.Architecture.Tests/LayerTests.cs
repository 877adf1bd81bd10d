using System.Runtime.CompilerServices;

namespace Ace.Core.Architecture.Tests;

/// <summary>The layers point down: each src project references only the layers below it, and grants internals only to tests.</summary>
public class LayerTests
{
    // What each layer may reference (docs/architecture.md). Solvers knows nothing of atoms or bases.
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Ace.Core.Primitives"] = [],
        ["Ace.Core.Atoms"] = ["Ace.Core.Primitives"],
        ["Ace.Core.Basis"] = ["Ace.Core.Primitives"],
        ["Ace.Core.Solvers"] = [],
        ["Ace.Core"] = ["Ace.Core.Primitives", "Ace.Core.Atoms", "Ace.Core.Basis", "Ace.Core.Solvers"],
        ["Ace.Core.Studies"] = ["Ace.Core"],
        ["Ace.Core.Cluster"] = ["Ace.Core"],
        ["Ace.Cli"] = ["Ace.Core.Studies", "Ace.Core.Cluster"],
    };

    [Test]
    public void EverySourceProjectHasAPlaceInTheLayerTable()
    {
        Assert.That(SourceAssemblies.ProjectNames, Is.EquivalentTo(Allowed.Keys));
    }

    [Test]
    public void ProjectReferencesPointDown()
    {
        foreach (var project in SourceAssemblies.ProjectNames)
        {
            Assert.That(SourceAssemblies.ProjectReferences(project), Is.SubsetOf(Allowed[project]), project);
        }
    }

    [Test]
    public void CompiledReferencesPointDown()
    {
        var byAssembly = SourceAssemblies.ProjectNames.ToDictionary(SourceAssemblies.AssemblyNameOf, p => p, StringComparer.Ordinal);
        foreach (var assembly in SourceAssemblies.All)
        {
            var project = byAssembly[assembly.GetName().Name!];
            var below = Closure(project);
            var used = assembly.GetReferencedAssemblies().Select(r => r.Name!).Where(byAssembly.ContainsKey).Select(n => byAssembly[n]);
            Assert.That(used, Is.SubsetOf(below), project);
        }
    }

    [Test]
    public void InternalsAreVisibleToTestsOnly()
    {
        foreach (var assembly in SourceAssemblies.All)
        {
            var friends = assembly.GetCustomAttributes(typeof(InternalsVisibleToAttribute), false)
                .Cast<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).ToList();
            Assert.That(friends, Has.All.EndsWith(".Tests"), assembly.GetName().Name);
        }
    }

    private static HashSet<string> Closure(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(Allowed[project]);
        while (stack.Count > 0)
        {
            var next = stack.Pop();
            if (seen.Add(next))
            {
                foreach (var below in Allowed[next])
                {
                    stack.Push(below);
                }
            }
        }
        return seen;
    }
}
