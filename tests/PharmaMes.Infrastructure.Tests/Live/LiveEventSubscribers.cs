using Microsoft.Extensions.Logging;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Live;

namespace PharmaMes.Infrastructure.Tests.Live;

/// <summary>The one live-event path on one node: failures are said, subscriptions end when disposed, scopes are kept.</summary>
public class LiveEventSubscribers
{
    private static EquipmentStateChanged Down() => new("TP-01", "OSD-L1", EquipmentState.Down, DateTimeOffset.UtcNow, "Punch breakage");

    [Fact]
    public void AFailingSubscriberIsLoggedAndTheOthersStillGetTheEvent()
    {
        using var logs = new CapturedLogs();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        var events = new LiveEvents(factory.CreateLogger<LiveEvents>());
        var received = new List<string>();
        using var broken = events.Subscribe<EquipmentStateChanged>(_ => throw new InvalidOperationException("a broken screen"));
        using var screen = events.Subscribe<EquipmentStateChanged>(change => received.Add(change.EquipmentCode));

        events.Publish(Down());

        Assert.Equal(["TP-01"], received);
        var line = Assert.Single(logs.Lines, l => l.Category == typeof(LiveEvents).FullName);
        Assert.Equal(LogLevel.Error, line.Level);
        Assert.Contains("A subscriber to EquipmentStateChanged", line.Text);
    }

    [Fact]
    public void ADisposedSubscriptionHearsNothingMoreAndTheOthersGoOn()
    {
        using var factory = LoggerFactory.Create(_ => { });
        var events = new LiveEvents(factory.CreateLogger<LiveEvents>());
        var (first, second) = (0, 0);
        var closed = events.Subscribe<EquipmentStateChanged>(_ => first++);
        using var open = events.Subscribe<EquipmentStateChanged>(_ => second++);

        events.Publish(Down());
        closed.Dispose();
        closed.Dispose();
        events.Publish(Down());

        Assert.Equal((1, 2), (first, second));
    }

    [Fact]
    public void AnEventReachesOnlyTheSubscribersOfItsOwnType()
    {
        using var factory = LoggerFactory.Create(_ => { });
        var events = new LiveEvents(factory.CreateLogger<LiveEvents>());
        var states = 0;
        var telemetry = 0;
        using var a = events.Subscribe<EquipmentStateChanged>(_ => states++, LiveEventScope.ThisNode);
        using var b = events.Subscribe<TelemetryUpdated>(_ => telemetry++);

        events.Publish(Down());

        Assert.Equal((1, 0), (states, telemetry));
    }

    [Fact]
    public void AnOtherNodesSubscriberDoesNotHearThisNodesEvents()
    {
        using var factory = LoggerFactory.Create(_ => { });
        var events = new LiveEvents(factory.CreateLogger<LiveEvents>());
        var (all, own, others) = (0, 0, 0);
        using var a = events.Subscribe<EquipmentStateChanged>(_ => all++);
        using var b = events.Subscribe<EquipmentStateChanged>(_ => own++, LiveEventScope.ThisNode);
        using var c = events.Subscribe<EquipmentStateChanged>(_ => others++, LiveEventScope.OtherNodes);

        events.Publish(Down());

        Assert.Equal((1, 1, 0), (all, own, others));
    }
}
