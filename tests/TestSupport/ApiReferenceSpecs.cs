using Xunit;

namespace Changxing.TestSupport;

/// <summary>
/// Generated from a service's OpenAPI document (<see cref="ApiReferenceRules"/>): every operation has a summary and
/// declares the problem answers it can give. Each service's test project derives one class from it.
/// </summary>
public abstract class ApiReferenceSpecs<TProgram>(ServiceApiFactory<TProgram> factory)
    where TProgram : class
{
    protected ServiceApiFactory<TProgram> Factory => factory;

    [Fact]
    public async Task Should_give_every_operation_a_summary_and_declare_its_problem_answers()
    {
        var violations = ApiReferenceRules.Violations(await ApiReferenceRules.ReadAsync(factory));

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
