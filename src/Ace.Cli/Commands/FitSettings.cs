using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ace.Cli.Commands;

/// <summary>The command line of `ace fit`.</summary>
internal sealed class FitSettings : CommandSettings
{
    /// <summary>The YAML config (see docs/cli.md; `ace init` writes a commented template).</summary>
    [CommandArgument(0, "<config>")]
    [Description("the YAML fit config (`ace init fit.yaml` writes a commented template)")]
    public string Config { get; init; } = "";
}
