using Ace.Core;
using Ace.Cli.Output;
using Ace.Core.Errors;
using Ace.Core.Potentials;
using Spectre.Console;

namespace Ace.Cli.Commands;

/// <summary>`ace eval potential.json data.xyz`: the error table of a saved potential on a data file.</summary>
internal static class EvalCommand
{
    public static int Run(CliArguments args, IAnsiConsole console)
    {
        args.Finish(2, 2);
        var potential = LinearAcePotential.Load(args.Positional[0]);
        var data = LinearAce.Read(args.Positional[1]);
        console.Write(Tables.Errors(ErrorTable.Compute(potential, data), $"{args.Positional[0]} on {args.Positional[1]}"));
        return 0;
    }
}
