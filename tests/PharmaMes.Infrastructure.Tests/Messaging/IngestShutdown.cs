using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PharmaMes.Infrastructure.Tests.Messaging;

/// <summary>A warning in the log is for someone to look at: an orderly stop gives none.</summary>
public class IngestShutdown
{
    [Fact]
    public async Task ANormalStopLogsNoWarning()
    {
        var logs = new CapturedLogs();
        var live = await LiveMesHost.StartAsync(allowAnonymous: true, services: s => s.AddSingleton<ILoggerProvider>(logs));
        var before = logs.Lines.Count;

        await live.DisposeAsync();

        var stopping = logs.Lines.Skip(before).ToList();
        Assert.Contains(stopping, l => l.Text.StartsWith("Embedded MQTT broker stopped", StringComparison.Ordinal));
        Assert.Empty(stopping.Where(l => l.Level >= LogLevel.Warning && l.Category.StartsWith("PharmaMes", StringComparison.Ordinal)).Select(l => $"{l.Category}: {l.Text}"));
    }
}
