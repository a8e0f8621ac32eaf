using System.Net.Http.Headers;
using Changxing.Web.Gateway;

namespace Changxing.Web.Shared;

/// <summary>A file the browser posted to a page, passed on to the API as a part of a multipart body.</summary>
public static class UploadedFile
{
    /// <summary>Adds <paramref name="file"/> as the part <paramref name="name"/>; false when the browser sent no file under that name.</summary>
    public static bool TryAdd(this MultipartFormDataContent form, IFormFileCollection files, string name)
    {
        var file = files.GetFile(name);
        if (file is null || file.Length == 0)
        {
            return false;
        }

        var content = new StreamContent(file.OpenReadStream());
        content.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
        form.Add(content, name, file.FileName);
        return true;
    }

    public static ApiProblem Missing(string zh, string en) =>
        new(400, "UploadRejected", null, $"请选择{zh}。 Choose {en}.", new Dictionary<string, System.Text.Json.JsonElement>());
}
