using Ace.Core.Primitives;
using static Ace.Core.Basis.Tests.BasisFixtures;

namespace Ace.Core.Basis.Tests;

public class WorkspaceTests
{
    [Test]
    public void Evaluations_allocate_nothing_after_the_workspace_has_grown()
    {
        var basis = AceBasis.Build(ThreeElements());
        var ws = basis.CreateWorkspace(2);
        var (d, s) = RandomEnvironment(new Random(1), basis, 0, 24);
        var values = new double[basis.SiteFunctionCount(0)];
        var gradients = new Vec3[values.Length * d.Length];
        var model = basis.CreateEnergyModel(new double[basis.FunctionCount]);
        var forces = new Vec3[d.Length];
        void All()
        {
            basis.EvaluateSite(0, d, s, values, ws);
            basis.EvaluateSiteWithGradients(0, d, s, values, gradients, ws);
            model.EvaluateSiteEnergy(0, d, s, forces, ws);
        }
        All();
        Assert.That(ws.NeighbourCapacity, Is.GreaterThanOrEqualTo(24));
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 5; i++)
        {
            All();
        }
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void Parallel_evaluation_with_one_workspace_per_thread_matches_serial()
    {
        var basis = AceBasis.Build(SingleElement(5, 7, 6));
        var random = new Random(2);
        var sites = Enumerable.Range(0, 32).Select(_ => RandomEnvironment(random, basis, 0, 5 + random.Next(20))).ToArray();
        var serial = sites.Select(site => Values(basis, 0, site.Displacements, site.Species)).ToArray();
        var parallel = new double[sites.Length][];
        using var workspace = new ThreadLocal<SiteWorkspace>(() => basis.CreateWorkspace());
        Parallel.For(0, sites.Length, i => parallel[i] = Values(basis, 0, sites[i].Displacements, sites[i].Species, workspace.Value));
        for (int i = 0; i < sites.Length; i++)
        {
            Assert.That(parallel[i], Is.EqualTo(serial[i]));
        }
    }
}
