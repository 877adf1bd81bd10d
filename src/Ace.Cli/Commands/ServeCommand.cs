using Ace.Core;
using Ace.Core.Ipi;
using Ace.Core.Potentials;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ace.Cli.Commands;

/// <summary>
/// `ace serve potential.json --connect unix:NAME --structure atoms.xyz`: provides energies, forces and virials to
/// an i-PI server (i-PI, or ASE's SocketIOCalculator) over the i-PI socket protocol until it sends EXIT or closes.
/// </summary>
internal sealed class ServeCommand(IAnsiConsole console) : Command<ServeSettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, ServeSettings settings, CancellationToken cancellationToken)
    {
        IPotential potential = LinearAce.LoadPotential(settings.Potential);
        var template = LinearAce.Read(settings.Structure);
        if (template.Count == 0)
        {
            throw new ArgumentException($"{settings.Structure} holds no structure");
        }
        var address = IpiAddress.Parse(settings.Connect);
        var driver = new IpiDriver(potential, template[0]);
        console.WriteLine($"connecting to the i-PI server at {address} for {template[0]}");
        var session = driver.Run(address, TimeSpan.FromSeconds(settings.Timeout), cancellationToken);
        console.WriteLine($"served {session.Evaluations} evaluations; the server {(session.EndedBy == "EXIT" ? "sent EXIT" : "closed the connection")}");
        return ExitCode.Success;
    }
}
