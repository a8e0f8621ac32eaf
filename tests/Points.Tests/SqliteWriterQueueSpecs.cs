using Changxing.Messaging.Data;
using Changxing.Points.Data;
using Changxing.Points.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Points.Tests;

/// <summary>
/// Every writer of Points' SQLite file joins the file's one queue: a member transaction waits for the turn another
/// writer holds (a SaveChanges outside a transaction, a saga) instead of going on to meet SQLite's write lock and sleep
/// in the driver's busy retry. SQLite only (the server providers need no queue), so it runs in the SQLite pass.
/// </summary>
public sealed class SqliteWriterQueueSpecs(PointsApiFactory factory) : IClassFixture<PointsApiFactory>
{
    [Fact]
    public async Task Should_start_a_member_transaction_only_after_another_writer_of_the_file_ends_its_turn()
    {
        var member = await factory.ActivateMemberAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PointsDbContext>();

        Task<Guid> crediting;
        await using (var turn = await SqliteFileWriterGate.EnterAsync(db, CancellationToken.None))
        {
            Assert.NotNull(turn);
            crediting = factory.CreditAsync(member, 1_000);

            // Not a time rule: a window in which the credit may not get through while another writer holds the turn.
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            Assert.False(crediting.IsCompleted);
        }

        await crediting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1_000, (await factory.BalanceAsync(member))!.Available);
    }

    [Fact]
    public async Task Should_give_the_turn_back_when_a_save_fails_before_it_reaches_the_database()
    {
        var member = await factory.ActivateMemberAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // A key changed on a tracked entity: change detection refuses it before EF Core's save begins, where EF
            // calls no SaveChangesFailed (a turn taken by an interceptor pair was lost here, and every later write of
            // the process waited out its 5 s patience).
            var db = scope.ServiceProvider.GetRequiredService<PointsDbContext>();
            var tracked = await db.Members.SingleAsync(m => m.MemberId == member);
            typeof(PointsMember).GetProperty(nameof(PointsMember.MemberId))!.SetValue(tracked, Guid.NewGuid());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PointsDbContext>();
            await using var turn = await SqliteFileWriterGate.EnterAsync(db, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(2));
            Assert.NotNull(turn);
        }
    }
}
