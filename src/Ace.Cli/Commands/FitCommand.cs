using Ace.Core;
using System.Globalization;
using Ace.Cli.Config;
using Ace.Cli.Output;
using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Cluster;
using Ace.Core.Errors;
using Ace.Core.Fitting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ace.Cli.Commands;

/// <summary>
/// `ace fit config.yaml`: build the basis, fit (printing the ridge-cv choice), print the errors, save the potential,
/// then cross-validate when the config asks for it.
/// </summary>
/// <remarks>
/// The CLI's fits go through the library's <see cref="FitBuilder"/> here and in <see cref="StudySetup.ConfigureFit"/>
/// only; <see cref="ConfigureSolve"/> is the one place that maps the config's solver, prior and ridge onto it.
/// </remarks>
internal sealed class FitCommand(IAnsiConsole console) : Command<FitSettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, FitSettings settings, CancellationToken cancellationToken)
    {
        var config = FitConfigReader.Read(settings.Config);
        // Outputs are checked before any work, so a fit is never lost to an unwritable output.
        foreach (var output in new[] { config.OutputPath, config.ErrorsCsvPath }.OfType<string>())
        {
            AtomicFile.ThrowIfNotWritable(output);
        }
        var builder = LinearAce.Basis([.. config.Elements]).Cutoff(config.Cutoff)
            .Radial(config.R0, config.P, config.Q, config.PIn, config.PCut).TotalDegree([.. config.Degrees]).Limits(config.Limits);
        foreach (var pair in config.PairRadials)
        {
            builder = builder.Radial(pair.ElementA, pair.ElementB,
                new TransformedJacobiRadialSpecification(pair.R0, pair.Cutoff, pair.P, pair.Q, pair.PIn, pair.PCut));
        }
        if (config.AngularWeight is { } w)
        {
            builder = builder.AngularWeight(new Rational((int)Math.Round(w * 1000), 1000));
        }
        if (config.Purify is { } purification)
        {
            builder = builder.Purify(new PurificationOptions(purification));
        }
        if (config.FitRadials is { } fitted)
        {
            builder = builder.FittedRadials(fitted.Primitives);
        }
        var basis = builder.Build();
        var options = new ExtendedXyzOptions { EnergyKey = config.EnergyKey, ForcesKey = config.ForcesKey };
        var train = ExtendedXyz.ReadAll(config.TrainPath, options);
        var validation = config.ValidationPath is null ? null : ExtendedXyz.ReadAll(config.ValidationPath, options);
        if (validation is not null)
        {
            RequireElements(validation, config.ValidationPath!, config.Elements);
        }
        console.MarkupLineInterpolated($"basis: {basis.FunctionCount} functions, body order up to {basis.MaxCorrelationOrder + 1}; training on {train.Count} structures");
        // The spec is what cluster workers assemble with; the local fit uses the same builder, so both cannot drift apart.
        var spec = AssemblySpec.Create(basis, config.ReferenceEnergies, new FitWeights(config.Weights.Energy, config.Weights.Forces, config.Weights.Virial))
            with { EnergyKey = config.EnergyKey, ForcesKey = config.ForcesKey };
        foreach (var (type, tw) in config.ConfigTypeWeights)
        {
            spec = spec.WithConfigTypeWeights(type, new FitWeights(tw.Energy, tw.Forces, tw.Virial));
        }
        var fit = ConfigureSolve(spec.Builder(), config);
        if (config.Loss is { } loss)
        {
            if (settings.Cluster is not null)
            {
                throw new UsageException("--cluster does not combine with loss: kappa (pacemaker's loss normalises the weights over the whole training set, which no worker sees)");
            }
            fit = fit.PacemakerLoss(loss.Kappa);
        }
        if (config.FitRadials is { } radials)
        {
            if (settings.Committee is not null || settings.ActiveSet || settings.Cluster is not null)
            {
                throw new UsageException("--committee, --active-set and --cluster do not combine with fit_radials (the radial fit re-assembles its rows at every step and ends with a ridge solution)");
            }
            fit = fit.FitRadials(radials.MaxIterations, validation, radials.Patience, radials.Smoothness,
                maxDuration: radials.MaxMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : null);
        }
        if (settings.Committee is { } members)
        {
            fit = fit.Committee(members, settings.CommitteeSeed);
        }
        if (settings.ActiveSet)
        {
            fit = fit.ActiveSet();
        }
        var cluster = settings.Cluster is { } clusterPath ? ClusterFit.Open(console, clusterPath, config, spec) : null;
        using var clusterScope = cluster;
        FitResult? result = null;
        if (cluster is not null)
        {
            result = fit.Solve(cluster.Assemble(fit.RunFolds), train);
        }
        else
        {
            WithProgress(console, "assembling", train.Count, progress => result = fit.Progress(progress).Run(train));
        }
        if (result!.RadialFit is { } radialFit)
        {
            var first = radialFit.Steps[0];
            var last = radialFit.Steps[^1];
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"radial fit: {last.Iteration} iterations, {last.Evaluations} evaluations, loss {first.Loss:G6} -> {last.Loss:G6}, kept step {radialFit.BestIteration} ({radialFit.StopReason})"));
        }
        if (result!.Ridge is { } ridge)
        {
            console.WriteLine(ridge.ToString());
        }
        TrustReport.Describe(console, result.Potential);
        var potential = result.Potential.WithProvenance(result.Potential.Provenance?.WithTrainingFiles(config.TrainPath));
        potential.Save(config.OutputPath);
        var tables = new List<(string Set, ErrorTable Table)> { ("training", result.Errors(train)) };
        if (validation is not null)
        {
            tables.Add(("validation", result.Errors(validation)));
        }
        foreach (var (set, table) in tables)
        {
            console.Write(Tables.Errors(table, $"{set} errors"));
        }
        console.MarkupLineInterpolated($"saved [green]{config.OutputPath}[/]");
        if (config.CrossValidationFolds is { } folds)
        {
            CrossValidationResult? cv = null;
            if (cluster is not null)
            {
                cv = fit.CrossValidate(cluster.Assemble(folds), train);
            }
            else
            {
                WithProgress(console, $"{folds}-fold cross-validation", train.Count, progress => cv = fit.Progress(progress).CrossValidate(train, folds));
            }
            WriteCrossValidation(console, cv!);
            tables.Add(("out-of-fold", cv!.Errors));
        }
        if (config.ErrorsCsvPath is { } csv)
        {
            AtomicFile.WriteAllText(csv, Tables.ErrorsCsv(tables));
            console.MarkupLineInterpolated($"errors written to [green]{csv}[/]");
        }
        if (!settings.NoReport)
        {
            WriteReport(console, settings, config, fit, potential, train, validation);
        }
        return ExitCode.Success;
    }

    /// <summary>The fit report (plots and report.md) on the training and validation sets, with the learning curve when asked.</summary>
    private static void WriteReport(IAnsiConsole console, FitSettings settings, FitConfig config, FitBuilder fit,
        Core.Potentials.LinearAcePotential potential, IReadOnlyList<Structure> train, IReadOnlyList<Structure>? validation)
    {
        var folder = settings.Report ?? Path.ChangeExtension(config.OutputPath, null) + "-report";
        var curve = settings.LearningCurve ? LearningCurve.Compute(fit, train, validation ?? train) : null;
        var sets = new List<(string, IReadOnlyList<Structure>)> { ("training", train) };
        if (validation is not null)
        {
            sets.Add(("validation", validation));
        }
        var files = FitReport.Write(folder, Path.GetFileName(config.OutputPath), potential, sets, curve);
        console.MarkupLineInterpolated($"report: [green]{Path.Combine(folder, FitReport.PageName)}[/] ({files.Count} files)");
    }

    /// <summary>Throws, naming the file, structure and atom, when a structure has an element the config does not list (checked before the fit).</summary>
    private static void RequireElements(IReadOnlyList<Structure> structures, string path, IReadOnlyList<string> elements)
    {
        for (int s = 0; s < structures.Count; s++)
        {
            foreach (var (atom, element) in structures[s].Elements.Index())
            {
                if (!elements.Contains(element.Symbol))
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"{path}: structure {s}: atom {atom} is {element}, which is not in the config's elements ({string.Join(", ", elements)})"));
                }
            }
        }
    }

    /// <summary>Sets the config's solver on <paramref name="fit"/>: the smoothness prior and the cross-validated ridge when asked for.</summary>
    private static FitBuilder ConfigureSolve(FitBuilder fit, FitConfig config)
    {
        // A prior goes with BLR (the strategy SmoothnessPrior sets up) or ridge-cv; the library refuses an explicit
        // solver together with a prior, so the solver is set only without one.
        // BLR is also the default strategy; the radial fit needs the strategy rather than an explicit solver.
        if (config.Prior is null && !(config.FitRadials is not null && config.Solver == "blr") && SolverCatalog.Find(config.Solver)!.Create is { } create)
        {
            fit = fit.Solver(create(config.Regularisation));
        }
        if (config.Prior is { } prior)
        {
            fit = fit.SmoothnessPrior(prior.P, prior.AngularWeight, prior.ScaleByColumnNorms);
        }
        if (config.RidgeFolds is { } folds)
        {
            fit = fit.RidgeByCrossValidation(folds);
        }
        return fit;
    }

    /// <summary>Runs <paramref name="work"/> under a progress bar counting assembled structures.</summary>
    private static void WithProgress(IAnsiConsole console, string description, int structures, Action<IProgress<AssemblyProgress>> work) =>
        console.Progress().Start(ctx =>
        {
            var task = ctx.AddTask(description, maxValue: structures);
            work(new Progress<AssemblyProgress>(p => task.Value = Math.Max(task.Value, p.StructuresDone)));
            task.Value = structures;
        });

    /// <summary>One line per fold (held out, training rows, held-out errors, solver) and the out-of-fold error table.</summary>
    private static void WriteCrossValidation(IAnsiConsole console, CrossValidationResult cv)
    {
        console.WriteLine($"{cv.FoldCount}-fold cross-validation (structure s in fold s mod {cv.FoldCount}):");
        foreach (var f in cv.Folds)
        {
            var ridge = f.Ridge is { } r ? string.Create(CultureInfo.InvariantCulture, $", lambda {r.Lambda:G4}") : "";
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  fold {f.Index}: {f.HeldOut.Count} held out, {f.TrainingRows} training rows, E RMSE {Tables.F(f.Errors.Overall.EnergyRmse, "F1")} meV/atom, F RMSE {Tables.F(f.Errors.Overall.ForceRmse, "F1")} meV/A{ridge}"));
        }
        console.Write(Tables.Errors(cv.Errors, $"out-of-fold errors ({cv.FoldCount}-fold cross-validation)"));
    }
}
