using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;
using Xunit;

namespace Changxing.TestSupport;

/// <summary>Starts a service with one setting changed and returns why it refused to start (an options check at start-up).</summary>
public static class StartupRefusal
{
    public static string OptionsMessage<TProgram>(WebApplicationFactory<TProgram> factory, string key, string value)
        where TProgram : class
    {
        using var host = factory.WithWebHostBuilder(b => b.UseSetting(key, value));
        var thrown = Assert.ThrowsAny<Exception>(() => host.Server);
        for (var e = thrown; e is not null; e = e.InnerException)
        {
            if (e is OptionsValidationException refused)
            {
                return refused.Message;
            }
        }

        throw new Xunit.Sdk.XunitException($"Start-up failed without an options refusal: {thrown}");
    }
}
