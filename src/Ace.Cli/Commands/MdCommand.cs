using System.Globalization;
using Ace.Core;
using Ace.Core.Dynamics;
using Ace.Core.Potentials;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ace.Cli.Commands;

/// <summary>`ace md potential.json start.xyz --steps N --dt FS [--temperature K] -o traj.xyz`: molecular dynamics.</summary>
internal sealed class MdCommand(IAnsiConsole console) : Command<MdSettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, MdSettings settings, CancellationToken cancellationToken)
    {
        IPotential potential = LinearAce.LoadPotential(settings.Potential);
        var frames = LinearAce.Read(settings.Start);
        int index = settings.Frame < 0 ? frames.Count + settings.Frame : settings.Frame;
        if (index < 0 || index >= frames.Count)
        {
            throw new ArgumentException($"{settings.Start} has {frames.Count} frames; --frame {settings.Frame} is out of range");
        }
        var start = frames[index];
        var builder = LinearAce.Dynamics(potential).Seed(settings.Seed).Skin(settings.Skin);
        builder = settings.IsLangevin
            ? builder.Langevin(settings.TimeStep, settings.Temperature!.Value, settings.Friction)
            : builder.Nve(settings.TimeStep);
        if (settings.Temperature is { } t && !settings.IsLangevin)
        {
            builder.InitialTemperature(t);
        }
        if (settings.MaxGrade is { } maxGrade)
        {
            WatchGrade(builder, potential, settings.Potential, maxGrade);
        }
        int logEvery = settings.LogEvery > 0 ? settings.LogEvery : Math.Max(1, settings.Steps / 20);
        double e0 = double.NaN;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        builder.LogEvery(logEvery).OnLog(f =>
        {
            if (double.IsNaN(e0))
            {
                e0 = f.TotalEnergy;
            }
            double rate = f.Step / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"step {f.Step,8}/{settings.Steps}  t {f.Time,9:F1} fs  Epot {f.PotentialEnergy,14:F6}  Ekin {f.KineticEnergy,11:F6}  Etot {f.TotalEnergy,14:F6} eV  T {f.Temperature,8:F1} K  dE/atom {(f.TotalEnergy - e0) / start.AtomCount,10:0.00e+0}  {rate,7:F1} steps/s"));
        });
        console.WriteLine($"{start.AtomCount} atoms ({start}), {builder.Integrator}");
        var result = settings.Output is { } output
            ? builder.Run(start, settings.Steps, output, settings.Every, cancellationToken)
            : builder.Run(start, settings.Steps, cancellationToken);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"done: {result.StepsRun} steps in {result.Elapsed.TotalSeconds:F1} s ({result.StepsPerSecond:F1} steps/s), {result.NeighbourSearches} neighbour searches; " +
            $"energy drift {result.EnergyDriftPerAtom:0.000e+0} eV/atom (max deviation {result.MaxEnergyDeviationPerAtom:0.000e+0}), mean temperature {result.MeanTemperature:F1} K"));
        if (settings.Output is { } written)
        {
            console.MarkupLineInterpolated($"trajectory written to [green]{written}[/]");
        }
        if (result.StopReason is { } reason)
        {
            console.MarkupLineInterpolated($"[red]stopped[/]: {reason}");
            return ExitCode.BadInput;
        }
        return ExitCode.Success;
    }

    /// <summary>Checks the extrapolation grade after every step: one warning the first time gamma exceeds 1, a stop when it exceeds <paramref name="maxGrade"/>.</summary>
    private void WatchGrade(DynamicsBuilder builder, IPotential potential, string path, double maxGrade)
    {
        if (potential is not LinearAcePotential { ActiveSet: not null } graded)
        {
            throw new UsageException($"--max-grade needs a potential with an active set (ace fit --active-set, or ace activeset); {path} has none");
        }
        bool warned = false;
        builder.StopWhen(snapshot =>
        {
            var grades = graded.Grade(snapshot.Structure);
            if (grades.Max > 1 && !warned)
            {
                warned = true;
                console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"warning: step {snapshot.Step}: extrapolation grade {grades.Max:G4} > 1 at atom {grades.MaxAtom} (outside the training domain)"));
            }
            return grades.Max > maxGrade
                ? string.Create(CultureInfo.InvariantCulture, $"step {snapshot.Step}: extrapolation grade {grades.Max:G4} at atom {grades.MaxAtom} exceeds --max-grade {maxGrade:G4}")
                : null;
        });
    }
}
