using Changxing.TestSupport.BadInput;
using Microsoft.AspNetCore.Hosting;

namespace Changxing.Membership.Tests.BadInput;

/// <summary>Membership hosted for the fuzzer, its uploads in a temporary folder rather than beside the sources.</summary>
public sealed class MembershipBadInputFactory : BadInputApiFactory<Program>
{
    private readonly DirectoryInfo _uploads = Directory.CreateTempSubdirectory("changxing-fuzz-uploads-");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Membership:UploadDirectory", _uploads.FullName);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _uploads.Delete(recursive: true);
        GC.SuppressFinalize(this);
    }
}
