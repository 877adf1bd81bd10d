using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Ace.Core.Cluster;

namespace Ace.Cli.Config;

/// <summary>Reads a cluster config (docs/cluster.md), reporting every problem with its file, line and key.</summary>
internal static class ClusterConfigReader
{
    /// <summary>The top-level keys.</summary>
    public static readonly string[] TopKeys =
        ["cluster_id", "address", "silo_port", "gateway_port", "primary", "gateways", "shared_path", "checkpoint", "threads", "atoms_per_shard", "stall_seconds", "shards_per_worker", "lookahead_per_worker", "tls", "insecure_network"];

    /// <summary>The keys of `tls:`.</summary>
    public static readonly string[] TlsKeys = ["certificate", "password_env"];

    /// <summary>Reads the cluster config at <paramref name="path"/>; relative paths in it are relative to its folder.</summary>
    /// <exception cref="ConfigException">The file is missing or wrong, or its settings would open an unauthenticated endpoint.</exception>
    public static ClusterConfig Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new ConfigException($"{path}: the cluster config file does not exist");
        }
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses cluster config <paramref name="text"/>; <paramref name="path"/> names it and anchors relative paths.</summary>
    /// <exception cref="ConfigException">The config is wrong; the message names the file, line and key.</exception>
    public static ClusterConfig Parse(string text, string path)
    {
        var top = new ConfigSection(path, ConfigSection.LoadRoot(text, path, "address, primary, gateways, shared_path, tls, ..."), "", TopKeys);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        string? Anchored(string? p) => p is null ? null : Path.GetFullPath(Path.Combine(folder, p));
        var address = top.String("address", false) is { } a ? ParseAddress(top, "address", a) : IPAddress.Loopback;
        int siloPort = Port(top, "silo_port") ?? 11111;
        int gatewayPort = Port(top, "gateway_port") ?? 30000;
        var primary = top.String("primary", false) is { } p ? ParseEndpoint(top, "primary", p) : null;
        var gateways = top.StringList("gateways", false)?.Select(g => ParseEndpoint(top, "gateways", g)).ToList() ?? [];
        var certificate = top.Child("tls", TlsKeys) is { } tls ? Certificate(tls, Anchored) : null;
        var network = new ClusterNetwork
        {
            ClusterId = top.String("cluster_id", false) ?? "ace",
            Address = address,
            SiloPort = siloPort,
            GatewayPort = gatewayPort,
            Primary = primary,
            Gateways = gateways,
            Certificate = certificate,
            InsecureNetwork = top.Bool("insecure_network") ?? false,
        };
        try
        {
            network.RequireSafe();
        }
        catch (InvalidOperationException e)
        {
            throw new ConfigException($"{path}: {e.Message}");
        }
        int threads = top.Integer("threads", false) ?? 0;
        if (threads < 0)
        {
            throw top.Error("threads", "must be 0 (all cores) or positive");
        }
        double atoms = top.Number("atoms_per_shard", false, positive: true) ?? 20000;
        double stall = top.Number("stall_seconds", false, positive: true) ?? 300;
        int perWorker = top.Integer("shards_per_worker", false) ?? 2;
        int lookahead = top.Integer("lookahead_per_worker", false) ?? 2;
        if (perWorker < 1)
        {
            throw top.Error("shards_per_worker", "must be at least 1");
        }
        if (lookahead < 1)
        {
            throw top.Error("lookahead_per_worker", "must be at least 1");
        }
        return new ClusterConfig(network, Anchored(top.String("shared_path", false)), Anchored(top.String("checkpoint", false)),
            threads, (long)Math.Max(1, atoms), stall, perWorker, lookahead);
    }

    private static int? Port(ConfigSection s, string key)
    {
        var port = s.Integer(key, false);
        return port is null or (> 0 and < 65536) ? port : throw s.Error(key, $"expected a port 1 .. 65535, got {port}");
    }

    private static IPAddress ParseAddress(ConfigSection s, string key, string text) =>
        IPAddress.TryParse(text, out var address) ? address : throw s.Error(key, $"expected an IP address (e.g. 127.0.0.1 or 10.0.0.5), got '{text}'");

    private static IPEndPoint ParseEndpoint(ConfigSection s, string key, string text) =>
        IPEndPoint.TryParse(text, out var endpoint) && endpoint.Port > 0
            ? endpoint
            : throw s.Error(key, $"expected address:port (e.g. 10.0.0.5:11111), got '{text}'");

    private static X509Certificate2 Certificate(ConfigSection tls, Func<string?, string?> anchored)
    {
        var file = anchored(tls.String("certificate", true))!;
        var variable = tls.String("password_env", false);
        var password = variable is null ? null : Environment.GetEnvironmentVariable(variable)
            ?? throw tls.Error("password_env", $"the environment variable {variable} is not set");
        if (!File.Exists(file))
        {
            throw tls.Error("certificate", $"the certificate file {file} does not exist");
        }
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(file, password);
            return certificate.HasPrivateKey ? certificate : throw tls.Error("certificate", $"{file} holds no private key (a .pfx with the key is needed)");
        }
        catch (CryptographicException e)
        {
            throw tls.Error("certificate", string.Create(CultureInfo.InvariantCulture, $"cannot read {file} as a PKCS#12 (.pfx) file: {e.Message}"));
        }
    }
}
