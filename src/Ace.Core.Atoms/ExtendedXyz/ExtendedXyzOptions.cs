namespace Ace.Core.Atoms;

/// <summary>
/// Which extended XYZ keys carry the reference data. The defaults follow ASE and the shared data sets
/// (energy=..., forces:R:3 or force:R:3 columns, virial="...", stress="...", config_type=...).
/// </summary>
public sealed record ExtendedXyzOptions
{
    /// <summary>The default options.</summary>
    public static ExtendedXyzOptions Default { get; } = new();

    /// <summary>The header key of the total energy in eV.</summary>
    public string EnergyKey { get; init; } = "energy";

    /// <summary>
    /// The per-atom column of the forces in eV/Angstrom; null accepts "forces" or "force" when reading (preferring
    /// "forces" if both exist) and writes "forces".
    /// </summary>
    public string? ForcesKey { get; init; }

    /// <summary>The header key of the virial in eV (9 numbers row-major, or 6 in Voigt order xx yy zz yz xz xy).</summary>
    public string VirialKey { get; init; } = "virial";

    /// <summary>
    /// The header key of the stress in eV/Angstrom^3, converted on reading to virial = -stress * volume when no
    /// virial is given (a stress beside a virial is kept in <see cref="Structure.Info"/>).
    /// </summary>
    public string StressKey { get; init; } = "stress";

    /// <summary>The header key of the configuration label.</summary>
    public string ConfigTypeKey { get; init; } = "config_type";

    /// <summary>
    /// Reading rejects a frame with two atoms (or an atom and a periodic image) closer than this many Angstrom, naming
    /// the pair, the frame and the line (default <see cref="Structure.DefaultMinimumSeparation"/>; 0 turns the check off,
    /// leaving only the constructor's <see cref="Structure.MinimumSeparation"/>).
    /// </summary>
    public double MinimumSeparation { get; init; } = Structure.DefaultMinimumSeparation;

    /// <summary>The forces column written: <see cref="ForcesKey"/> or "forces".</summary>
    internal string ForcesKeyForWriting => ForcesKey ?? "forces";
}
