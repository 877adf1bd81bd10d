using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Ace.Core.Atoms;
using Ace.Core.Potentials;
using Ace.Core.Primitives;

namespace Ace.Core.Dynamics;

/// <summary>One molecular dynamics run: the state (positions, velocities, forces) and the integration loop.</summary>
internal sealed class DynamicsRun
{
    private readonly IPotential _potential;
    private readonly DynamicsIntegrator _integrator;
    private readonly Structure _start;
    private readonly Vec3[] _positions;
    private readonly Vec3[] _velocities;
    private readonly double[] _inverseMass;
    private readonly double[] _masses;
    private readonly GaussianRandom _noise;
    private readonly SkinNeighbourList _neighbours;
    private readonly int _degreesOfFreedom;
    private Structure _structure;
    private PotentialEvaluation _evaluation;

    /// <summary>What a run reports, and where.</summary>
    public sealed record Outputs(
        int LogEvery,
        IReadOnlyList<Action<DynamicsFrame>> LogObservers,
        IReadOnlyList<Func<DynamicsSnapshot, string?>> StopConditions,
        TextWriter? Trajectory,
        int TrajectoryEvery);

    public DynamicsRun(IPotential potential, DynamicsIntegrator integrator, Structure start, Vec3[] velocities, int seed, double skin)
    {
        _potential = potential;
        _integrator = integrator;
        _start = start;
        _positions = start.Positions.ToArray();
        _velocities = velocities;
        _masses = start.Elements.Select(e => e.Mass).ToArray();
        // Accelerations in Angstrom/fs^2 are force (eV/Angstrom) times this.
        _inverseMass = _masses.Select(m => 1.0 / (m * DynamicsUnits.AmuAngstromSquaredPerFemtosecondSquaredInEv)).ToArray();
        // A stream of its own (seed + 1), so the noise does not repeat the numbers of the starting velocities.
        _noise = new GaussianRandom(unchecked(seed + 1));
        _neighbours = new SkinNeighbourList(potential.NeighbourCutoffs, skin);
        _degreesOfFreedom = integrator.DegreesOfFreedom(start.AtomCount);
        _structure = start;
        _evaluation = null!;
    }

    public DynamicsResult Execute(int steps, Outputs outputs, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var frames = new List<DynamicsFrame>();
        Evaluate(0);
        Record(0, outputs, frames, force: true);
        string? stopReason = null;
        int step = 0;
        while (step < steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            step++;
            Advance(step);
            if (outputs.StopConditions.Count > 0)
            {
                var snapshot = Snapshot(step);
                foreach (var condition in outputs.StopConditions)
                {
                    stopReason = condition(snapshot);
                    if (stopReason is not null)
                    {
                        break;
                    }
                }
            }
            Record(step, outputs, frames, force: step == steps || stopReason is not null);
            if (stopReason is not null)
            {
                break;
            }
        }
        clock.Stop();
        var final = _structure.WithReferenceData(_evaluation.Energy, _evaluation.Forces, _evaluation.Virial);
        return new DynamicsResult(_integrator, frames, final, _velocities.ToArray(), step, stopReason, _neighbours.SearchCount, clock.Elapsed);
    }

    /// <summary>One time step of the integrator, ending with the forces at the new positions.</summary>
    private void Advance(int step)
    {
        double dt = _integrator.TimeStep;
        double half = 0.5 * dt;
        switch (_integrator)
        {
            case VelocityVerlet:
                Kick(half);
                Drift(dt);
                Evaluate(step);
                Kick(half);
                break;
            case LangevinBaoab langevin:
                Kick(half);
                Drift(half);
                Thermostat(langevin);
                Drift(half);
                Evaluate(step);
                Kick(half);
                break;
            default:
                throw new NotSupportedException($"unknown integrator {_integrator}");
        }
    }

    private void Kick(double dt)
    {
        var forces = _evaluation.Forces.AsSpan();
        for (int i = 0; i < _velocities.Length; i++)
        {
            _velocities[i] += (dt * _inverseMass[i]) * forces[i];
        }
    }

    private void Drift(double dt)
    {
        for (int i = 0; i < _positions.Length; i++)
        {
            _positions[i] += dt * _velocities[i];
        }
    }

    /// <summary>The O step: the exact solution of the Ornstein-Uhlenbeck process over a full time step.</summary>
    private void Thermostat(LangevinBaoab langevin)
    {
        double c = Math.Exp(-langevin.Friction * langevin.TimeStep);
        double noise = Math.Sqrt(1 - c * c);
        for (int i = 0; i < _velocities.Length; i++)
        {
            double sigma = noise * DynamicsUnits.ThermalSpeed(langevin.Temperature, _masses[i]);
            _velocities[i] = c * _velocities[i] + sigma * new Vec3(_noise.Next(), _noise.Next(), _noise.Next());
        }
    }

    private void Evaluate(int step)
    {
        _structure = step == 0 ? new Structure(_start.Elements, _start.Positions, _start.Cell, _start.Pbc)
            : new Structure(_start.Elements, _positions, _start.Cell, _start.Pbc);
        _evaluation = _potential.Evaluate(_structure, _neighbours.Update(_structure));
        if (!double.IsFinite(_evaluation.Energy))
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"step {step} (t = {step * _integrator.TimeStep} fs): the potential energy is {_evaluation.Energy}; the run is unstable (time step too large, or atoms outside the potential's training range)"));
        }
    }

    private double KineticEnergy()
    {
        double sum = 0;
        for (int i = 0; i < _velocities.Length; i++)
        {
            sum += _masses[i] * _velocities[i].NormSquared;
        }
        return 0.5 * sum * DynamicsUnits.AmuAngstromSquaredPerFemtosecondSquaredInEv;
    }

    private DynamicsSnapshot Snapshot(int step)
    {
        double kinetic = KineticEnergy();
        return new DynamicsSnapshot(step, step * _integrator.TimeStep, _structure, _evaluation, _velocities.ToArray(),
            kinetic, DynamicsUnits.Temperature(kinetic, _degreesOfFreedom));
    }

    private void Record(int step, Outputs outputs, List<DynamicsFrame> frames, bool force)
    {
        bool log = force || step % outputs.LogEvery == 0;
        bool write = outputs.Trajectory is not null && (force || step % outputs.TrajectoryEvery == 0);
        if (!log && !write)
        {
            return;
        }
        double kinetic = KineticEnergy();
        double temperature = DynamicsUnits.Temperature(kinetic, _degreesOfFreedom);
        if (log)
        {
            var frame = new DynamicsFrame(step, step * _integrator.TimeStep, _evaluation.Energy, kinetic, temperature);
            frames.Add(frame);
            foreach (var observer in outputs.LogObservers)
            {
                observer(frame);
            }
        }
        if (write)
        {
            WriteFrame(outputs.Trajectory!, step, kinetic, temperature);
        }
    }

    private void WriteFrame(TextWriter writer, int step, double kinetic, double temperature)
    {
        var velocities = new double[3 * _velocities.Length];
        for (int i = 0; i < _velocities.Length; i++)
        {
            velocities[3 * i] = _velocities[i].X;
            velocities[3 * i + 1] = _velocities[i].Y;
            velocities[3 * i + 2] = _velocities[i].Z;
        }
        var frame = new Structure(_structure.Elements, _structure.Positions, _structure.Cell, _structure.Pbc)
        {
            Energy = _evaluation.Energy,
            Forces = _evaluation.Forces,
            Info = new Dictionary<string, string>
            {
                ["step"] = step.ToString(CultureInfo.InvariantCulture),
                ["time_fs"] = (step * _integrator.TimeStep).ToString("R", CultureInfo.InvariantCulture),
                ["kinetic_energy"] = kinetic.ToString("R", CultureInfo.InvariantCulture),
                ["temperature"] = temperature.ToString("R", CultureInfo.InvariantCulture),
            },
            AtomProperties = ImmutableArray.Create(AtomProperty.Real("velocities", 3, velocities)),
        };
        ExtendedXyz.Write(writer, [frame]);
        writer.Flush();
    }
}
