namespace Ace.Core.Dynamics;

/// <summary>The energies of one logged step of a molecular dynamics run.</summary>
/// <param name="Step">The step number (0 is the starting geometry).</param>
/// <param name="Time">The simulated time in fs.</param>
/// <param name="PotentialEnergy">The potential energy in eV.</param>
/// <param name="KineticEnergy">The kinetic energy in eV.</param>
/// <param name="Temperature">The kinetic temperature in K (over the integrator's degrees of freedom).</param>
public sealed record DynamicsFrame(int Step, double Time, double PotentialEnergy, double KineticEnergy, double Temperature)
{
    /// <summary>The total energy (potential plus kinetic) in eV; conserved by NVE up to the integration error.</summary>
    public double TotalEnergy => PotentialEnergy + KineticEnergy;
}
