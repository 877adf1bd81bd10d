using System.Globalization;

namespace Ace.Core.Dynamics;

/// <summary>How the equations of motion are integrated: the ensemble and its time step.</summary>
/// <param name="TimeStep">The time step in fs.</param>
public abstract record DynamicsIntegrator(double TimeStep)
{
    /// <summary>The number of degrees of freedom the temperature is measured over, for <paramref name="atomCount"/> atoms.</summary>
    public abstract int DegreesOfFreedom(int atomCount);
}

/// <summary>
/// Velocity Verlet (microcanonical, NVE): v += dt/2 a; x += dt v; new forces; v += dt/2 a. It conserves the total
/// momentum, so the temperature is measured over 3N - 3 degrees of freedom.
/// </summary>
/// <param name="TimeStep">The time step in fs.</param>
public sealed record VelocityVerlet(double TimeStep) : DynamicsIntegrator(TimeStep)
{
    /// <inheritdoc/>
    public override int DegreesOfFreedom(int atomCount) => Math.Max(3 * atomCount - 3, 1);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"NVE velocity Verlet, dt {TimeStep} fs");
}

/// <summary>
/// Langevin dynamics (canonical, NVT) by the BAOAB splitting of Leimkuhler and Matthews: half kick (B), half drift
/// (A), the exact Ornstein-Uhlenbeck step v = c v + sqrt((1 - c^2) kB T / m) xi with c = exp(-friction dt) (O),
/// half drift (A), new forces, half kick (B). Noise from a seeded generator, so runs are reproducible. The thermostat
/// acts on every degree of freedom, so the temperature is measured over 3N.
/// </summary>
/// <param name="TimeStep">The time step in fs.</param>
/// <param name="Temperature">The target temperature in K.</param>
/// <param name="Friction">The friction coefficient in 1/fs (e.g. 0.01: velocities decorrelate in about 100 fs).</param>
public sealed record LangevinBaoab(double TimeStep, double Temperature, double Friction) : DynamicsIntegrator(TimeStep)
{
    /// <inheritdoc/>
    public override int DegreesOfFreedom(int atomCount) => 3 * atomCount;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"NVT Langevin (BAOAB), dt {TimeStep} fs, T {Temperature} K, friction {Friction} /fs");
}
