using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Ace.Core.Ipi;

/// <summary>
/// Where an i-PI server listens: "unix:NAME" (a Unix-domain socket; NAME without a slash means /tmp/ipi_NAME as i-PI
/// and ASE name it, a NAME with a slash is the socket's path) or "HOST:PORT" (TCP).
/// </summary>
public sealed record IpiAddress
{
    private IpiAddress(string text, string? unixPath, string? host, int port)
    {
        Text = text;
        UnixPath = unixPath;
        Host = host;
        Port = port;
    }

    /// <summary>The address as given.</summary>
    public string Text { get; }

    /// <summary>The path of the Unix-domain socket, or null for TCP.</summary>
    public string? UnixPath { get; }

    /// <summary>The TCP host, or null for a Unix-domain socket.</summary>
    public string? Host { get; }

    /// <summary>The TCP port (0 for a Unix-domain socket).</summary>
    public int Port { get; }

    /// <summary>Parses "unix:NAME" or "HOST:PORT".</summary>
    /// <exception cref="FormatException">The text is neither form, or the port is not 1..65535.</exception>
    public static IpiAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith("unix:", StringComparison.Ordinal))
        {
            var name = text["unix:".Length..];
            if (name.Length == 0)
            {
                throw new FormatException($"'{text}': the Unix socket name after 'unix:' is empty");
            }
            return new IpiAddress(text, name.Contains('/', StringComparison.Ordinal) ? name : "/tmp/ipi_" + name, null, 0);
        }
        int colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
        {
            throw new FormatException($"'{text}' is not an i-PI address: use unix:NAME or HOST:PORT (port 1-65535)");
        }
        return new IpiAddress(text, null, text[..colon].Trim('[', ']'), port);
    }

    /// <summary>The socket endpoint.</summary>
    public EndPoint EndPoint() => UnixPath is not null
        ? new UnixDomainSocketEndPoint(UnixPath)
        : IPAddress.TryParse(Host, out var ip) ? new IPEndPoint(ip, Port) : new DnsEndPoint(Host!, Port);

    /// <summary>A socket of the right family for <see cref="EndPoint"/>, not yet connected.</summary>
    public Socket CreateSocket() => UnixPath is not null
        ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
        : new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };

    /// <inheritdoc/>
    public override string ToString() => UnixPath is not null ? $"unix:{UnixPath}" : $"{Host}:{Port}";
}
