using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Ace.Cli.Config;

namespace Ace.Cli.Tests;

public class ClusterConfigReaderTests : TemporaryFolderTest
{
    [Test]
    public void The_defaults_are_a_loopback_cluster_without_open_ports()
    {
        var c = ClusterConfigReader.Parse("cluster_id: dev\nshared_path: data\ncheckpoint: cp\n", "/tmp/cl/cluster.yaml");
        Assert.That(c.Network.ClusterId, Is.EqualTo("dev"));
        Assert.That(c.Network.Address, Is.EqualTo(IPAddress.Loopback));
        Assert.That(c.Network.GatewayEndpoints, Is.EqualTo(new[] { new IPEndPoint(IPAddress.Loopback, 30000) }));
        Assert.That(c.SharedPath, Is.EqualTo("/tmp/cl/data"));
        Assert.That(c.CheckpointDirectory, Is.EqualTo("/tmp/cl/cp"));
        Assert.That(c.Network.Certificate, Is.Null);
        Assert.That(c.AtomsPerShard, Is.EqualTo(20000));
    }

    [Test]
    public void A_network_address_without_tls_is_refused_unless_explicitly_insecure()
    {
        var e = Assert.Throws<ConfigException>(() => ClusterConfigReader.Parse("address: 10.1.2.3\n", "c.yaml"))!;
        Assert.That(e.Message, Does.Contain("10.1.2.3").And.Contain("not a loopback address").And.Contain("tls.certificate"));
        Assert.That(() => ClusterConfigReader.Parse("gateways: [10.1.2.3:30000]\n", "c.yaml"), Throws.TypeOf<ConfigException>());
        var insecure = ClusterConfigReader.Parse("address: 10.1.2.3\ninsecure_network: true\n", "c.yaml");
        Assert.That(insecure.Network.InsecureNetwork, Is.True);
    }

    [Test]
    public void A_pfx_certificate_with_its_key_enables_tls_off_loopback()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=ace-cluster", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        File.WriteAllBytes(Path.Combine(Folder, "cluster.pfx"), certificate.Export(X509ContentType.Pfx, "secret"));
        Environment.SetEnvironmentVariable("ACE_TEST_TLS_PASSWORD", "secret");
        var c = ClusterConfigReader.Parse("address: 10.1.2.3\ntls: {certificate: cluster.pfx, password_env: ACE_TEST_TLS_PASSWORD}\n", Path.Combine(Folder, "c.yaml"));
        Assert.That(c.Network.Certificate!.Thumbprint, Is.EqualTo(certificate.Thumbprint));
        Assert.That(c.Network.Certificate.HasPrivateKey, Is.True);
        var wrong = Assert.Throws<ConfigException>(() => ClusterConfigReader.Parse("tls: {certificate: cluster.pfx, password_env: ACE_TEST_NOT_SET}\n", Path.Combine(Folder, "c.yaml")))!;
        Assert.That(wrong.Message, Does.Contain("c.yaml:1").And.Contain("ACE_TEST_NOT_SET is not set"));
    }

    [TestCase("silo_port: 70000", "silo_port: expected a port")]
    [TestCase("primary: nowhere", "primary: expected address:port")]
    [TestCase("address: localhost-ish", "address: expected an IP address")]
    [TestCase("threads: -2", "threads: must be 0")]
    [TestCase("shards: 3", "unknown key 'shards'")]
    public void Bad_keys_are_reported_with_file_line_and_key(string line, string message)
    {
        var e = Assert.Throws<ConfigException>(() => ClusterConfigReader.Parse("cluster_id: x\n" + line + "\n", "c.yaml"))!;
        Assert.That(e.Message, Does.StartWith("c.yaml:2: ").And.Contain(message));
    }
}
