using Orleans.TestingHost;

namespace Ace.Core.Cluster.Tests;

/// <summary>Test silos are assembly workers on one thread each (three share the machine's cores).</summary>
public sealed class WorkerConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddAceWorker(new WorkerOptions { Threads = 1 });
}
