namespace Changxing.Gateway.RateLimiting;

/// <summary>Configuration section <c>Gateway:RateLimits</c>: one fixed window per policy and caller.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Gateway:RateLimits";

    /// <summary>Every API call, per member (or per client address when anonymous).</summary>
    public WindowLimit PerCaller { get; set; } = new(600, TimeSpan.FromMinutes(1));

    /// <summary>Sign-in and sign-up, per client address: slows password guessing.</summary>
    public WindowLimit SignIn { get; set; } = new(10, TimeSpan.FromMinutes(1));

    /// <summary>Payment authorisations (consumption password entries), per member.</summary>
    public WindowLimit Payment { get; set; } = new(10, TimeSpan.FromMinutes(1));

    /// <summary>Redemption submissions, per member.</summary>
    public WindowLimit Redemption { get; set; } = new(20, TimeSpan.FromMinutes(1));
}

public sealed record WindowLimit(int PermitLimit, TimeSpan Window)
{
    public WindowLimit()
        : this(60, TimeSpan.FromMinutes(1))
    {
    }
}
