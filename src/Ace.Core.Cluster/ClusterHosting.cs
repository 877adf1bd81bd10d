using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Connections.Security;

namespace Ace.Core.Cluster;

/// <summary>Hosting of the cluster fit's parts in Orleans: worker silos and the coordinator's client.</summary>
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

    /// <summary>
    /// Joins the silo to the cluster <paramref name="network"/> describes: development clustering around the primary,
    /// the endpoints bound to <see cref="ClusterNetwork.Address"/> only, and mutual TLS with the cluster certificate.
    /// </summary>
    /// <exception cref="InvalidOperationException">The settings would open an unauthenticated endpoint (<see cref="ClusterNetwork.RequireSafe"/>).</exception>
    public static ISiloBuilder UseAceCluster(this ISiloBuilder builder, ClusterNetwork network)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(network);
        network.RequireSafe();
        builder.Configure<ClusterOptions>(o => Identify(o, network));
        builder.UseDevelopmentClustering(network.PrimaryEndpoint);
        builder.ConfigureEndpoints(network.Address, network.SiloPort, network.GatewayPort, listenOnAnyHostAddress: false);
        if (network.Certificate is { } certificate)
        {
            builder.UseTls(certificate, options => RequireClusterCertificate(options, certificate));
        }
        return builder;
    }

    /// <summary>Connects the coordinator's client to the gateways of <paramref name="network"/>, with mutual TLS when it has a certificate.</summary>
    /// <exception cref="InvalidOperationException">The settings would use an unauthenticated connection off loopback.</exception>
    public static IClientBuilder UseAceCluster(this IClientBuilder builder, ClusterNetwork network)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(network);
        network.RequireSafe();
        builder.Configure<ClusterOptions>(o => Identify(o, network));
        builder.UseStaticClustering(network.GatewayEndpoints);
        if (network.Certificate is { } certificate)
        {
            builder.UseTls(certificate, options => RequireClusterCertificate(options, certificate));
        }
        return builder;
    }

    /// <summary>
    /// A host running one assembly worker silo in the cluster <paramref name="network"/> describes (start it with
    /// <c>RunAsync</c>; Orleans logs warnings and errors to the console).
    /// </summary>
    /// <exception cref="InvalidOperationException">The settings would open an unauthenticated endpoint.</exception>
    public static IHost CreateWorkerHost(ClusterNetwork network, WorkerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        network.RequireSafe();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<IHostLifetime, Microsoft.Extensions.Hosting.Internal.ConsoleLifetime>(); // Ctrl+C and SIGTERM stop the silo gracefully
        builder.UseOrleans(silo => silo.UseAceCluster(network).AddAceWorker(options));
        return builder.Build();
    }

    /// <summary>
    /// A started host whose <see cref="IClusterClient"/> (from its services) is connected to the cluster's gateways;
    /// dispose it to disconnect.
    /// </summary>
    /// <exception cref="InvalidOperationException">The settings would use an unauthenticated connection off loopback.</exception>
    public static async Task<IHost> ConnectAsync(ClusterNetwork network, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        network.RequireSafe();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client => client.UseAceCluster(network));
        var host = builder.Build();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        return host;
    }

    /// <summary>Both sides present the cluster certificate and accept only a peer presenting the same one.</summary>
    private static void RequireClusterCertificate(TlsOptions options, X509Certificate2 certificate)
    {
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.RemoteCertificateValidation = (remote, _, _) =>
            remote is not null && string.Equals(remote.Thumbprint, certificate.Thumbprint, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Both ids of an Ace cluster are the network's cluster id (silos and clients must agree on them).</summary>
    private static void Identify(ClusterOptions options, ClusterNetwork network)
    {
        options.ClusterId = network.ClusterId;
        options.ServiceId = network.ClusterId;
    }
}
