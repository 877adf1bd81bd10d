namespace Ace.Core.Analysis;

/// <summary>
/// Errors of a model on a set of structures: energy per atom ((E - E_ref)/N, as pacemaker and the study report) in
/// meV/atom and force components in meV/Angstrom.
/// </summary>
/// <param name="Structures">The number of structures with a reference energy.</param>
/// <param name="ForceComponents">The number of force components compared (3 per atom of structures with forces).</param>
/// <param name="EnergyRmse">The RMSE of the energy per atom, meV/atom.</param>
/// <param name="EnergyMae">The MAE of the energy per atom, meV/atom.</param>
/// <param name="ForceRmse">The RMSE of the force components, meV/Angstrom (NaN without forces).</param>
/// <param name="ForceMae">The MAE of the force components, meV/Angstrom (NaN without forces).</param>
public sealed record ErrorStatistics(int Structures, int ForceComponents, double EnergyRmse, double EnergyMae, double ForceRmse, double ForceMae);
