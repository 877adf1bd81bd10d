using System.Reflection;
using Ace.Cli.Commands;
using Spectre.Console.Cli;

namespace Ace.Cli.Tests;

/// <summary>`ace --version`, `ace --help` and every command's `--help` / `-h`.</summary>
public class HelpAndVersionTests
{
    /// <summary>Every command of the tool and its settings.</summary>
    private static readonly (string Name, Type Settings)[] Commands =
    [
        ("fit", typeof(FitSettings)), ("init", typeof(InitSettings)), ("eval", typeof(EvalSettings)),
        ("export", typeof(ExportSettings)), ("dimer", typeof(DimerSettings)), ("study", typeof(StudySettings)),
        ("md", typeof(MdSettings)), ("serve", typeof(ServeSettings)), ("info", typeof(InfoSettings)), ("report", typeof(ReportSettings)),
        ("activeset", typeof(ActiveSetSettings)), ("select", typeof(SelectSettings)), ("worker", typeof(WorkerSettings)),
    ];

    private static IEnumerable<string> CommandNames => Commands.Select(c => c.Name);

    [Test]
    public void TheListCoversEveryCommandOfTheTool()
    {
        var settings = typeof(Program).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(ICommand).IsAssignableFrom(t))
            .Select(t => t.BaseType!.GetGenericArguments().Single());
        Assert.That(settings, Is.EquivalentTo(Commands.Select(c => c.Settings)));
        var (code, output) = CliRunner.Run("--help");
        Assert.That(code, Is.Zero, output);
        foreach (var (name, _) in Commands)
        {
            Assert.That(output, Does.Match($@"\n\s+{name}\b"), $"ace --help lists {name}");
        }
    }

    [Test]
    public void VersionPrintsTheAssemblyVersionAndExitsZero()
    {
        foreach (var flag in new[] { "--version", "-v" })
        {
            var (code, output) = CliRunner.Run(flag);
            Assert.That(code, Is.Zero, output);
            Assert.That(output.Trim(), Is.EqualTo(Program.Version));
            Assert.That(output, Does.StartWith("0.1.0"), "the Version of Directory.Build.props");
        }
    }

    [TestCaseSource(nameof(CommandNames))]
    public void HelpOfEachCommandExitsZeroAndDescribesEveryOptionAndArgument(string command)
    {
        var settings = Commands.Single(c => c.Name == command).Settings;
        foreach (var flag in new[] { "--help", "-h" })
        {
            var (code, output) = CliRunner.Run(command, flag);
            Assert.That(code, Is.Zero, output);
            Assert.That(output, Does.Contain($"ace {command}"), "the usage line");
            foreach (var property in settings.GetProperties())
            {
                var description = property.GetCustomAttribute<System.ComponentModel.DescriptionAttribute>()?.Description;
                if (property.GetCustomAttribute<CommandOptionAttribute>() is { } option)
                {
                    Assert.That(description, Is.Not.Null.And.Not.Empty, $"{command} --{option.LongNames[0]} has a description");
                    Assert.That(output, Does.Contain($"--{option.LongNames[0]}"), $"{command} {flag}");
                    Assert.That(output, Does.Contain(description), $"{command} {flag}: --{option.LongNames[0]}");
                }
                else if (property.GetCustomAttribute<CommandArgumentAttribute>() is { } argument)
                {
                    Assert.That(description, Is.Not.Null.And.Not.Empty, $"{command} <{argument.ValueName}> has a description");
                    Assert.That(output, Does.Contain($"<{argument.ValueName}>").And.Contain(description), $"{command} {flag}");
                }
            }
        }
    }

    [Test]
    public void HelpWordAndNoArgumentsShowTheCommands()
    {
        var (code, output) = CliRunner.Run("help");
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("USAGE:").And.Contain("fit <config>").And.Contain("--version"));
        Assert.That(output, Does.Contain("DOCS: https://github.com/ace-core/Ace.Core/tree/main/docs"), "the help links the docs");
        (code, output) = CliRunner.Run("help", "dimer");
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("--points <N>"));
        (code, output) = CliRunner.Run();
        Assert.That(code, Is.EqualTo(2), "no command is a wrong command line");
        Assert.That(output, Does.Contain("fit <config>").And.Contain("study"));
    }
}
