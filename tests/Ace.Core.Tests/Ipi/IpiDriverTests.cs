using System.Net.Sockets;
using Ace.Core.Atoms;
using Ace.Core.Ipi;
using Ace.Core.Primitives;

namespace Ace.Core.Tests.Ipi;

public class IpiDriverTests
{
    [TestCase(false, true)]
    [TestCase(true, true)]
    [TestCase(false, false)]
    public void ServesManyGeometriesWithTheNumbersOfDirectEvaluation(bool unix, bool periodic)
    {
        var potential = Fixtures.RandomPotential(Fixtures.SiliconCarbon, seed: 8);
        var random = new Random(unix ? 1 : 2);
        var template = periodic ? Fixtures.RattledCrystal(random, 5.43, "Si", "C") : Fixtures.Cluster(random, 6, "Si", "C");
        var (listener, address) = IpiServer.Listen(unix);
        using (listener)
        {
            var driver = new IpiDriver(potential, template);
            var session = Task.Run(() => driver.Run(address, TimeSpan.FromSeconds(20)));
            using var connection = listener.Accept();
            using var stream = new NetworkStream(connection);
            var server = new IpiServer(stream);
            Assert.That(server.Status(), Is.EqualTo("NEEDINIT"));
            server.Init("\0");
            for (int step = 0; step < 5; step++)
            {
                var positions = template.Positions.Select(p => p + 0.05 * new Vec3(random.NextDouble(), random.NextDouble(), random.NextDouble()));
                var cell = periodic ? new Cell(template.Cell.A * (1 + 0.01 * step), template.Cell.B, template.Cell.C) : template.Cell;
                var geometry = template.WithGeometry(cell, positions);
                Assert.That(server.Status(), Is.EqualTo("READY"));
                server.SendPositions(geometry);
                Assert.That(server.Status(), Is.EqualTo("HAVEDATA"));
                var (energy, forces, virial, extra) = server.GetForces();
                var expected = potential.Evaluate(geometry);
                // Only the unit conversions there and back separate the numbers.
                Assert.That(energy, Is.EqualTo(expected.Energy).Within(1e-13).Percent);
                for (int i = 0; i < forces.Length; i++)
                {
                    Assert.That((forces[i] - expected.Forces[i]).Norm, Is.LessThan(1e-13 * (1 + expected.Forces[i].Norm)), $"atom {i}");
                }
                var w = new double[9];
                expected.Virial.CopyToMatrix(w);
                for (int k = 0; k < 9; k++)
                {
                    Assert.That(virial[k], Is.EqualTo(w[k]).Within(1e-13 * (1 + Math.Abs(w[k]))));
                }
                Assert.That(extra, Has.Length.EqualTo(1));
            }
            server.Send("EXIT");
            var result = session.Result;
            Assert.That(result.Evaluations, Is.EqualTo(5));
            Assert.That(result.EndedBy, Is.EqualTo("EXIT"));
            Assert.That(result.InitString, Is.EqualTo(""));
        }
    }

    [Test]
    public void AServerClosingEndsTheSessionCleanlyAndAWrongAtomCountIsAProtocolError()
    {
        var potential = Fixtures.RandomPotential(Fixtures.Silicon, seed: 8);
        var template = Fixtures.Cluster(new Random(3), 4, "Si");
        var driver = new IpiDriver(potential, template);
        var (listener, address) = IpiServer.Listen(unix: false);
        using (listener)
        {
            var session = Task.Run(() => driver.Run(address, TimeSpan.FromSeconds(20)));
            using (var connection = listener.Accept())
            {
                using var stream = new NetworkStream(connection);
                Assert.That(new IpiServer(stream).Status(), Is.EqualTo("NEEDINIT"));
            }
            Assert.That(session.Result.EndedBy, Is.EqualTo("closed"));

            session = Task.Run(() => driver.Run(address, TimeSpan.FromSeconds(20)));
            using (var connection = listener.Accept())
            {
                using var stream = new NetworkStream(connection);
                new IpiServer(stream).SendPositions(Fixtures.Cluster(new Random(4), 5, "Si"));
                var error = Assert.Throws<AggregateException>(() => session.Wait())!.InnerException;
                Assert.That(error, Is.InstanceOf<IpiProtocolException>().And.Message.Contains("5 atoms, the template 4"));
            }
        }
    }

    [TestCase("unix:ace", "/tmp/ipi_ace", null, 0)]
    [TestCase("unix:/run/x.sock", "/run/x.sock", null, 0)]
    [TestCase("localhost:31415", null, "localhost", 31415)]
    public void AddressesParse(string text, string? path, string? host, int port)
    {
        var a = IpiAddress.Parse(text);
        Assert.That((a.UnixPath, a.Host, a.Port), Is.EqualTo((path, host, port)));
    }

    [TestCase("localhost")]
    [TestCase("localhost:0")]
    [TestCase("unix:")]
    public void BadAddressesAreRejected(string text) =>
        Assert.That(() => IpiAddress.Parse(text), Throws.InstanceOf<FormatException>().With.Message.Contains(text));
}
