using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace Ace.Core.Cluster;

/// <summary>
/// How workers and the coordinator find and reach each other: the cluster's name, the address and ports a worker
/// binds to and advertises (loopback by default), the primary worker whose membership table the others join
/// (Orleans' development clustering: no database needed), the gateways the coordinator connects to, and the cluster's
/// TLS certificate. Every connection between the processes is mutually authenticated TLS with that one certificate:
/// a process must hold its private key to join or to connect (see docs/cluster.md). Only loopback may go without TLS,
/// unless <see cref="InsecureNetwork"/> explicitly allows it.
/// </summary>
public sealed record ClusterNetwork
{
    /// <summary>The cluster's name (Orleans ClusterId and ServiceId); processes of other clusters are refused.</summary>
    public string ClusterId { get; init; } = "ace";

    /// <summary>The address a worker binds to and advertises.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The worker's port for other workers.</summary>
    public int SiloPort { get; init; } = 11111;

    /// <summary>The worker's port for the coordinator.</summary>
    public int GatewayPort { get; init; } = 30000;

    /// <summary>The primary worker's silo endpoint (null: this worker's own, i.e. it is the primary).</summary>
    public IPEndPoint? Primary { get; init; }

    /// <summary>The worker gateways the coordinator connects to (empty: loopback at <see cref="GatewayPort"/>).</summary>
    public IReadOnlyList<IPEndPoint> Gateways { get; init; } = [];

    /// <summary>The cluster's certificate with its private key (null: no TLS, allowed on loopback only).</summary>
    public X509Certificate2? Certificate { get; init; }

    /// <summary>True lets workers listen on a non-loopback address without TLS (a network you trust completely).</summary>
    public bool InsecureNetwork { get; init; }

    /// <summary>The primary's endpoint: <see cref="Primary"/> or this worker's own.</summary>
    public IPEndPoint PrimaryEndpoint => Primary ?? new IPEndPoint(Address, SiloPort);

    /// <summary>The gateways the coordinator uses.</summary>
    public IPEndPoint[] GatewayEndpoints => Gateways.Count > 0 ? [.. Gateways] : [new IPEndPoint(IPAddress.Loopback, GatewayPort)];

    /// <summary>Throws unless the settings are safe: a non-loopback endpoint needs TLS (or an explicit <see cref="InsecureNetwork"/>).</summary>
    /// <exception cref="InvalidOperationException">An endpoint would be open on the network without authentication; the message says which.</exception>
    public void RequireSafe()
    {
        if (Certificate is not null || InsecureNetwork)
        {
            if (Certificate is { HasPrivateKey: false })
            {
                throw new InvalidOperationException("the cluster certificate has no private key: every worker and the coordinator need the certificate with its key (a .pfx)");
            }
            return;
        }
        var open = new[] { new IPEndPoint(Address, SiloPort) }.Concat(Primary is null ? [] : [Primary]).Concat(Gateways)
            .FirstOrDefault(e => !IPAddress.IsLoopback(e.Address));
        if (open is not null)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{open} is not a loopback address, and the cluster has no TLS certificate: give one (tls.certificate) so that only holders of its key can join, or set insecure_network: true for a network you trust completely"));
        }
    }
}
