using System.Diagnostics;
using Ace.Core.Atoms;
using Ace.Core.Errors;
using Ace.Core.TestUtilities;

namespace Ace.Core.Tests.Fitting;

/// <summary>The study's Si2345 fit (r_cut 6 A, r0 2.207 A, E0(Si), weights E 50 / F 1, BLR, correlation orders up to 4 with D = 24, 20, 16, 12).</summary>
[Category("SharedData")]
public class SiliconClusterFitTests
{
    public const double SiliconReferenceEnergy = -7881.32677981122;

    [Test]
    public void Si2345_fit_reaches_small_train_and_validation_errors()
    {
        var train = ExtendedXyz.ReadAll(SharedData.Require("si/Si2345_train.xyz"));
        var validation = ExtendedXyz.ReadAll(SharedData.Require("si/Si2345_val.xyz"));
        var clock = Stopwatch.StartNew();
        var basis = LinearAce.Basis("Si").Cutoff(6.0).Radial(r0: 2.20707071).MaxBodyOrder(5).TotalDegree(24, 20, 16, 12).Build();
        var buildTime = clock.Elapsed;
        var fit = LinearAce.Fit(basis).ReferenceEnergies(("Si", SiliconReferenceEnergy)).Weights(energy: 50, forces: 1).Run(train);
        ErrorTable trainErrors = fit.Errors(train), validationErrors = fit.Errors(validation);
        TestContext.Out.WriteLine($"basis {basis.FunctionCount} functions (built in {buildTime.TotalSeconds:F1} s), rows {fit.Rows}, " +
            $"assembly {fit.AssemblyTime.TotalSeconds:F1} s, solve {fit.SolveTime.TotalSeconds:F1} s ({fit.Solution.Solver})");
        TestContext.Out.WriteLine("train\n" + trainErrors);
        TestContext.Out.WriteLine("validation\n" + validationErrors);
        Assert.That(trainErrors.Overall.EnergyRmse, Is.LessThan(50), "meV/atom");
        Assert.That(validationErrors.Overall.EnergyRmse, Is.LessThan(100), "meV/atom");
        Assert.That(validationErrors.Overall.ForceRmse, Is.LessThan(1000), "meV/A");
    }
}
