using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Changxing.SystemHarness;
using Changxing.TestSupport;

namespace Changxing.SystemHarness.Scenarios;

/// <summary>
/// What people do with the system, through the gateway only: members sign up, get activated, earn points, set a
/// consumption password, add beneficiaries and redeem; staff review and record. Each step asserts its own answer.
/// </summary>
public sealed class Journeys(SystemUnderTest system)
{
    public const string ConsumptionPassword = "581394";
    public const string LoginPassword = "Login-Pass-2026";

    // Staff sign in once per role and journey set: each sign-in is a slow hash, and seeding hundreds of members
    // for the load benchmark would otherwise spend most of its time signing the reviewer in.
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _staffTokens = new(StringComparer.Ordinal);

    private Uri Gateway => system.Gateway.BaseAddress;

    /// <summary>
    /// A client carrying a staff member's token; staff accounts are the development seed of Membership
    /// (appsettings.Development.json). The token is issued once per role and reused (it is valid two hours).
    /// </summary>
    public async Task<HttpClient> StaffAsync(string role)
    {
        var token = await _staffTokens.GetOrAdd(role, r => new Lazy<Task<string>>(() => SignInStaffAsync(r))).Value;
        return Member.ClientWithToken(Gateway, token);
    }

    private async Task<string> SignInStaffAsync(string role)
    {
        using var anonymous = system.CreateClient();
        var password = role switch
        {
            "reviewer" => "dev-only-Reviewer-2026",
            "support" => "dev-only-Support-2026",
            _ => "dev-only-Operator-2026",
        };
        var signedIn = await anonymous.PostJsonAsync("/api/membership/staff/sign-in", new { userName = role, password });
        return signedIn.Str("accessToken");
    }

    public async Task<Member> SignUpAsync(DateOnly birthDate)
    {
        using var anonymous = system.CreateClient();
        var idNumber = ResidentIdNumbers.New(birthDate);
        var phone = "13" + Random.Shared.NextInt64(100_000_000, 999_999_999);
        var name = "测试" + (char)('甲' + Random.Shared.Next(0, 10));
        await anonymous.PostJsonAsync("/api/membership/accounts", new { name, idNumber, phone, password = LoginPassword }, HttpStatusCode.Created, HttpStatusCode.OK);
        var signedIn = await anonymous.PostJsonAsync("/api/membership/accounts/sign-in", new { phone, password = LoginPassword });
        return new Member(signedIn.GetProperty("subjectId").GetGuid(), name, idNumber, phone, Member.ClientWithToken(Gateway, signedIn.Str("accessToken")));
    }

    /// <summary>Real-name and face verification, then a reviewer's approval; waits until Points has heard of the activation.</summary>
    public async Task ActivateAsync(Member member)
    {
        await member.Http.PostJsonAsync("/api/membership/activation/real-name", new { name = member.Name, idNumber = member.IdNumber });
        using (var face = new MultipartFormDataContent { { Video(), "video", "face.mp4" } })
        using (var answer = await member.Http.PostAsync(new Uri("/api/membership/activation/face", UriKind.Relative), face))
        {
            await answer.ReadJsonAsync();
        }

        using var reviewer = await StaffAsync("reviewer");
        await reviewer.PostJsonAsync($"/api/membership/reviews/members/{member.Id}/approve", new { });
        await Eventually.Until(async () =>
        {
            using var balance = await member.Http.GetAsync(new Uri("/api/points/me/balance", UriKind.Relative));
            return balance.StatusCode == HttpStatusCode.OK;
        }, because: "Points learns of the activation from MemberActivated over RabbitMQ");
    }

    /// <summary>
    /// A station window sells <paramref name="member"/> real money-paid tickets whose fares add up to at least
    /// <paramref name="facePrice"/> yuan and back-registers (补登) each: Points credits what Ticketing says of the
    /// ticket, so there is no other way to earn. Returns the points credited.
    /// </summary>
    public async Task<long> EarnAsync(Member member, decimal facePrice)
    {
        long points = 0;
        foreach (var ticket in await SellEarningTicketsAsync(member, facePrice))
        {
            points += await BackRegisterAsync(member, ticket.Str("ticketNumber"));
        }

        return points;
    }

    /// <summary>
    /// The operator's back-registration (补登) of a ticket Ticketing sold to <paramref name="member"/>; returns the points
    /// credited. Like the operator, it tries again when Points answers 503 DownstreamUnavailable (Ticketing did not give
    /// the ticket's facts in time, which a system just started on a busy machine can miss; nothing was credited).
    /// </summary>
    public async Task<long> BackRegisterAsync(Member member, string ticketNumber)
    {
        const int Attempts = 4;
        using var operatorClient = await StaffAsync("operator");
        for (var attempt = 1; ; attempt++)
        {
            using var response = await operatorClient.PostAsJsonAsync("/api/points/back-registrations", new { ticketNumber, memberId = member.Id });
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < Attempts)
            {
                continue;
            }

            var credited = await response.ReadJsonAsync(HttpStatusCode.Created);
            return credited.GetProperty("points").GetInt64();
        }
    }

    /// <summary>
    /// Sells <paramref name="member"/> money-paid tickets from Beijing South to Shanghai Hongqiao on trains leaving
    /// before Points' clock (<see cref="SystemOptions.PointsClockAheadDays"/> ahead), until their fares reach
    /// <paramref name="fares"/> yuan: the cheapest class that covers what is left, else the dearest, so few seats are
    /// taken. Each ticket is a passenger of its own (one seat per passenger and run). Returns the ticket views.
    /// </summary>
    public async Task<List<JsonElement>> SellEarningTicketsAsync(Member member, decimal fares)
    {
        using var operatorClient = await StaffAsync("operator");
        var sold = new List<JsonElement>();
        var offers = await EarningOffersAsync();
        var total = 0m;
        while (total < fares)
        {
            var left = fares - total;
            var offer = offers.Where(o => o.Fare >= left).MinBy(o => o.Fare) ?? offers.MaxBy(o => o.Fare);
            if (offer is null)
            {
                offers = await EarningOffersAsync();
                offer = offers.FirstOrDefault() ?? throw new InvalidOperationException(
                    $"No seat left on a train leaving in the next {system.Options.PointsClockAheadDays} days: nothing to earn points with.");
            }

            var ticket = await TrySellAsync(operatorClient, member, offer, "earn-" + Guid.NewGuid().ToString("N"));
            if (ticket is { } view)
            {
                sold.Add(view);
                total += view.GetProperty("fare").GetDecimal();
            }
            else
            {
                offers.Remove(offer); // sold out, or the train left meanwhile
            }
        }

        return sold;
    }

    /// <summary>Every seat class still sold from VNP to AOH on a train leaving between now (+10 min) and Points' now (-1 h).</summary>
    private async Task<List<EarningOffer>> EarningOffersAsync()
    {
        using var anonymous = system.CreateClient();
        var lead = TimeSpan.FromDays(system.Options.PointsClockAheadDays);
        var now = DateTimeOffset.UtcNow;
        var offers = new List<EarningOffer>();
        var today = DateOnly.FromDateTime(now.UtcDateTime.AddHours(8));
        for (var day = today; day <= DateOnly.FromDateTime((now + lead).UtcDateTime.AddHours(8)); day = day.AddDays(1))
        {
            var search = await anonymous.GetJsonAsync($"/api/ticketing/search?from=VNP&to=AOH&date={day:yyyy-MM-dd}");
            foreach (var train in search.GetProperty("trains").EnumerateArray())
            {
                var departs = train.GetProperty("departsAt").GetDateTimeOffset();
                if (departs < now.AddMinutes(10) || departs > now + lead - TimeSpan.FromHours(1))
                {
                    continue;
                }

                offers.AddRange(train.GetProperty("classes").EnumerateArray()
                    .Where(c => c.GetProperty("seatsLeft").GetInt32() > 0)
                    .Select(c => new EarningOffer(train.Str("trainNumber"), day, c.Str("seatClass"), c.GetProperty("fare").GetDecimal())));
            }
        }

        return offers;
    }

    /// <summary>
    /// A window sale; null when the class is sold out or the train has left. Ticketing sells only to members whose
    /// activation it has heard of (MemberActivated over RabbitMQ), so a sale answered 400 MemberNotActive is retried.
    /// </summary>
    private static async Task<JsonElement?> TrySellAsync(HttpClient operatorClient, Member member, EarningOffer offer, string passengerKey)
    {
        var sale = new
        {
            memberId = member.Id,
            passengerKey,
            passengerName = member.Name,
            passengerIdMasked = "1101**********1234",
            trainNumber = offer.Train,
            travelDate = offer.Date.ToString("yyyy-MM-dd"),
            fromStation = "VNP",
            toStation = "AOH",
            seatClass = offer.SeatClass,
        };
        var answer = await Eventually.Until(
            async () =>
            {
                using var response = await operatorClient.PostAsJsonAsync("/api/ticketing/tickets", sale);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.BadRequest && body.Contains("\"MemberNotActive\"", StringComparison.Ordinal))
                {
                    return null; // not yet heard of the activation
                }

                if (response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.BadRequest
                    && (body.Contains("\"SoldOut\"", StringComparison.Ordinal) || body.Contains("already left", StringComparison.Ordinal)))
                {
                    return new SaleAnswer(null);
                }

                return new SaleAnswer(await response.ReadJsonAsync(HttpStatusCode.Created));
            },
            a => a is not null,
            because: "Ticketing hears of the activation and sells");
        return answer!.Ticket;
    }

    private sealed record SaleAnswer(JsonElement? Ticket);

    /// <summary>
    /// A station window sells <paramref name="member"/> a money-paid seat from Beijing South to Shanghai Hongqiao. Ticketing
    /// sells only to members whose activation it has heard of (MemberActivated over RabbitMQ), so a sale right after the
    /// activation is retried while Ticketing answers 400 MemberNotActive.
    /// </summary>
    public async Task<JsonElement> SellAtWindowAsync(Member member, string train, DateOnly date, string seatClass = "Second")
    {
        using var operatorClient = await StaffAsync("operator");
        return await TrySellAsync(operatorClient, member, new EarningOffer(train, date, seatClass, 0m), "window-" + member.Id.ToString("N"))
            ?? throw new InvalidOperationException($"{seatClass} on {train} {date:yyyy-MM-dd} is sold out or has left.");
    }

    public Task<JsonElement> BalanceAsync(Member member) => member.Http.GetJsonAsync("/api/points/me/balance");

    public Task SetConsumptionPasswordAsync(Member member) =>
        member.Http.PostJsonAsync("/api/membership/consumption-password", new { password = ConsumptionPassword }, HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.NoContent);

    public async Task<string> AuthoriseAsync(Member member)
    {
        var issued = await member.Http.PostJsonAsync("/api/membership/payment-authorisations", new { consumptionPassword = ConsumptionPassword }, HttpStatusCode.OK, HttpStatusCode.Created);
        return issued.Str("authorisationCode");
    }

    public async Task<HttpResponseMessage> AuthoriseWithAsync(Member member, string password = ConsumptionPassword) =>
        await member.Http.PostAsJsonAsync("/api/membership/payment-authorisations", new { consumptionPassword = password });

    /// <summary>A G train whose <paramref name="seatClass"/> shows "兑" from Beijing South to Shanghai Hongqiao in the coming days.</summary>
    public async Task<(string Train, DateOnly Date, long Points)> FindRedeemableAsync(string seatClass = "Second", string? except = null)
    {
        await foreach (var run in RedeemableRunsAsync(seatClass))
        {
            if (run.Train != except)
            {
                return (run.Train, run.Date, run.Points);
            }
        }

        throw new InvalidOperationException("No redeemable train found in the coming 30 days.");
    }

    /// <summary>
    /// Every run whose <paramref name="seatClass"/> shows "兑" from <paramref name="from"/> (Beijing South unless named) to
    /// <paramref name="to"/> (Shanghai Hongqiao unless named), 3 to 29 days ahead, soonest first.
    /// </summary>
    public async IAsyncEnumerable<RedeemableRun> RedeemableRunsAsync(string seatClass = "Second", string from = "VNP", string to = "AOH")
    {
        using var anonymous = system.CreateClient();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        for (var day = today.AddDays(3); day < today.AddDays(30); day = day.AddDays(1))
        {
            var search = await anonymous.GetJsonAsync($"/api/ticketing/search?from={from}&to={to}&date={day:yyyy-MM-dd}");
            foreach (var train in search.GetProperty("trains").EnumerateArray())
            {
                foreach (var offer in train.GetProperty("classes").EnumerateArray())
                {
                    if (offer.Str("seatClass") == seatClass && offer.GetProperty("mark").ValueKind == JsonValueKind.String)
                    {
                        yield return new RedeemableRun(train.Str("trainNumber"), day, offer.GetProperty("pointsPrice").GetInt64(), offer.GetProperty("seatsLeft").GetInt32(), from, to);
                    }
                }
            }
        }
    }

    /// <summary>An active member (aged 60+, so x15) with at least <paramref name="points"/> points and a consumption password.</summary>
    public async Task<Member> RichMemberAsync(long points)
    {
        var member = await SignUpAsync(new DateOnly(1950, 1, 15));
        await ActivateAsync(member);
        long earned = 0;
        while (earned < points)
        {
            // x15 for this age: the fares of a few real tickets, each back-registered (补登).
            earned += await EarnAsync(member, Math.Ceiling((points - earned) / 15m));
        }

        await SetConsumptionPasswordAsync(member);
        return member;
    }

    /// <summary>Submits a redemption; a retry after a failed answer passes the same <paramref name="idempotencyKey"/>.</summary>
    public async Task<Guid> RedeemAsync(Member member, string train, DateOnly date, string code, Guid? beneficiaryId = null, string seatClass = "Second", string? idempotencyKey = null)
    {
        using var request = RedemptionRequest(train, date, code, beneficiaryId, seatClass, idempotencyKey);
        using var response = await member.Http.SendAsync(request);
        return (await response.ReadJsonAsync(HttpStatusCode.Accepted)).GetProperty("id").GetGuid();
    }

    /// <summary>
    /// POST /api/redemptions from <paramref name="from"/> (Beijing South unless named) to <paramref name="to"/> (Shanghai
    /// Hongqiao unless named), for callers that read the answer themselves; with a fresh Idempotency-Key unless a retry
    /// passes the one it used before.
    /// </summary>
    public static HttpRequestMessage RedemptionRequest(
        string train, DateOnly date, string code, Guid? beneficiaryId = null, string seatClass = "Second", string? idempotencyKey = null, string from = "VNP", string to = "AOH")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/redemptions")
        {
            Content = JsonContent.Create(new
            {
                beneficiaryId,
                trainNumber = train,
                travelDate = date.ToString("yyyy-MM-dd"),
                fromStation = from,
                toStation = to,
                seatClass,
                authorisationCode = code,
            }),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString("N"));
        return request;
    }

    public async Task<JsonElement> WaitFinishedAsync(Member member, Guid redemptionId, TimeSpan? timeout = null) =>
        await Eventually.Until(
            () => member.Http.GetJsonAsync($"/api/redemptions/{redemptionId}"),
            r => r.GetProperty("finished").GetBoolean(),
            timeout ?? TimeSpan.FromSeconds(60),
            $"redemption {redemptionId} completes or fails");

    public async Task<JsonElement[]> NotificationsAsync(Member member) =>
        (await member.Http.GetJsonAsync("/api/membership/notifications")).GetProperty("items").EnumerateArray().ToArray();

    /// <summary>Adds a beneficiary with ID images and a face video and has a reviewer verify them; returns its id.</summary>
    /// <param name="birthDate">Vary it when adding many: an ID number has only 1,000 sequence numbers per birth date.</param>
    public async Task<Guid> AddVerifiedBeneficiaryAsync(Member member, DateOnly? birthDate = null)
    {
        var idNumber = ResidentIdNumbers.New(birthDate ?? new DateOnly(1998, 5, 20));
        using var form = new MultipartFormDataContent
        {
            { new StringContent("受让人乙"), "name" },
            { new StringContent(idNumber), "idNumber" },
            { Image(), "idFront", "front.jpg" },
            { Image(), "idBack", "back.jpg" },
            { Video(), "faceVideo", "face.mp4" },
        };
        using var added = await member.Http.PostAsync(new Uri("/api/membership/beneficiaries", UriKind.Relative), form);
        var beneficiary = await added.ReadJsonAsync(HttpStatusCode.Created, HttpStatusCode.OK);
        var id = beneficiary.GetProperty("id").GetGuid();
        using var reviewer = await StaffAsync("reviewer");
        await reviewer.PostJsonAsync($"/api/membership/reviews/beneficiaries/{id}/approve", new { });
        return id;
    }

    private static ByteArrayContent Image()
    {
        var bytes = new byte[2048];
        Random.Shared.NextBytes(bytes);
        bytes[0] = 0xFF;
        bytes[1] = 0xD8;
        bytes[2] = 0xFF;
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
        return content;
    }

    /// <summary>An ISO media file header ("ftyp" box) and enough bytes for the development face verifier.</summary>
    private static ByteArrayContent Video()
    {
        var bytes = new byte[4096];
        Random.Shared.NextBytes(bytes);
        byte[] header = [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'m', (byte)'p', (byte)'4', (byte)'2'];
        header.CopyTo(bytes, 0);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("video/mp4");
        return content;
    }
}
