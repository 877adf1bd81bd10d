using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ace.Cli.Commands;

/// <summary>The command line of `ace init`.</summary>
internal sealed class InitSettings : CommandSettings
{
    /// <summary>Where to write the template config.</summary>
    [CommandArgument(0, "<config>")]
    [Description("where to write the template config, e.g. fit.yaml")]
    public string Config { get; init; } = "";

    /// <summary>Whether an existing file may be overwritten.</summary>
    [CommandOption("-f|--force")]
    [Description("overwrite the file if it exists")]
    public bool Force { get; init; }
}
