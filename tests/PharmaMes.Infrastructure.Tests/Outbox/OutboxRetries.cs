using PharmaMes.Infrastructure.Outbox;

namespace PharmaMes.Infrastructure.Tests.Outbox;

public class OutboxRetries
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EachFailureWaitsTwiceAsLongUpToTheLongestWaitThenTheMessageIsDeadLettered()
    {
        var message = new OutboxMessage(ErpMessageType.GoodsIssue, "Batch:B-1", At, "{}");
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            message.MarkFailed("HTTP 503", At, maxAttempts: 6, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));
            waits.Add(message.NextAttemptAt - At);
        }
        Assert.Equal([5, 10, 20, 30, 30], waits.Select(w => w.TotalSeconds));
        Assert.Equal(OutboxStatus.Pending, message.Status);

        message.MarkFailed("HTTP 503", At, maxAttempts: 6, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));

        Assert.Equal((OutboxStatus.Failed, 6, "HTTP 503"), (message.Status, message.Attempts, message.LastError));
    }

    [Fact]
    public void AReplayStartsAgainWithTheSameKeyAndADeliveryClearsTheError()
    {
        var message = new OutboxMessage(ErpMessageType.LotStatusChanged, "Lot:L-1", At, "{}");
        var key = message.MessageId;
        message.MarkFailed(new string('x', 3000), At, 1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        Assert.Equal(OutboxMessage.ErrorMaxLength, message.LastError!.Length);

        message.Replay(At.AddHours(1));
        Assert.Equal((OutboxStatus.Pending, 0, At.AddHours(1)), (message.Status, message.Attempts, message.NextAttemptAt));
        message.MarkDelivered(At.AddHours(1));

        Assert.Equal((OutboxStatus.Delivered, key, null as string), (message.Status, message.MessageId, message.LastError));
        Assert.Equal(At.AddHours(1), message.DeliveredAt);
    }
}
