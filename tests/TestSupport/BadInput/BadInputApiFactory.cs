using Microsoft.Extensions.DependencyInjection;

namespace Changxing.TestSupport.BadInput;

/// <summary>A service hosted for the fuzzer: the usual test host plus the log of what each request wrote.</summary>
public class BadInputApiFactory<TProgram> : ServiceApiFactory<TProgram>
    where TProgram : class
{
    public RequestWriteLog Writes => Services.GetRequiredService<RequestWriteLog>();

    protected override void ConfigureTestServices(IServiceCollection services) => RequestWriteLog.Register(services);
}
