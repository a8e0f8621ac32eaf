using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;
using Xunit;

namespace Changxing.TestSupport;

/// <summary>Starts a service with one setting changed and returns why it refused to start (an options check at start-up).</summary>
public static class StartupRefusal
{
    /// <summary>
    /// WebApplicationFactory runs the service's entry point on a thread of its own; when the service refuses to start,
    /// the entry point may dispose its services before the factory has read them, and the factory then reports that
    /// (an ObjectDisposedException) instead of the refusal. That race is the factory's, so the start is tried again.
    /// </summary>
    private const int Attempts = 5;

    public static string OptionsMessage<TProgram>(WebApplicationFactory<TProgram> factory, string key, string value)
        where TProgram : class
    {
        Exception? last = null;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            using var host = factory.WithWebHostBuilder(b => b.UseSetting(key, value));
            var thrown = Assert.ThrowsAny<Exception>(() => host.Server);
            if (Find<OptionsValidationException>(thrown) is { } refused)
            {
                return refused.Message;
            }

            if (Find<ObjectDisposedException>(thrown) is null)
            {
                throw new Xunit.Sdk.XunitException($"Start-up failed without an options refusal: {thrown}");
            }

            last = thrown;
        }

        throw new Xunit.Sdk.XunitException($"Start-up never reported its refusal in {Attempts} attempts: {last}");
    }

    private static T? Find<T>(Exception thrown)
        where T : Exception
    {
        for (var e = thrown; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }
}
