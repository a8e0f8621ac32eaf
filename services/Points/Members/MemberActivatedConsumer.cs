using Changxing.Contracts.Membership;
using MassTransit;

namespace Changxing.Points.Members;

public sealed class MemberActivatedConsumer(MemberDirectory directory) : IConsumer<MemberActivated>
{
    public Task Consume(ConsumeContext<MemberActivated> context) => directory.RegisterAsync(context.Message, context.CancellationToken);
}
