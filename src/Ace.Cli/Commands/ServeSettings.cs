using System.ComponentModel;
using Ace.Core.Ipi;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ace.Cli.Commands;

/// <summary>The command line of `ace serve`.</summary>
internal sealed class ServeSettings : CommandSettings
{
    /// <summary>The saved potential.</summary>
    [CommandArgument(0, "<potential>")]
    [Description("the saved potential (JSON, as ace fit writes it)")]
    public string Potential { get; init; } = "";

    /// <summary>The i-PI server's address.</summary>
    [CommandOption("--connect <ADDRESS>")]
    [Description("the i-PI server (i-PI, ASE's SocketIOCalculator): unix:NAME (socket /tmp/ipi_NAME) or HOST:PORT")]
    public string Connect { get; init; } = "";

    /// <summary>The template structure: elements, atom order, periodicity.</summary>
    [CommandOption("--structure <FILE>")]
    [Description("extended XYZ with the server's atoms in its order: the elements and periodicity the protocol does not send")]
    public string Structure { get; init; } = "";

    /// <summary>How long to keep trying to connect, in seconds.</summary>
    [CommandOption("--timeout <SECONDS>")]
    [Description("how long to keep trying to connect while the server starts, in seconds")]
    [DefaultValue(60.0)]
    public double Timeout { get; init; } = 60.0;

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (string.IsNullOrEmpty(Connect))
        {
            return ValidationResult.Error("--connect ADDRESS is required (unix:NAME or HOST:PORT)");
        }
        if (string.IsNullOrEmpty(Structure))
        {
            return ValidationResult.Error("--structure FILE is required (the elements and atom order of the server's system)");
        }
        try
        {
            IpiAddress.Parse(Connect);
        }
        catch (FormatException e)
        {
            return ValidationResult.Error("--connect: " + e.Message);
        }
        return Timeout >= 0 && double.IsFinite(Timeout) ? ValidationResult.Success() : ValidationResult.Error($"--timeout must be non-negative, got {Timeout}");
    }
}
