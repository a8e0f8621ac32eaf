namespace Changxing.SystemHarness.Load;

/// <summary>How many redeeming members <see cref="Population.SeedAsync"/> makes, and for how many redemptions each.</summary>
public sealed record PopulationOptions
{
    public int Members { get; init; } = 50;

    /// <summary>Each member earns points for this many redemptions of the dearest seeded run, each on a different run.</summary>
    public int RedemptionsPerMember { get; init; } = 10;

    /// <summary>Members seeded at once (each seeding is about fifteen requests, three of them slow password hashes).</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>
    /// The "兑" quota set on every redeemable run's second-class allotment, so the seeded quota (30) is not what a
    /// load run measures; at most the class's seats (a G train has 540 to 607 second-class seats).
    /// </summary>
    public int QuotaPerRun { get; init; } = 600;

    /// <summary>
    /// Makes the beneficiaries effective by restarting Membership (every instance of it) 61 days ahead (DevelopmentClock), as the end-to-end
    /// redemption test does. Tokens issued before that restart stay valid; ones Membership issues after it are dated
    /// in the future, so the population signs every member and the operator in before it.
    /// </summary>
    public bool EffectiveBeneficiaries { get; init; } = true;
}
