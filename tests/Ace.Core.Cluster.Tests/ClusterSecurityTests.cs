using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ace.Core.Cluster.Tests;

/// <summary>
/// A real worker host on loopback with mutual TLS: the cluster certificate connects, any other is refused (the TLS
/// handshake fails, so the client never joins; it keeps retrying, hence the bounded wait).
/// </summary>
[NonParallelizable]
public sealed class ClusterSecurityTests
{
    private static X509Certificate2 SelfSigned(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx, "p"), "p");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Test]
    public async Task Only_holders_of_the_cluster_certificate_can_connect()
    {
        using var data = new ClusterData(clusters: 8, cells: 2);
        using var clusterCertificate = SelfSigned("ace-cluster");
        using var otherCertificate = SelfSigned("intruder");
        int siloPort = FreePort(), gatewayPort = FreePort();
        var network = new ClusterNetwork
        {
            ClusterId = "ace-tls-test",
            SiloPort = siloPort,
            GatewayPort = gatewayPort,
            Gateways = [new IPEndPoint(IPAddress.Loopback, gatewayPort)],
            Certificate = clusterCertificate,
        };
        using var worker = ClusterHosting.CreateWorkerHost(network, new WorkerOptions { Threads = 1 });
        await worker.StartAsync();
        try
        {
            using (var client = await ClusterHosting.ConnectAsync(network).WaitAsync(TimeSpan.FromSeconds(60)))
            {
                var job = ClusterJob.Create(ClusterData.Spec, data.Files, 40);
                var assembled = await new ClusterAssembler(client.Services.GetRequiredService<IClusterClient>(), job,
                    new ClusterRunOptions { PollInterval = TimeSpan.FromMilliseconds(20) }).AssembleAsync();
                var local = ClusterData.Spec.Builder().Shards(job.Plan).AssembleNormalEquations(data.ReadBack());
                Assert.That(assembled.Folds[0].Gram.ToArray(), Is.EqualTo(local.Gram.ToArray()).AsCollection, "assembled over TLS");
                await client.StopAsync();
            }
            await AssertRefused(network with { Certificate = otherCertificate }, "another certificate");
            await AssertRefused(network with { Certificate = null }, "a client without TLS");
        }
        finally
        {
            await worker.StopAsync();
        }
    }

    private static async Task AssertRefused(ClusterNetwork network, string who)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Exception? failure = null;
        try
        {
            using var client = await ClusterHosting.ConnectAsync(network).WaitAsync(TimeSpan.FromSeconds(5));
        }
#pragma warning disable CA1031 // any failure to connect is what the test wants
        catch (Exception e)
#pragma warning restore CA1031
        {
            failure = e;
        }
        TestContext.Out.WriteLine($"{who}: {failure?.GetType().Name} after {clock.Elapsed.TotalSeconds:F1} s: {failure?.Message}");
        Assert.That(failure, Is.Not.Null, $"{who} is refused");
    }

    [Test]
    public void A_worker_will_not_listen_on_a_network_address_without_tls()
    {
        var network = new ClusterNetwork { Address = IPAddress.Parse("192.0.2.10") };
        var e = Assert.Throws<InvalidOperationException>(() => ClusterHosting.CreateWorkerHost(network))!;
        Assert.That(e.Message, Does.Contain("192.0.2.10").And.Contain("no TLS certificate"));
    }
}
