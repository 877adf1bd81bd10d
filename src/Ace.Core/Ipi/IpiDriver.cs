using System.Buffers.Binary;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Ace.Core.Atoms;
using Ace.Core.Potentials;
using Ace.Core.Primitives;

namespace Ace.Core.Ipi;

/// <summary>
/// The force provider of the i-PI socket protocol (what i-PI calls a client or driver, and ASE a SocketClient):
/// it connects to a server (i-PI, or ASE's SocketIOCalculator) that sends geometries and answers each with the
/// energy, forces and virial of <see cref="Potential"/>. Species and atom order come from a template structure (the
/// protocol sends positions only); its periodicity says whether the cell sent is used. Messages are 12-byte ASCII
/// headers padded with spaces, numbers little-endian: STATUS is answered with NEEDINIT (before the first INIT),
/// READY or HAVEDATA; INIT carries a bead index and a string; POSDATA the cell h (9 float64, row-major with the
/// lattice vectors as columns), its inverse, the atom count (int32) and the positions (3N float64), all in Bohr;
/// GETFORCE is answered with FORCEREADY, the energy (Hartree), the atom count, the forces (Hartree/Bohr), the virial
/// (9 float64, Hartree, -dE/dstrain, the ASE and i-PI convention) and an extra string (one zero byte). EXIT, or the
/// server closing the connection between messages, ends the session cleanly.
/// </summary>
public sealed class IpiDriver
{
    private const int HeaderLength = 12;
    private readonly Structure _template;
    private readonly SkinNeighbourList _neighbours;

    /// <summary>A driver evaluating <paramref name="potential"/> for geometries of <paramref name="template"/>'s atoms.</summary>
    /// <param name="potential">The potential.</param>
    /// <param name="template">Elements, atom order and periodicity of the geometries the server will send.</param>
    /// <param name="skin">The neighbour-list skin in Angstrom (lists are reused between nearby geometries).</param>
    /// <exception cref="ArgumentException">The template has an element the potential lacks.</exception>
    public IpiDriver(IPotential potential, Structure template, double skin = 1.0)
    {
        ArgumentNullException.ThrowIfNull(potential);
        ArgumentNullException.ThrowIfNull(template);
        PotentialElements.Require(potential, template, "the template", nameof(template));
        Potential = potential;
        _template = template;
        _neighbours = new SkinNeighbourList(potential.NeighbourCutoffs, skin);
    }

    /// <summary>The potential that provides the forces.</summary>
    public IPotential Potential { get; }

    /// <summary>Called after every evaluation with the structure and its evaluation (e.g. for progress or logging).</summary>
    public Action<Structure, PotentialEvaluation>? OnEvaluation { get; init; }

    /// <summary>
    /// Connects to the server at <paramref name="address"/>, retrying until <paramref name="timeout"/> has passed
    /// (the server may still be starting), and serves it until it sends EXIT or closes the connection.
    /// </summary>
    /// <exception cref="SocketException">No connection could be made within the timeout.</exception>
    /// <exception cref="IpiProtocolException">The server broke the protocol.</exception>
    public IpiSession Run(IpiAddress address, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        using var socket = Connect(address, timeout, cancellationToken);
        using var stream = new NetworkStream(socket, ownsSocket: false);
        return Serve(stream, cancellationToken);
    }

    /// <summary>Serves the protocol on a connected stream until EXIT or the end of the stream.</summary>
    /// <exception cref="IpiProtocolException">The server broke the protocol or closed the connection inside a message.</exception>
    public IpiSession Serve(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        bool initialised = false;
        Structure? structure = null;
        PotentialEvaluation? evaluation = null;
        string? initString = null;
        int evaluations = 0;
        var header = new byte[HeaderLength];
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!TryReadHeader(stream, header))
            {
                return new IpiSession(evaluations, "closed", initString);
            }
            string message = Encoding.ASCII.GetString(header).TrimEnd(' ', '\0');
            switch (message)
            {
                case "STATUS":
                    WriteHeader(stream, evaluation is not null ? "HAVEDATA" : initialised ? "READY" : "NEEDINIT");
                    break;
                case "INIT":
                    ReadInt32(stream);
                    int length = ReadInt32(stream);
                    if (length < 0)
                    {
                        throw new IpiProtocolException($"INIT announced a string of {length} bytes");
                    }
                    var text = new byte[length];
                    ReadExactly(stream, text, "the INIT string");
                    initString = Encoding.UTF8.GetString(text).TrimEnd('\0');
                    initialised = true;
                    break;
                case "POSDATA":
                    if (evaluation is not null)
                    {
                        throw new IpiProtocolException("POSDATA arrived while the previous forces were not collected (GETFORCE expected)");
                    }
                    structure = ReadGeometry(stream, evaluations);
                    evaluation = Potential.Evaluate(structure, _neighbours.Update(structure));
                    evaluations++;
                    initialised = true;
                    OnEvaluation?.Invoke(structure, evaluation);
                    break;
                case "GETFORCE":
                    if (evaluation is null)
                    {
                        throw new IpiProtocolException("GETFORCE arrived before any POSDATA");
                    }
                    WriteForces(stream, evaluation);
                    evaluation = null;
                    break;
                case "EXIT":
                    return new IpiSession(evaluations, "EXIT", initString);
                default:
                    throw new IpiProtocolException($"unknown message '{message}' after {evaluations} evaluations");
            }
        }
    }

    /// <summary>Connects a socket to <paramref name="address"/>, retrying every 100 ms until the timeout.</summary>
    /// <exception cref="SocketException">No connection could be made within the timeout.</exception>
    public static Socket Connect(IpiAddress address, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var socket = address.CreateSocket();
            try
            {
                socket.Connect(address.EndPoint());
                return socket;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                socket.Dispose();
                cancellationToken.WaitHandle.WaitOne(100);
                cancellationToken.ThrowIfCancellationRequested();
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
    }

    private Structure ReadGeometry(Stream stream, int evaluations)
    {
        Span<double> h = stackalloc double[9];
        Span<double> inverse = stackalloc double[9];
        ReadDoubles(stream, h);
        ReadDoubles(stream, inverse);
        int n = ReadInt32(stream);
        if (n != _template.AtomCount)
        {
            throw new IpiProtocolException(string.Create(CultureInfo.InvariantCulture,
                $"POSDATA {evaluations + 1} holds {n} atoms, the template {_template.AtomCount}"));
        }
        var values = new double[3 * n];
        ReadDoubles(stream, values);
        var positions = new Vec3[n];
        for (int i = 0; i < n; i++)
        {
            positions[i] = IpiUnits.BohrInAngstrom * new Vec3(values[3 * i], values[3 * i + 1], values[3 * i + 2]);
        }
        var cell = _template.Cell;
        if (_template.Pbc.Any)
        {
            // h holds the lattice vectors as columns: vector k is (h[0, k], h[1, k], h[2, k]).
            cell = new Cell(
                IpiUnits.BohrInAngstrom * new Vec3(h[0], h[3], h[6]),
                IpiUnits.BohrInAngstrom * new Vec3(h[1], h[4], h[7]),
                IpiUnits.BohrInAngstrom * new Vec3(h[2], h[5], h[8]));
        }
        try
        {
            return new Structure(_template.Elements, positions, cell, _template.Pbc);
        }
        catch (ArgumentException e)
        {
            throw new IpiProtocolException($"POSDATA {evaluations + 1}: {e.Message}", e);
        }
    }

    private static void WriteForces(Stream stream, PotentialEvaluation evaluation)
    {
        int n = evaluation.Forces.Length;
        var buffer = new byte[HeaderLength + 8 + 4 + 24 * n + 72 + 4 + 1];
        Encoding.ASCII.GetBytes("FORCEREADY".PadRight(HeaderLength), buffer);
        int at = HeaderLength;
        BinaryPrimitives.WriteDoubleLittleEndian(buffer.AsSpan(at), evaluation.Energy / IpiUnits.HartreeInEv);
        at += 8;
        BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(at), n);
        at += 4;
        double forceUnit = IpiUnits.BohrInAngstrom / IpiUnits.HartreeInEv;
        foreach (var f in evaluation.Forces)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(buffer.AsSpan(at), f.X * forceUnit);
            BinaryPrimitives.WriteDoubleLittleEndian(buffer.AsSpan(at + 8), f.Y * forceUnit);
            BinaryPrimitives.WriteDoubleLittleEndian(buffer.AsSpan(at + 16), f.Z * forceUnit);
            at += 24;
        }
        Span<double> virial = stackalloc double[9];
        evaluation.Virial.CopyToMatrix(virial);
        foreach (double w in virial)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(buffer.AsSpan(at), w / IpiUnits.HartreeInEv);
            at += 8;
        }
        // One zero byte of extra data: some servers cannot tell an empty string from a closed socket.
        BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(at), 1);
        stream.Write(buffer);
        stream.Flush();
    }

    private static void WriteHeader(Stream stream, string message)
    {
        stream.Write(Encoding.ASCII.GetBytes(message.PadRight(HeaderLength)));
        stream.Flush();
    }

    /// <summary>Reads a header; false when the stream ended before its first byte (the server closed).</summary>
    private static bool TryReadHeader(Stream stream, byte[] header)
    {
        int read = stream.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false);
        if (read == 0)
        {
            return false;
        }
        if (read < HeaderLength)
        {
            throw new IpiProtocolException($"the connection closed inside a message header after {read} bytes");
        }
        return true;
    }

    private static int ReadInt32(Stream stream)
    {
        Span<byte> b = stackalloc byte[4];
        ReadExactly(stream, b, "an int32");
        return BinaryPrimitives.ReadInt32LittleEndian(b);
    }

    private static void ReadDoubles(Stream stream, Span<double> values)
    {
        var bytes = new byte[8 * values.Length];
        ReadExactly(stream, bytes, "float64 data");
        for (int k = 0; k < values.Length; k++)
        {
            values[k] = BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(8 * k));
        }
    }

    private static void ReadExactly(Stream stream, Span<byte> buffer, string what)
    {
        try
        {
            stream.ReadExactly(buffer);
        }
        catch (EndOfStreamException e)
        {
            throw new IpiProtocolException($"the connection closed while reading {what}", e);
        }
    }
}
