using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Building;
using Ace.Core.Dynamics;
using Ace.Core.Errors;
using Ace.Core.Fitting;
using Ace.Core.Interop.Yace;
using Ace.Core.Potentials;
using Ace.Core.Serialization;
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

    /// <summary>
    /// Loads any potential file the library reads, by its content: Ace.Core's JSON (<see cref="Load"/>) or a .yace file
    /// (ML-PACE's C-tilde format, <see cref="LoadYace"/>).
    /// </summary>
    /// <exception cref="PotentialFormatException">The file is neither, or is corrupt (the message says where).</exception>
    public static IPotential LoadPotential(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using (var reader = new StreamReader(path))
        {
            int c;
            while ((c = reader.Peek()) >= 0 && char.IsWhiteSpace((char)c))
            {
                reader.Read();
            }
            if (c == '{')
            {
                reader.Close();
                return Load(path);
            }
        }
        return LoadYace(path);
    }

    /// <summary>Loads a .yace file (pacemaker's, ACEpotentials.jl's or Ace.Core's export) as a potential evaluated in .NET.</summary>
    /// <exception cref="PotentialFormatException">The file is not a consistent .yace document (the message names line and key).</exception>
    public static YacePotential LoadYace(string path) => YacePotential.Load(path);

    /// <summary>
    /// Exports <paramref name="potential"/> as a .yace file for ML-PACE (LAMMPS `pair_style pace`), atomically; the result says
    /// which radial form was written and how fine its tables are.
    /// </summary>
    public static YaceExportResult ExportYace(LinearAcePotential potential, string path, YaceExportOptions? options = null) =>
        YaceExport.Write(potential, path, options);

    /// <summary>Starts building the extrapolation grade's active set of <paramref name="basis"/> (attach it with <see cref="LinearAcePotential.WithActiveSet"/>).</summary>
    public static ActiveSetBuilder ActiveSet(AceBasis basis) => new(basis);

    /// <summary>Starts selecting the most informative candidate structures for <paramref name="potential"/> (which needs an active set).</summary>
    public static StructureSelector Select(LinearAcePotential potential) => new(potential);

    /// <summary>The RMSE and MAE of <paramref name="potential"/> on <paramref name="structures"/>, per config_type and overall.</summary>
    public static ErrorTable Errors(IPotential potential, IEnumerable<Structure> structures) => ErrorTable.Compute(potential, structures);

    /// <summary>Starts configuring molecular dynamics with <paramref name="potential"/> (any <see cref="IPotential"/>).</summary>
    public static DynamicsBuilder Dynamics(IPotential potential) => new(potential);

    /// <summary>
    /// The structures with the predictions of <paramref name="potential"/> attached (see <see cref="Predictions"/>):
    /// keys <paramref name="prefix"/>energy, <paramref name="prefix"/>virial, <paramref name="prefix"/>stress and
    /// columns <paramref name="prefix"/>forces, <paramref name="prefix"/>energies; an empty prefix replaces the reference data.
    /// </summary>
    public static IEnumerable<Structure> Predict(IPotential potential, IEnumerable<Structure> structures, string prefix = Predictions.DefaultPrefix) =>
        Predictions.Attach(potential, structures, prefix);
}
