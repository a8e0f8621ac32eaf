using System.Net.Sockets;
using System.Text;

namespace Changxing.TestSupport;

/// <summary>
/// HTTP/1.1 as bytes on a socket, for requests no client library would send as written (<c>/trains/%00</c>): what
/// Kestrel itself refuses before any middleware runs.
/// </summary>
public static class RawHttp
{
    /// <summary>Sends <paramref name="request"/> as written and reads until the server closes; the answer's head and the rest.</summary>
    public static async Task<(string Head, string Body)> SendAsync(Uri server, string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        using var answer = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await stream.CopyToAsync(answer, timeout.Token);
        var text = Encoding.UTF8.GetString(answer.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return split < 0 ? (text, "") : (text[..split], text[(split + 4)..]);
    }
}
