using System.ComponentModel.DataAnnotations;

namespace Changxing.ServiceDefaults.Hosting;

/// <summary>
/// An options duration that must be longer than zero (a zero or negative interval, deadline or time-out would spin,
/// never fire, or fire at once). Checked at start-up with <c>ValidateDataAnnotations().ValidateOnStart()</c>; give the
/// configuration key in <see cref="ValidationAttribute.ErrorMessage"/>, so the refusal names what to fix.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PositiveDurationAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is TimeSpan duration && duration > TimeSpan.Zero;
}
