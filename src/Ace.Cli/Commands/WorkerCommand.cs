using Ace.Cli.Config;
using Ace.Core.Cluster;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ace.Cli.Commands;

/// <summary>
/// `ace worker --cluster CONFIG`: runs an assembly worker (an Orleans silo) in the cluster the config describes until
/// it is stopped (Ctrl+C or SIGTERM); `ace fit config.yaml --cluster CONFIG` hands it shards.
/// </summary>
internal sealed class WorkerCommand(IAnsiConsole console) : Command<WorkerSettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, WorkerSettings settings, CancellationToken cancellationToken)
    {
        var config = ClusterConfigReader.Read(settings.Cluster);
        var network = config.Network with
        {
            SiloPort = settings.SiloPort ?? config.Network.SiloPort,
            GatewayPort = settings.GatewayPort ?? config.Network.GatewayPort,
            // Without a primary in the config, the first worker (default ports) is the primary of a one-machine cluster.
            Primary = config.Network.Primary ?? new System.Net.IPEndPoint(config.Network.Address, config.Network.SiloPort),
        };
        var worker = config.Worker with { Threads = settings.Threads ?? config.Worker.Threads };
        using var host = ClusterHosting.CreateWorkerHost(network, worker);
        host.Start();
        console.WriteLine($"worker {network.Address}:{network.SiloPort} (gateway {network.GatewayPort}) in cluster '{network.ClusterId}', primary {network.PrimaryEndpoint}, {worker.Threads} threads, TLS {(network.Certificate is null ? "off (loopback)" : "on")}; stop with Ctrl+C");
        host.WaitForShutdownAsync(cancellationToken).GetAwaiter().GetResult();
        console.WriteLine("worker stopped");
        return ExitCode.Success;
    }
}
