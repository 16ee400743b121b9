using Microsoft.Extensions.Logging;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Live;

namespace PharmaMes.Infrastructure.Tests.Live;

/// <summary>A screen whose handler throws neither stops the others nor goes unnoticed.</summary>
public class PlantNotifierSubscribers
{
    [Fact]
    public void AFailingSubscriberIsLoggedAndTheOthersStillGetTheEvent()
    {
        using var logs = new CapturedLogs();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        var notifier = new PlantNotifier(factory.CreateLogger<PlantNotifier>());
        var received = new List<string>();
        notifier.EquipmentStateChanged += _ => throw new InvalidOperationException("a broken screen");
        notifier.EquipmentStateChanged += change => received.Add(change.EquipmentCode);

        notifier.Publish(new EquipmentStateChanged("TP-01", "OSD-L1", EquipmentState.Down, DateTimeOffset.UtcNow, "Punch breakage"));

        Assert.Equal(["TP-01"], received);
        var line = Assert.Single(logs.Lines, l => l.Category == typeof(PlantNotifier).FullName);
        Assert.Equal(LogLevel.Error, line.Level);
        Assert.Contains("A subscriber to EquipmentStateChanged", line.Text);
    }
}
