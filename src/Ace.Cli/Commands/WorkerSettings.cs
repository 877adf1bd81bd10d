using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ace.Cli.Commands;

/// <summary>The command line of `ace worker`.</summary>
internal sealed class WorkerSettings : CommandSettings
{
    /// <summary>The cluster config (docs/cluster.md).</summary>
    [CommandOption("--cluster <CONFIG>")]
    [Description("the cluster config (YAML, docs/cluster.md): addresses, ports, the shared data path, TLS")]
    public string Cluster { get; init; } = "";

    /// <summary>Overrides the config's silo port (several workers on one machine).</summary>
    [CommandOption("--silo-port <PORT>")]
    [Description("this worker's port for other workers (default: the config's silo_port); give each worker on one machine its own")]
    public int? SiloPort { get; init; }

    /// <summary>Overrides the config's gateway port.</summary>
    [CommandOption("--gateway-port <PORT>")]
    [Description("this worker's port for the coordinator (default: the config's gateway_port)")]
    public int? GatewayPort { get; init; }

    /// <summary>Overrides the config's threads.</summary>
    [CommandOption("--threads <N>")]
    [Description("the threads a shard's assembly uses (default: the config's threads, else all cores)")]
    public int? Threads { get; init; }

    /// <inheritdoc/>
    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Cluster) ? ValidationResult.Error("ace worker needs --cluster CONFIG")
        : Threads is < 1 ? ValidationResult.Error($"--threads must be at least 1, got {Threads}")
        : SiloPort is < 1 or > 65535 || GatewayPort is < 1 or > 65535 ? ValidationResult.Error("ports must lie in 1 .. 65535")
        : ValidationResult.Success();
}
