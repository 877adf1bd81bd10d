using System.Collections.Concurrent;
using Ace.Core.Fitting;
using Ace.Core.Potentials;

namespace Ace.Core.Cluster;

/// <summary>A worker's cache of the bases of the jobs it serves, so that a job's basis is built once per worker, not once per shard.</summary>
internal sealed class WorkerTemplates
{
    private readonly ConcurrentDictionary<string, Lazy<LinearAcePotential>> _templates = new(StringComparer.Ordinal);

    /// <summary>The fit builder of <paramref name="spec"/>, over its cached basis.</summary>
    public FitBuilder Builder(AssemblySpec spec)
    {
        if (_templates.Count > 16)
        {
            _templates.Clear(); // a long-lived worker serving many jobs keeps only recent bases
        }
        var template = _templates.GetOrAdd(spec.BasisJson, json => new Lazy<LinearAcePotential>(() => spec.Template())).Value;
        return spec.Builder(template);
    }
}
