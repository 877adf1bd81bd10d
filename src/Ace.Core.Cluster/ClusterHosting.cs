using Microsoft.Extensions.DependencyInjection;

namespace Ace.Core.Cluster;

/// <summary>Hosting of the cluster fit's parts in Orleans.</summary>
public static class ClusterHosting
{
    /// <summary>Makes the silo an assembly worker (the shard grains and the services they use).</summary>
    public static ISiloBuilder AddAceWorker(this ISiloBuilder builder, WorkerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var worker = options ?? new WorkerOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(worker.Threads, 1, "Threads");
        builder.Services.AddSingleton(worker);
        builder.Services.AddSingleton<WorkerTemplates>();
        return builder;
    }
}
