using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using Ace.Core.Atoms;
using Ace.Core.Ipi;
using Ace.Core.Primitives;

namespace Ace.Core.Tests.Ipi;

/// <summary>
/// The server side of the i-PI protocol, written for the tests from the protocol's description (as i-PI and ASE's
/// SocketIOCalculator speak it): it sends geometries and collects energies, forces and virials.
/// </summary>
internal sealed class IpiServer(Stream stream)
{
    public string Status()
    {
        Send("STATUS");
        return Receive();
    }

    public void Init(string text)
    {
        Send("INIT");
        var bytes = Encoding.UTF8.GetBytes(text);
        SendInt(0);
        SendInt(bytes.Length);
        stream.Write(bytes);
    }

    public void SendPositions(Structure s)
    {
        Send("POSDATA");
        // h has the lattice vectors as columns, sent row by row; the inverse likewise (row-major h^-1).
        var h = new double[9];
        for (int k = 0; k < 3; k++)
        {
            var v = s.Cell[k] / IpiUnits.BohrInAngstrom;
            h[k] = v.X;
            h[3 + k] = v.Y;
            h[6 + k] = v.Z;
        }
        SendDoubles(h);
        SendDoubles(new double[9]);
        SendInt(s.AtomCount);
        SendDoubles(s.Positions.SelectMany(p => new[] { p.X, p.Y, p.Z }).Select(x => x / IpiUnits.BohrInAngstrom).ToArray());
    }

    /// <summary>GETFORCE; the results converted back to eV, eV/A and eV (virial row-major).</summary>
    public (double Energy, Vec3[] Forces, double[] Virial, byte[] Extra) GetForces()
    {
        Send("GETFORCE");
        Assert.That(Receive(), Is.EqualTo("FORCEREADY"));
        double energy = ReceiveDoubles(1)[0] * IpiUnits.HartreeInEv;
        int n = ReceiveInt();
        var f = ReceiveDoubles(3 * n);
        double unit = IpiUnits.HartreeInEv / IpiUnits.BohrInAngstrom;
        var forces = Enumerable.Range(0, n).Select(i => unit * new Vec3(f[3 * i], f[3 * i + 1], f[3 * i + 2])).ToArray();
        var virial = ReceiveDoubles(9).Select(w => w * IpiUnits.HartreeInEv).ToArray();
        var extra = new byte[ReceiveInt()];
        stream.ReadExactly(extra);
        return (energy, forces, virial, extra);
    }

    public void Send(string message)
    {
        stream.Write(Encoding.ASCII.GetBytes(message.PadRight(12)));
        stream.Flush();
    }

    private string Receive()
    {
        var b = new byte[12];
        stream.ReadExactly(b);
        return Encoding.ASCII.GetString(b).TrimEnd();
    }

    private void SendInt(int value)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(b, value);
        stream.Write(b);
    }

    private void SendDoubles(double[] values)
    {
        var b = new byte[8 * values.Length];
        for (int k = 0; k < values.Length; k++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(b.AsSpan(8 * k), values[k]);
        }
        stream.Write(b);
    }

    private int ReceiveInt()
    {
        var b = new byte[4];
        stream.ReadExactly(b);
        return BinaryPrimitives.ReadInt32LittleEndian(b);
    }

    private double[] ReceiveDoubles(int count)
    {
        var b = new byte[8 * count];
        stream.ReadExactly(b);
        return Enumerable.Range(0, count).Select(k => BinaryPrimitives.ReadDoubleLittleEndian(b.AsSpan(8 * k))).ToArray();
    }

    /// <summary>A listening socket for <paramref name="address"/>; for TCP on port 0 the chosen port is returned.</summary>
    public static (Socket Listener, IpiAddress Address) Listen(bool unix)
    {
        if (unix)
        {
            var path = Path.Combine(Path.GetTempPath(), "ace-ipi-" + Guid.NewGuid().ToString("N")[..12]);
            var address = IpiAddress.Parse("unix:" + path);
            var socket = address.CreateSocket();
            socket.Bind(address.EndPoint());
            socket.Listen(1);
            return (socket, address);
        }
        var tcp = new Socket(SocketType.Stream, ProtocolType.Tcp);
        tcp.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        tcp.Listen(1);
        return (tcp, IpiAddress.Parse("127.0.0.1:" + ((System.Net.IPEndPoint)tcp.LocalEndPoint!).Port));
    }
}
