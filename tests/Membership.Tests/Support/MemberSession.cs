using System.Net.Http.Headers;
using System.Net.Http.Json;
using Changxing.Membership.Accounts;
using Changxing.Membership.Notifications;
using Changxing.ServiceDefaults.Auth;
using Changxing.TestSupport;

namespace Changxing.Membership.Tests.Support;

/// <summary>A registered member signed in through the API, with helpers that walk the real endpoints.</summary>
public sealed record MemberSession(Guid MemberId, string Name, string IdNumber, string Phone, string Password, HttpClient Client)
{
    public const string DefaultPassword = "Secret-Pass-2026";

    public static async Task<MemberSession> RegisterAsync(ServiceApiFactory<Program> factory, string name = "张三", string? idNumber = null, string? phone = null)
    {
        var id = idNumber ?? TestPeople.IdNumber();
        var tel = phone ?? TestPeople.Phone();
        var anonymous = factory.CreateClient();
        var registered = await anonymous.PostAsJsonAsync("/api/membership/accounts", new RegisterRequest(name, id, tel, DefaultPassword));
        registered.EnsureSuccessStatusCode();
        var signIn = await anonymous.PostAsJsonAsync("/api/membership/accounts/sign-in", new SignInRequest(tel, DefaultPassword));
        signIn.EnsureSuccessStatusCode();
        var token = (await signIn.Content.ReadFromJsonAsync<SignInResponse>(Json.Options))!;
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return new MemberSession(token.SubjectId, name, id, tel, DefaultPassword, client);
    }

    /// <summary>Real-name, face and an approving review: the member is active afterwards.</summary>
    public static async Task<MemberSession> RegisterActiveAsync(ServiceApiFactory<Program> factory, string name = "张三", string? idNumber = null)
    {
        var member = await RegisterAsync(factory, name, idNumber);
        (await member.Client.PostAsJsonAsync("/api/membership/activation/real-name", new { name, idNumber = member.IdNumber })).EnsureSuccessStatusCode();
        (await member.Client.PostAsync("/api/membership/activation/face", Samples.Face())).EnsureSuccessStatusCode();
        var reviewer = factory.CreateClientFor(Guid.NewGuid(), Roles.Member, Roles.Reviewer);
        (await reviewer.PostAsync($"/api/membership/reviews/members/{member.MemberId}/approve", null)).EnsureSuccessStatusCode();
        return member;
    }

    public async Task<NotificationPage> InboxAsync() =>
        (await Client.GetFromJsonAsync<NotificationPage>("/api/membership/notifications", Json.Options))!;

    public async Task SetConsumptionPasswordAsync(string password = "258036") =>
        (await Client.PostAsJsonAsync("/api/membership/consumption-password", new { password })).EnsureSuccessStatusCode();
}
