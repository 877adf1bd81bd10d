using System.Reflection;
using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace Ace.Cli;

/// <summary>Spectre's help, followed by where the documentation is (the repository's docs/ folder).</summary>
internal sealed class DocsHelpProvider(ICommandAppSettings settings) : HelpProvider(settings)
{
    /// <summary>The documentation's address: the package's repository URL (set at build time) and its docs/ folder.</summary>
    public static string DocsUrl { get; } =
        (typeof(DocsHelpProvider).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryUrl")?.Value ?? "https://github.com/ace-core/Ace.Core").TrimEnd('/')
        + "/tree/main/docs";

    /// <inheritdoc />
    public override IEnumerable<IRenderable> GetFooter(ICommandModel model, ICommandInfo? command) =>
    [
        .. base.GetFooter(model, command),
        new Text(Environment.NewLine),
        new Text($"DOCS: {DocsUrl} (cli.md: every command and the config; getting-started.md; api.md)"),
        new Text(Environment.NewLine),
    ];
}
