using System.Globalization;
using System.Text;
using Ace.Core.Atoms;
using Ace.Core.Potentials;
using Ace.Core.Primitives;

namespace Ace.Core.Dynamics;

/// <summary>
/// Configures and runs molecular dynamics with any <see cref="IPotential"/>; made by
/// <see cref="LinearAce.Dynamics"/>. Choose one integrator (<see cref="Nve"/> or <see cref="Langevin"/>), optionally
/// the starting velocities, the neighbour-list skin, logging, a trajectory and stop conditions, then
/// <see cref="Run(Structure, int, CancellationToken)"/>. Units: Angstrom, fs, amu, eV, K (see <see cref="DynamicsUnits"/>). A builder is not
/// thread-safe; each <see cref="Run(Structure, int, CancellationToken)"/> is independent and deterministic for a given seed.
/// </summary>
public sealed class DynamicsBuilder
{
    /// <summary>The default neighbour-list skin in Angstrom.</summary>
    public const double DefaultSkin = 1.0;

    private readonly IPotential _potential;
    private readonly List<Func<DynamicsSnapshot, string?>> _stopConditions = [];
    private readonly List<Action<DynamicsFrame>> _logObservers = [];
    private DynamicsIntegrator? _integrator;
    private double? _initialTemperature;
    private IReadOnlyList<Vec3>? _initialVelocities;
    private int _seed = 1;
    private double _skin = DefaultSkin;
    private int _logEvery = 1;
    private TextWriter? _trajectory;
    private int _trajectoryEvery = 1;

    /// <summary>A builder for <paramref name="potential"/>.</summary>
    public DynamicsBuilder(IPotential potential)
    {
        ArgumentNullException.ThrowIfNull(potential);
        _potential = potential;
    }

    /// <summary>The integrator chosen so far, or null.</summary>
    public DynamicsIntegrator? Integrator => _integrator;

    /// <summary>Microcanonical dynamics by velocity Verlet with a time step in fs (see <see cref="VelocityVerlet"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time step is not positive and finite.</exception>
    /// <exception cref="InvalidOperationException">An integrator was already chosen.</exception>
    public DynamicsBuilder Nve(double timeStep) => Integrate(new VelocityVerlet(PositiveFinite(timeStep, nameof(timeStep), "fs")));

    /// <summary>
    /// Canonical dynamics by the BAOAB Langevin integrator (see <see cref="LangevinBaoab"/>): a time step in fs,
    /// the target temperature in K and the friction in 1/fs. Unless set otherwise, the starting velocities are drawn
    /// at the target temperature.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range (time step and friction positive, temperature non-negative).</exception>
    /// <exception cref="InvalidOperationException">An integrator was already chosen.</exception>
    public DynamicsBuilder Langevin(double timeStep, double temperature, double friction = 0.01)
    {
        if (!double.IsFinite(temperature) || temperature < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "the temperature must be finite and non-negative (K)");
        }
        return Integrate(new LangevinBaoab(PositiveFinite(timeStep, nameof(timeStep), "fs"), temperature,
            PositiveFinite(friction, nameof(friction), "1/fs")));
    }

    /// <summary>
    /// Starting velocities drawn from the Maxwell-Boltzmann distribution at <paramref name="temperature"/> K
    /// (zero total momentum, scaled to the temperature exactly; see <see cref="MaxwellBoltzmann"/>). Without this or
    /// <see cref="Velocities"/>, NVE starts at rest and Langevin at its target temperature.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The temperature is negative or not finite.</exception>
    /// <exception cref="InvalidOperationException">Starting velocities were already given.</exception>
    public DynamicsBuilder InitialTemperature(double temperature)
    {
        if (!double.IsFinite(temperature) || temperature < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "the temperature must be finite and non-negative (K)");
        }
        ThrowIfVelocitiesSet();
        _initialTemperature = temperature;
        return this;
    }

    /// <summary>Explicit starting velocities in Angstrom/fs, one per atom.</summary>
    /// <exception cref="InvalidOperationException">Starting velocities were already given.</exception>
    public DynamicsBuilder Velocities(IReadOnlyList<Vec3> velocities)
    {
        ArgumentNullException.ThrowIfNull(velocities);
        ThrowIfVelocitiesSet();
        _initialVelocities = velocities.ToArray();
        return this;
    }

    /// <summary>The seed of the random numbers (starting velocities, Langevin noise); default 1.</summary>
    public DynamicsBuilder Seed(int seed)
    {
        _seed = seed;
        return this;
    }

    /// <summary>
    /// The neighbour-list skin in Angstrom (default <see cref="DefaultSkin"/>): neighbours are searched within
    /// cutoff + skin and searched again only after some atom moved more than skin / 2 (see <see cref="SkinNeighbourList"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The skin is negative or not finite.</exception>
    public DynamicsBuilder Skin(double skin)
    {
        if (!double.IsFinite(skin) || skin < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(skin), skin, "the skin must be finite and non-negative (Angstrom)");
        }
        _skin = skin;
        return this;
    }

    /// <summary>Logs the energies every <paramref name="steps"/> steps (default 1); step 0 and the last step are always logged.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The interval is not positive.</exception>
    public DynamicsBuilder LogEvery(int steps)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        _logEvery = steps;
        return this;
    }

    /// <summary>Calls <paramref name="observer"/> with every logged frame, as it is logged (progress display).</summary>
    public DynamicsBuilder OnLog(Action<DynamicsFrame> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _logObservers.Add(observer);
        return this;
    }

    /// <summary>
    /// A check run after every step: when <paramref name="stopReason"/> returns a text, the run stops after that
    /// step and <see cref="DynamicsResult.StopReason"/> holds the text. Several checks run in the order given.
    /// </summary>
    public DynamicsBuilder StopWhen(Func<DynamicsSnapshot, string?> stopReason)
    {
        ArgumentNullException.ThrowIfNull(stopReason);
        _stopConditions.Add(stopReason);
        return this;
    }

    /// <summary>
    /// Streams the trajectory as extended XYZ to <paramref name="writer"/>, every <paramref name="steps"/> steps
    /// (step 0 and the last step included). Each frame holds the positions, the predicted energy (key energy) and
    /// forces (column forces), the velocities in Angstrom/fs (column velocities), and the header keys step,
    /// time_fs, kinetic_energy and temperature. The writer is flushed after every frame and not closed.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The interval is not positive.</exception>
    public DynamicsBuilder Trajectory(TextWriter writer, int steps = 1)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        _trajectory = writer;
        _trajectoryEvery = steps;
        return this;
    }

    /// <summary>
    /// Runs <paramref name="steps"/> steps from <paramref name="start"/> (its reference data is ignored) and writes
    /// the trajectory, if one was asked for with <see cref="Trajectory(TextWriter, int)"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">No integrator was chosen.</exception>
    /// <exception cref="ArgumentException">The structure has an element the potential lacks, or the velocities do not match it.</exception>
    public DynamicsResult Run(Structure start, int steps, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        var integrator = _integrator ?? throw new InvalidOperationException(
            "choose an integrator first: Nve(timeStep) or Langevin(timeStep, temperature, friction)");
        PotentialElements.Require(_potential, start, "the start structure", nameof(start));
        var velocities = StartingVelocities(start, integrator);
        var run = new DynamicsRun(_potential, integrator, start, velocities, _seed, _skin);
        return run.Execute(steps, new DynamicsRun.Outputs(_logEvery, _logObservers, _stopConditions, _trajectory, _trajectoryEvery),
            cancellationToken);
    }

    /// <summary>
    /// <see cref="Run(Structure, int, CancellationToken)"/> writing the trajectory to <paramref name="trajectoryPath"/>
    /// every <paramref name="every"/> steps (frames as in <see cref="Trajectory(TextWriter, int)"/>), streamed into a
    /// temporary file that replaces the target when the run ends, so a failed run leaves no half-written file.
    /// </summary>
    public DynamicsResult Run(Structure start, int steps, string trajectoryPath, int every, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(trajectoryPath);
        DynamicsResult? result = null;
        var saved = (_trajectory, _trajectoryEvery);
        try
        {
            AtomicFile.Write(trajectoryPath, stream =>
            {
                using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
                Trajectory(writer, every);
                result = Run(start, steps, cancellationToken);
            });
        }
        finally
        {
            (_trajectory, _trajectoryEvery) = saved;
        }
        return result!;
    }

    private Vec3[] StartingVelocities(Structure start, DynamicsIntegrator integrator)
    {
        int dof = integrator.DegreesOfFreedom(start.AtomCount);
        if (_initialVelocities is { } given)
        {
            if (given.Count != start.AtomCount)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{given.Count} starting velocities for {start} of {start.AtomCount} atoms"), nameof(start));
            }
            return given.ToArray();
        }
        double temperature = _initialTemperature ?? (integrator is LangevinBaoab l ? l.Temperature : 0);
        return MaxwellBoltzmann.Velocities(start, temperature, dof, _seed);
    }

    private DynamicsBuilder Integrate(DynamicsIntegrator integrator)
    {
        if (_integrator is not null)
        {
            throw new InvalidOperationException($"the integrator is already chosen ({_integrator}); cannot also use {integrator}");
        }
        _integrator = integrator;
        return this;
    }

    private void ThrowIfVelocitiesSet()
    {
        if (_initialTemperature is not null || _initialVelocities is not null)
        {
            throw new InvalidOperationException("the starting velocities are already given (InitialTemperature or Velocities)");
        }
    }

    private static double PositiveFinite(double value, string name, string unit) =>
        double.IsFinite(value) && value > 0
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive and finite ({unit})");
}
