using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ace.Cli.Commands;

/// <summary>The command line of `ace info`.</summary>
internal sealed class InfoSettings : CommandSettings
{
    /// <summary>The saved potential (JSON).</summary>
    [CommandArgument(0, "<potential>")]
    [Description("the saved potential (JSON, as ace fit writes it)")]
    public string Potential { get; init; } = "";
}
