namespace Ace.Core.Dynamics;

/// <summary>
/// The units of molecular dynamics in the library: positions in Angstrom, time in femtoseconds, masses in unified
/// atomic mass units (amu), energies in eV, velocities in Angstrom/fs, temperatures in kelvin. Constants: CODATA 2018.
/// </summary>
public static class DynamicsUnits
{
    /// <summary>The Boltzmann constant in eV/K.</summary>
    public const double BoltzmannEvPerKelvin = 8.617333262e-5;

    /// <summary>One amu in kg.</summary>
    public const double AtomicMassUnitKilograms = 1.66053906660e-27;

    /// <summary>One eV in J.</summary>
    public const double ElectronVoltJoules = 1.602176634e-19;

    /// <summary>
    /// The kinetic energy unit amu (Angstrom/fs)^2 in eV (about 103.6427): kinetic energy in eV is
    /// 0.5 * m[amu] * v[Angstrom/fs]^2 * this.
    /// </summary>
    public const double AmuAngstromSquaredPerFemtosecondSquaredInEv = AtomicMassUnitKilograms * 1e10 / ElectronVoltJoules;

    /// <summary>The acceleration in Angstrom/fs^2 of a mass in amu under a force in eV/Angstrom.</summary>
    public static double Acceleration(double forceEvPerAngstrom, double massAmu) =>
        forceEvPerAngstrom / (massAmu * AmuAngstromSquaredPerFemtosecondSquaredInEv);

    /// <summary>The kinetic energy in eV of a mass in amu moving at a speed in Angstrom/fs.</summary>
    public static double KineticEnergy(double massAmu, double speedAngstromPerFemtosecond) =>
        0.5 * massAmu * speedAngstromPerFemtosecond * speedAngstromPerFemtosecond * AmuAngstromSquaredPerFemtosecondSquaredInEv;

    /// <summary>The temperature in K of a kinetic energy in eV shared by <paramref name="degreesOfFreedom"/> degrees of freedom.</summary>
    public static double Temperature(double kineticEnergyEv, int degreesOfFreedom) =>
        degreesOfFreedom > 0 ? 2 * kineticEnergyEv / (degreesOfFreedom * BoltzmannEvPerKelvin) : 0;

    /// <summary>The thermal speed sqrt(kB T / m) in Angstrom/fs: the standard deviation of one velocity component.</summary>
    public static double ThermalSpeed(double temperatureKelvin, double massAmu) =>
        Math.Sqrt(BoltzmannEvPerKelvin * temperatureKelvin / (massAmu * AmuAngstromSquaredPerFemtosecondSquaredInEv));
}
