using Changxing.TestSupport;

namespace Changxing.Points.Tests.Security;

[Trait("Category", TestCategories.Database)]
public sealed class ApiReferenceSpecs(ServiceApiFactory<Program> factory)
    : ApiReferenceSpecs<Program>(factory), IClassFixture<ServiceApiFactory<Program>>;
