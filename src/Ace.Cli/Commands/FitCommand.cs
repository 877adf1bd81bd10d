using Ace.Cli.Config;
using Ace.Cli.Output;
using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Fitting;
using Spectre.Console;

namespace Ace.Cli.Commands;

/// <summary>`ace fit config.yaml`: build the basis, fit, print the errors and save the potential.</summary>
internal static class FitCommand
{
    public static int Run(CliArguments args, IAnsiConsole console)
    {
        args.Finish(1, 1);
        var config = FitConfigReader.Read(args.Positional[0]);
        var builder = Core.Ace.Basis([.. config.Elements]).Cutoff(config.Cutoff)
            .Radial(config.R0, config.P, config.Q, config.PIn, config.PCut).TotalDegree([.. config.Degrees]);
        if (config.AngularWeight is { } w)
        {
            builder = builder.AngularWeight(new Rational((int)Math.Round(w * 1000), 1000));
        }
        if (config.Purify)
        {
            builder = builder.Purify();
        }
        var basis = builder.Build();
        var options = new ExtendedXyzOptions { EnergyKey = config.EnergyKey, ForcesKey = config.ForcesKey };
        var train = ExtendedXyz.ReadAll(config.TrainPath, options);
        var validation = config.ValidationPath is null ? null : ExtendedXyz.ReadAll(config.ValidationPath, options);
        console.MarkupLineInterpolated($"basis: {basis.FunctionCount} functions, body order up to {basis.MaxCorrelationOrder + 1}; training on {train.Count} structures");
        var fit = Core.Ace.Fit(basis)
            .ReferenceEnergies([.. config.ReferenceEnergies.Select(p => (p.Key, p.Value))])
            .Weights(config.Weights.Energy, config.Weights.Forces, config.Weights.Virial)
            .Solver(SolverFactory.Create(config.Solver, config.Regularisation));
        foreach (var (type, tw) in config.ConfigTypeWeights)
        {
            fit = fit.Weights(type, tw.Energy, tw.Forces, tw.Virial);
        }
        FitResult? result = null;
        console.Progress().Start(ctx =>
        {
            var task = ctx.AddTask("assembling", maxValue: train.Count);
            result = fit.Progress(new Progress<AssemblyProgress>(p => task.Value = Math.Max(task.Value, p.StructuresDone))).Run(train);
            task.Value = train.Count;
        });
        console.Write(Tables.Errors(result!.Errors(train), "training errors"));
        if (validation is not null)
        {
            console.Write(Tables.Errors(result.Errors(validation), "validation errors"));
        }
        result.Potential.Save(config.OutputPath);
        console.MarkupLineInterpolated($"saved [green]{config.OutputPath}[/]");
        return 0;
    }
}
