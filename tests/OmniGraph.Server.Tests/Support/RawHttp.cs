using System.Net.Sockets;
using System.Text;

namespace OmniGraph.Server.Tests.Support;

/// <summary>Sends a request as raw bytes (headers HttpClient refuses to send, such as a Content-Length the body does not have).</summary>
internal static class RawHttp
{
    /// <summary>Sends <paramref name="head"/> (request line and headers, without the blank line) and <paramref name="body"/>; returns the status code and the response body.</summary>
    public static async Task<(int Status, string Body)> SendAsync(Uri server, string head, string body)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"{head}\r\nHost: {server.Authority}\r\nConnection: close\r\n\r\n{body}"));
        // The server may reset the connection after answering (it does not drain a body it refused): keep what arrived.
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromMinutes(1))) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException) when (received.Length > 0)
        {
        }

        var response = Encoding.UTF8.GetString(received.ToArray());
        var status = int.Parse(response.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
    }
}
