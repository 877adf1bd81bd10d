using Ace.Core.Atoms;
using Ace.Core.Potentials;
using Ace.Core.Primitives;

namespace Ace.Core.Dynamics;

/// <summary>The state after one step, as a stop condition (<see cref="DynamicsBuilder.StopWhen"/>) sees it.</summary>
/// <param name="Step">The step number.</param>
/// <param name="Time">The simulated time in fs.</param>
/// <param name="Structure">The geometry (positions not wrapped into the cell).</param>
/// <param name="Evaluation">The potential's energy, forces and virial at this geometry.</param>
/// <param name="Velocities">The velocities in Angstrom/fs (a copy).</param>
/// <param name="KineticEnergy">The kinetic energy in eV.</param>
/// <param name="Temperature">The kinetic temperature in K.</param>
public sealed record DynamicsSnapshot(
    int Step,
    double Time,
    Structure Structure,
    PotentialEvaluation Evaluation,
    IReadOnlyList<Vec3> Velocities,
    double KineticEnergy,
    double Temperature);
