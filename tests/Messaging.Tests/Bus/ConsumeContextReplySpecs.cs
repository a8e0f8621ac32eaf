using Changxing.Messaging.Bus;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Messaging.Tests.Bus;

/// <summary>A command's outcome goes back to the requester when there is one, and is published for the saga otherwise.</summary>
public sealed class ConsumeContextReplySpecs
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Should_answer_a_request_to_its_requester_only(bool outcomeTypedAtRunTime)
    {
        await using var provider = Build();
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var id = Guid.NewGuid();

        var response = await harness.GetRequestClient<ReplyCommand>().GetResponse<ReplyOutcome>(new ReplyCommand(id, outcomeTypedAtRunTime));

        Assert.Equal(id, response.Message.Id);
        Assert.False(await harness.Published.Any<ReplyOutcome>(m => m.Context.Message.Id == id));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Should_publish_the_outcome_of_a_command_sent_without_a_requester(bool outcomeTypedAtRunTime)
    {
        await using var provider = Build();
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var id = Guid.NewGuid();

        await harness.Bus.Publish(new ReplyCommand(id, outcomeTypedAtRunTime));

        Assert.True(await harness.Published.Any<ReplyOutcome>(m => m.Context.Message.Id == id), "the outcome is published as its own type");
    }

    private static ServiceProvider Build() =>
        new ServiceCollection()
            .AddMassTransitTestHarness(x => x.AddConsumer<ReplyingConsumer>())
            .BuildServiceProvider(true);

    public sealed record ReplyCommand(Guid Id, bool OutcomeTypedAtRunTime);

    public sealed record ReplyOutcome(Guid Id);

    public sealed class ReplyingConsumer : IConsumer<ReplyCommand>
    {
        public Task Consume(ConsumeContext<ReplyCommand> context)
        {
            var outcome = new ReplyOutcome(context.Message.Id);
            return context.Message.OutcomeTypedAtRunTime ? context.ReplyAsync((object)outcome) : context.ReplyAsync(outcome);
        }
    }
}
