using Changxing.Messaging.Data;

namespace Changxing.Messaging.Tests.Data;

/// <summary>The in-process gate every service's writer queue is built on: one holder, a turn passed on exactly once.</summary>
public sealed class InProcessGateSpecs
{
    [Fact]
    public async Task Should_pass_the_turn_on_once_when_its_handle_is_disposed_twice()
    {
        using var gate = new InProcessGate();
        var turn = await gate.EnterAsync(CancellationToken.None);
        turn.Dispose();
        await turn.DisposeAsync();

        await using var next = await gate.EnterAsync(CancellationToken.None);

        // Had the double dispose released twice, a second holder would get in now.
        Assert.Null(await gate.TryEnterAsync(TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task Should_keep_a_second_enterer_waiting_until_the_holder_disposes_its_turn()
    {
        using var gate = new InProcessGate();
        var held = await gate.EnterAsync(CancellationToken.None);

        var waiting = gate.EnterAsync(CancellationToken.None).AsTask();
        Assert.False(waiting.IsCompleted);

        await held.DisposeAsync();
        await using var turn = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Should_give_the_same_key_one_gate_and_other_keys_their_own()
    {
        var gates = new InProcessGates<string>(StringComparer.Ordinal);
        await using var held = await gates.For("a.db").EnterAsync(CancellationToken.None);

        Assert.Same(gates.For("a.db"), gates.For("a.db"));
        Assert.Null(await gates.For("a.db").TryEnterAsync(TimeSpan.Zero, CancellationToken.None));
        await using var other = await gates.For("b.db").TryEnterAsync(TimeSpan.Zero, CancellationToken.None);
        Assert.NotNull(other);
    }
}
