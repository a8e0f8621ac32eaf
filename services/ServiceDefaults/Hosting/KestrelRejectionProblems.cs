using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Changxing.Contracts;
using Changxing.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Changxing.ServiceDefaults.Hosting;

/// <summary>
/// Kestrel refuses some requests before any middleware runs (a request target with <c>%00</c> or a control character,
/// a request line or headers past its own limits) and answers them with an empty 4xx and <c>Connection: close</c>.
/// This connection middleware turns exactly those answers into problem documents (<c>InvalidRequest</c>), so every
/// 4xx a caller gets is RFC 9457 (issue #17, 4). It passes every other byte through unchanged: an answer the
/// application wrote always has a body or keeps the connection open, so it never looks like one of Kestrel's.
/// </summary>
public static partial class KestrelRejectionProblems
{
    private static readonly byte[] ResponseStart = "HTTP/1.1 4"u8.ToArray();

    /// <summary>Adds the rewriting to every endpoint Kestrel listens on.</summary>
    public static void Use(KestrelServerOptions kestrel) =>
        kestrel.ConfigureEndpointDefaults(listen => listen.Use(next => connection => RunAsync(next, connection)));

    private static async Task RunAsync(ConnectionDelegate next, ConnectionContext connection)
    {
        var transport = connection.Transport;
        var outbound = new Pipe();
        connection.Transport = new Transport(transport.Input, outbound.Writer);
        var pump = PumpAsync(outbound.Reader, transport.Output);
        try
        {
            await next(connection);
        }
        finally
        {
            await outbound.Writer.CompleteAsync();
            await pump;
            connection.Transport = transport;
        }
    }

    private static async Task PumpAsync(PipeReader from, PipeWriter to)
    {
        Exception? failed = null;
        try
        {
            while (true)
            {
                var read = await from.ReadAsync();
                var buffer = read.Buffer;
                if (!buffer.IsEmpty)
                {
                    if (RejectionStatus(buffer) is { } status)
                    {
                        to.Write(ProblemAnswer(status));
                    }
                    else
                    {
                        foreach (var segment in buffer)
                        {
                            to.Write(segment.Span);
                        }
                    }

                    var flushed = await to.FlushAsync();
                    from.AdvanceTo(buffer.End);
                    if (flushed.IsCompleted || flushed.IsCanceled)
                    {
                        break; // the peer is gone: Kestrel's next write finds the reader completed
                    }
                }
                else
                {
                    from.AdvanceTo(buffer.End);
                }

                if (read.IsCompleted || read.IsCanceled)
                {
                    break;
                }
            }
        }
        catch (Exception exception)
        {
            failed = exception; // the peer reset the connection: Kestrel's next write fails with it, nothing is thrown here
        }
        finally
        {
            await from.CompleteAsync(failed);
            await to.CompleteAsync();
        }
    }

    /// <summary>The status of Kestrel's own empty refusal (headers only, no body, the connection closed), or null.</summary>
    internal static int? RejectionStatus(ReadOnlySequence<byte> buffer)
    {
        if (buffer.Length > 512 || !buffer.FirstSpan.StartsWith(ResponseStart))
        {
            return null;
        }

        var head = Encoding.ASCII.GetString(buffer);
        var match = KestrelRejection().Match(head);
        return match.Success
            && head.Contains("\r\nContent-Length: 0\r\n", StringComparison.OrdinalIgnoreCase)
            && head.Contains("\r\nConnection: close\r\n", StringComparison.OrdinalIgnoreCase)
            && !head.Contains("\r\nContent-Type:", StringComparison.OrdinalIgnoreCase)
            ? int.Parse(match.Groups["status"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }

    private static byte[] ProblemAnswer(int status)
    {
        var detail = status switch
        {
            414 => "The request line is longer than this server accepts.",
            431 => "The request headers are larger than this server accepts.",
            _ => "The request could not be read: its target or headers hold characters HTTP does not allow (e.g. %00 or a control character).",
        };
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["type"] = ProblemResults.TypeUri(ReasonCodes.InvalidRequest),
            ["title"] = ProblemResults.Title(ReasonCodes.InvalidRequest),
            ["status"] = status,
            ["detail"] = detail,
            ["reason"] = ReasonCodes.InvalidRequest,
        });
        var head = $"HTTP/1.1 {status} {ReasonPhrase(status)}\r\n"
            + "Content-Type: application/problem+json\r\n"
            + $"Content-Length: {body.Length}\r\n"
            + "Connection: close\r\n"
            + "Cache-Control: no-store\r\n"
            + "X-Content-Type-Options: nosniff\r\n"
            + $"Date: {DateTimeOffset.UtcNow:R}\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. body];
    }

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Bad Request";

    [GeneratedRegex(@"\AHTTP/1\.1 (?<status>4\d\d) [^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n\z", RegexOptions.CultureInvariant)]
    private static partial Regex KestrelRejection();

    private sealed class Transport(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
