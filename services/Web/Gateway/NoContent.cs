namespace Changxing.Web.Gateway;

/// <summary>The value of an API answer without a body (204).</summary>
public sealed record NoContent
{
    public static readonly NoContent Value = new();
}
