using Changxing.Membership.Accounts;
using Changxing.Membership.Data;
using Changxing.Messaging.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Changxing.Membership.Staff;

/// <summary>
/// Creates the configured staff accounts that do not exist yet (an existing account is left as it is).
/// Registered after the database migrator, so the tables exist. Development defaults are refused in Production.
/// </summary>
public sealed partial class StaffSeeder(
    IServiceProvider services, IOptions<MembershipOptions> options, IHostEnvironment environment, ILogger<StaffSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var seeds = options.Value.Staff;
        if (seeds.Count == 0)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var hasher = scope.ServiceProvider.GetRequiredService<SecretHasher>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        foreach (var seed in seeds)
        {
            Validate(seed);
            var userName = StaffAccount.NormaliseUserName(seed.UserName)!;
            if (await db.StaffAccounts.AnyAsync(s => s.UserName == userName, cancellationToken))
            {
                continue;
            }

            db.StaffAccounts.Add(new StaffAccount
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()),
                UserName = userName,
                PasswordHash = hasher.Hash(seed.Password),
                Role = seed.Role,
                CreatedAt = clock.GetUtcNow(),
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                LogSeeded(logger, seed.UserName, seed.Role);
            }
            catch (DbUpdateException e) when (UniqueKeyViolation.Matches(e))
            {
                // Another instance starting at the same moment created it; an existing account is left as it is.
                db.ChangeTracker.Clear();
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Validate(StaffSeed seed)
    {
        if (StaffAccount.NormaliseUserName(seed.UserName) is null || !StaffRoles.IsStaffRole(seed.Role) || !AccountRules.IsAcceptablePassword(seed.Password))
        {
            throw new InvalidOperationException(
                $"Membership:Staff entry '{seed.UserName}' needs a user name, a role ({string.Join(", ", StaffRoles.All)}) and a password of 8 to 64 characters with letters and digits.");
        }

        if (environment.IsProduction() && seed.Password.StartsWith(StaffSeed.DevelopmentPrefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Membership:Staff entry '{seed.UserName}' uses a development default password, refused in Production.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created staff account {UserName} ({Role}) from configuration")]
    private static partial void LogSeeded(ILogger logger, string userName, string role);
}
