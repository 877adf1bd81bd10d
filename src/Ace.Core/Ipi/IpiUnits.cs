namespace Ace.Core.Ipi;

/// <summary>
/// The atomic units of the i-PI protocol (lengths in Bohr, energies in Hartree) in the library's units (CODATA 2018).
/// A peer using other constants (ASE uses CODATA 2014 by default) sees numbers that differ by about 1e-8 relative.
/// </summary>
public static class IpiUnits
{
    /// <summary>One Bohr radius in Angstrom.</summary>
    public const double BohrInAngstrom = 0.529177210903;

    /// <summary>One Hartree in eV.</summary>
    public const double HartreeInEv = 27.211386245988;
}
