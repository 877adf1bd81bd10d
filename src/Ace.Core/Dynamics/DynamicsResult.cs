using Ace.Core.Atoms;
using Ace.Core.Primitives;

namespace Ace.Core.Dynamics;

/// <summary>What a molecular dynamics run produced.</summary>
/// <param name="Integrator">The integrator and its settings.</param>
/// <param name="Frames">The logged steps, step 0 (the start) first and the last step run always included.</param>
/// <param name="Final">The last geometry, with the potential's energy and forces as its reference data.</param>
/// <param name="FinalVelocities">The velocities after the last step in Angstrom/fs.</param>
/// <param name="StepsRun">The number of steps integrated.</param>
/// <param name="StopReason">Why the run ended before its step count (from a stop condition), or null.</param>
/// <param name="NeighbourSearches">How many neighbour searches ran (the rest reused the skin list).</param>
/// <param name="Elapsed">The wall-clock time of the run.</param>
public sealed record DynamicsResult(
    DynamicsIntegrator Integrator,
    IReadOnlyList<DynamicsFrame> Frames,
    Structure Final,
    IReadOnlyList<Vec3> FinalVelocities,
    int StepsRun,
    string? StopReason,
    int NeighbourSearches,
    TimeSpan Elapsed)
{
    /// <summary>The number of atoms.</summary>
    public int AtomCount => Final.AtomCount;

    /// <summary>(last total energy - first total energy) / atoms in eV/atom, over the logged frames.</summary>
    public double EnergyDriftPerAtom => (Frames[^1].TotalEnergy - Frames[0].TotalEnergy) / AtomCount;

    /// <summary>The largest |total energy - first total energy| / atoms over the logged frames, in eV/atom.</summary>
    public double MaxEnergyDeviationPerAtom => Frames.Max(f => Math.Abs(f.TotalEnergy - Frames[0].TotalEnergy)) / AtomCount;

    /// <summary>The mean temperature over the logged frames after step 0, in K (the start's when none follow).</summary>
    public double MeanTemperature => Frames.Count > 1 ? Frames.Skip(1).Average(f => f.Temperature) : Frames[0].Temperature;

    /// <summary>Integrated steps per second of wall-clock time.</summary>
    public double StepsPerSecond => Elapsed.TotalSeconds > 0 ? StepsRun / Elapsed.TotalSeconds : 0;
}
