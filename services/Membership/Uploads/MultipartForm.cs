namespace Changxing.Membership.Uploads;

/// <summary>
/// Reads an upload's multipart form. ASP.NET throws <see cref="InvalidDataException"/> on a malformed body (a section
/// without Content-Disposition, a missing closing boundary) and <see cref="IOException"/> on one without any boundary,
/// which would answer 500; here both are a refusal instead.
/// </summary>
public static class MultipartForm
{
    public const string Malformed = "The multipart/form-data body is malformed (上传内容格式错误).";

    public static async Task<IFormCollection?> TryReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            return null;
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
