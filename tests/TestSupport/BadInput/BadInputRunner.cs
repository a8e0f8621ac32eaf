using System.Diagnostics;
using CsCheck;

namespace Changxing.TestSupport.BadInput;

/// <summary>
/// Sends generated cases one after another (so a database change is attributable to one request) and judges every
/// answer. Case numbers go on a header the service-side write log reads, and into the markers of the hostile strings.
/// </summary>
public sealed class BadInputRunner(IReadOnlyList<BadInputCaller> callers, BadInputOptions options)
{
    public const string CaseHeader = "X-Bad-Input-Case";

    private int _number;

    public async Task<BadInputReport> RunAsync(IEnumerable<ApiOperation> operations)
    {
        var pcg = PCG.Parse(options.Seed);
        var results = new List<BadInputResult>();
        foreach (var operation in operations)
        {
            var generator = BadInputGenerator.For(operation, callers.Count, nulInPath: !options.InProcess);
            for (var i = 0; i < options.CasesPerOperation; i++)
            {
                results.Add(await SendAsync(++_number, generator.Generate(pcg, null!, out _)));
            }
        }

        return new BadInputReport(options.Seed, results);
    }

    private async Task<BadInputResult> SendAsync(int number, BadInputCase @case)
    {
        var caller = callers[@case.Caller];
        using var request = @case.ToRequest(number);
        using var timeout = new CancellationTokenSource(options.Timeout);
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await caller.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var mediaType = response.Content.Headers.ContentType?.MediaType;

            // An event stream that opened is a valid answer that never ends: do not wait for its end.
            var body = mediaType == "text/event-stream" ? string.Empty : await response.Content.ReadAsStringAsync(timeout.Token);
            return new BadInputResult(number, @case, caller.Name, response.StatusCode, watch.Elapsed,
                BadInputVerdict.Judge(response.StatusCode, mediaType, body, request.RequestUri!.OriginalString));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return new BadInputResult(number, @case, caller.Name, null, watch.Elapsed, BadInputVerdict.Judge(null, null, string.Empty));
        }
        catch (HttpRequestException e)
        {
            return new BadInputResult(number, @case, caller.Name, null, watch.Elapsed, $"the connection failed: {e.Message}");
        }
    }
}
