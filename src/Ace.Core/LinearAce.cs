using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Building;
using Ace.Core.Errors;
using Ace.Core.Fitting;
using Ace.Core.Potentials;
using Ace.Core.Trust;

namespace Ace.Core;

/// <summary>
/// The entry point of the fluent API for linear ACE potentials (<c>using Ace.Core;</c>):
/// <code>
/// var basis = LinearAce.Basis("Si").Cutoff(6.0).Radial(r0: 2.2).MaxBodyOrder(5).TotalDegree(24, 20, 16, 12).Build();
/// var fit = LinearAce.Fit(basis).ReferenceEnergies(("Si", -7881.33)).Weights(energy: 50, forces: 1).Run(training);
/// double e = fit.Potential.Energy(structure);
/// </code>
/// </summary>
public static class LinearAce
{
    /// <summary>Starts describing a basis for the given elements.</summary>
    public static BasisBuilder Basis(params string[] elements) => new(elements);

    /// <summary>Starts a fit of <paramref name="basis"/>.</summary>
    public static FitBuilder Fit(AceBasis basis) => new(basis);

    /// <summary>Reads every structure of an extended XYZ file.</summary>
    public static IReadOnlyList<Structure> Read(string path, ExtendedXyzOptions? options = null) => ExtendedXyz.ReadAll(path, options);

    /// <summary>Loads a potential saved with <see cref="LinearAcePotential.Save"/>.</summary>
    public static LinearAcePotential Load(string path) => LinearAcePotential.Load(path);

    /// <summary>Starts building the extrapolation grade's active set of <paramref name="basis"/> (attach it with <see cref="LinearAcePotential.WithActiveSet"/>).</summary>
    public static ActiveSetBuilder ActiveSet(AceBasis basis) => new(basis);

    /// <summary>Starts selecting the most informative candidate structures for <paramref name="potential"/> (which needs an active set).</summary>
    public static StructureSelector Select(LinearAcePotential potential) => new(potential);

    /// <summary>The RMSE and MAE of <paramref name="potential"/> on <paramref name="structures"/>, per config_type and overall.</summary>
    public static ErrorTable Errors(IPotential potential, IEnumerable<Structure> structures) => ErrorTable.Compute(potential, structures);
}
