using Ace.Core.Atoms;
using Ace.Core.Primitives;

namespace Ace.Core.Dynamics;

/// <summary>Random velocities from the Maxwell-Boltzmann distribution, and the Gaussian numbers behind them.</summary>
public static class MaxwellBoltzmann
{
    /// <summary>
    /// Velocities in Angstrom/fs for atoms of <paramref name="masses"/> (amu) at <paramref name="temperature"/> (K):
    /// each component drawn from N(0, kB T / m) with a generator seeded by <paramref name="seed"/>, the total momentum
    /// removed, then scaled so that the kinetic temperature over <paramref name="degreesOfFreedom"/> equals the
    /// temperature exactly. One atom, or a temperature of 0, gives zero velocities.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The temperature is negative or not finite, or a mass is not positive.</exception>
    public static Vec3[] Velocities(IReadOnlyList<double> masses, double temperature, int degreesOfFreedom, int seed)
    {
        ArgumentNullException.ThrowIfNull(masses);
        if (!double.IsFinite(temperature) || temperature < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "the temperature must be finite and non-negative (K)");
        }
        var random = new GaussianRandom(seed);
        var v = new Vec3[masses.Count];
        var momentum = Vec3.Zero;
        double totalMass = 0;
        for (int i = 0; i < v.Length; i++)
        {
            if (!(masses[i] > 0))
            {
                throw new ArgumentOutOfRangeException(nameof(masses), masses[i], $"the mass of atom {i} must be positive (amu)");
            }
            double sigma = DynamicsUnits.ThermalSpeed(temperature, masses[i]);
            v[i] = sigma * new Vec3(random.Next(), random.Next(), random.Next());
            momentum += masses[i] * v[i];
            totalMass += masses[i];
        }
        var drift = momentum / Math.Max(totalMass, double.Epsilon);
        double kinetic = 0;
        for (int i = 0; i < v.Length; i++)
        {
            v[i] -= drift;
            kinetic += DynamicsUnits.KineticEnergy(masses[i], v[i].Norm);
        }
        double current = DynamicsUnits.Temperature(kinetic, degreesOfFreedom);
        double scale = current > 0 ? Math.Sqrt(temperature / current) : 0;
        for (int i = 0; i < v.Length; i++)
        {
            v[i] = scale * v[i];
        }
        return v;
    }

    /// <summary><see cref="Velocities(IReadOnlyList{double}, double, int, int)"/> with the standard masses of the structure's elements.</summary>
    public static Vec3[] Velocities(Structure structure, double temperature, int degreesOfFreedom, int seed)
    {
        ArgumentNullException.ThrowIfNull(structure);
        return Velocities(structure.Elements.Select(e => e.Mass).ToArray(), temperature, degreesOfFreedom, seed);
    }
}
