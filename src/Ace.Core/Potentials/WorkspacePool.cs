using System.Collections.Concurrent;
using Ace.Core.Basis;

namespace Ace.Core.Potentials;

/// <summary>A thread-safe pool of <see cref="SiteWorkspace"/>s of one basis, so repeated evaluations reuse them.</summary>
internal sealed class WorkspacePool(AceBasis basis)
{
    private readonly ConcurrentBag<SiteWorkspace> _free = [];

    public SiteWorkspace Rent() => _free.TryTake(out var ws) ? ws : basis.CreateWorkspace();

    public void Return(SiteWorkspace workspace) => _free.Add(workspace);
}
