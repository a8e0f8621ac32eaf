using System.Net;

namespace Changxing.Web.Tests.Infrastructure;

/// <summary>
/// What a member sees asking for an uploaded file only reviewers may read: the web app's file page sends them to the
/// forbidden page instead of the file, and the API itself answers 403 to their token.
/// </summary>
public static class ReviewerFileRefusal
{
    public static async Task AssertRefusedAsync(BrowserMember member, SystemUnderTest system, string webPath, string apiPath, string fileType)
    {
        var page = await member.Page.GotoAsync(webPath);
        Assert.NotNull(page);
        Assert.DoesNotContain(fileType, page.Headers["content-type"], StringComparison.Ordinal);
        await Expect(member.Page).ToHaveURLAsync(new Regex("/forbidden"));

        using var api = await member.ThroughApiAsync(system);
        using var direct = await api.Http.GetAsync(new Uri(apiPath, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, direct.StatusCode);
    }
}
