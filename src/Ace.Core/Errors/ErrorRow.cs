namespace Ace.Core.Errors;

/// <summary>
/// The errors of a potential on one group of structures (one config_type, or all). Energies are per atom,
/// (E_pred - E_ref) / N per structure, in meV/atom; forces are per Cartesian component in meV/Angstrom.
/// A statistic without data (no reference energies, or no forces) is NaN.
/// </summary>
/// <param name="Group">The config_type, "(none)" for structures without one, or <see cref="ErrorTable.OverallGroup"/>.</param>
/// <param name="Structures">The number of structures.</param>
/// <param name="Atoms">The number of atoms.</param>
/// <param name="EnergyRmse">RMSE of the energy per atom, meV/atom.</param>
/// <param name="EnergyMae">MAE of the energy per atom, meV/atom.</param>
/// <param name="ForceRmse">RMSE of the force components, meV/Angstrom.</param>
/// <param name="ForceMae">MAE of the force components, meV/Angstrom.</param>
public sealed record ErrorRow(string Group, int Structures, int Atoms, double EnergyRmse, double EnergyMae, double ForceRmse, double ForceMae);
